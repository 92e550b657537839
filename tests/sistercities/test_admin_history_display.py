"""The history page speaks the staff's language: django-simple-history's words translated,
times in the portal's time zone without microseconds, choices by their labels."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.factories import RelationshipFactory, SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db

# Istanbul is UTC+3: 09:30 UTC reads 12:30.
PUBLISHED_AT = datetime.datetime(2024, 3, 5, 9, 30, 15, 123456, tzinfo=datetime.UTC)

WORDS = {
    "tr": [
        "Nesne",
        "Değiştiren",
        "Değişiklik nedeni",
        "Değişiklikler",
        "Değiştirildi",
        "Bu nesnenin önceki bir sürümüne dönmek için",
    ],
    "ru": [
        "Объект",
        "Кем изменено",
        "Причина изменения",
        "Изменения",
        "Изменено",
        "Выберите дату из списка ниже",
    ],
    "kk": [
        "Нысан",
        "Өзгерткен",
        "Өзгеріс себебі",
        "Өзгерістер",
        "Өзгертілді",
        "Осы нысанның алдыңғы нұсқасына оралу үшін",
    ],
}
STATES = {"tr": "taslak → yayımlandı", "ru": "черновик → опубликовано", "kk": "жоба → жарияланған"}
ENGLISH = ["Choose a date", "Changed by", "Change reason", "Object", "Comment"]


@pytest.fixture
def published_visit():
    visit = VisitFactory(status="draft", publish_at=None)
    visit.status, visit.publish_at = "published", PUBLISHED_AT
    visit.save()
    return visit


def page_text(client, name, language, *args) -> str:
    with translation.override(language):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.mark.parametrize("language", ["tr", "ru", "kk"])
def test_history_list_is_in_the_staff_language_with_local_times_and_labels(
    admin_client, published_visit, language
):
    text = page_text(admin_client, "admin:visits_visit_history", language, published_visit.pk)
    for word in WORDS[language]:
        assert word in text
    for word in ENGLISH:
        assert word not in text
    assert STATES[language] in text
    assert "draft" not in text
    with translation.override(language):
        local = formats.date_format(timezone.localtime(PUBLISHED_AT), "DATETIME_FORMAT")
    assert "12:30" in local
    assert f"— → {local}" in text
    assert "+00:00" not in text
    assert not re.search(r"\d\d:\d\d:\d\d\.\d{6}", text)
    assert "None" not in text


def test_english_history_keeps_its_words(admin_client, published_visit):
    text = page_text(admin_client, "admin:visits_visit_history", "en", published_visit.pk)
    assert "Changed by" in text
    assert "draft → published" in text
    assert "12:30" in text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("tr", "Nesnenin bu sürümüne dönmek için aşağıdaki 'Geri yükle' düğmesine basın."),
        ("ru", "Нажмите кнопку «Восстановить» ниже, чтобы вернуться к этой версии объекта."),
    ],
)
def test_revert_page_is_translated(admin_client, published_visit, language, sentence):
    version = published_visit.history.earliest("history_id")
    text = page_text(
        admin_client, "admin:visits_visit_simple_history", language, published_visit.pk, version.pk
    )
    assert sentence in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("tr", ["Giriş denetimi", "Giriş denemeleri", "Başarısız girişler"]),
        ("ru", ["Контроль входа", "Попытки входа", "Неудачные входы"]),
        ("kk", ["Кіруді бақылау", "Кіру әрекеттері", "Сәтсіз кірулер"]),
    ],
)
def test_admin_home_names_the_sign_in_records_in_the_staff_language(admin_client, language, words):
    text = page_text(admin_client, "admin:index", language)
    for word in words:
        assert word in text
    assert "Axes" not in text
    assert "Access attempts" not in text
    assert "Access failures" not in text


def test_dates_and_yes_or_no_are_written_out(admin_client):
    source = SourceFactory(accessed_on=None)
    source.accessed_on = datetime.date(2024, 3, 5)
    source.save()
    relationship = RelationshipFactory(is_published=False)
    relationship.is_published = True
    relationship.save()

    text = page_text(admin_client, "admin:sistercities_source_history", "tr", source.pk)
    assert "— → 5 Mart 2024" in text
    text = page_text(admin_client, "admin:sistercities_relationship_history", "ru", relationship.pk)
    assert "Нет → Да" in text
