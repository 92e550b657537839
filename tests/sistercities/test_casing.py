"""Capitals by the rules of the language: İ/i and I/ı in Turkish (and Azerbaijani)."""

import sys

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from sistercities.casing import capfirst, lower, upper
from tests.factories import VisitFactory
from tests.helpers.casing import miscased


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("ilişkiler", "tr", "İlişkiler"),
        ("ılık", "tr", "Ilık"),
        ("işbirliği", "az", "İşbirliği"),
        ("işbirliği", "tr-TR", "İşbirliği"),
        ("relationships", "en", "Relationships"),
        ("istanbul", "en", "Istanbul"),
        ("қазақ тілі", "kk", "Қазақ тілі"),
        ("", "tr", ""),
    ],
)
def test_capfirst_follows_the_language(text, language, expected):
    assert capfirst(text, language) == expected


def test_upper_and_lower_follow_the_language():
    assert upper("işbirliği ılık", "tr") == "İŞBİRLİĞİ ILIK"
    assert upper("işbirliği", "en") == "IŞBIRLIĞI"
    assert lower("İZMİR IŞIK", "tr") == "izmir ışık"
    assert lower("İZMİR", "tr") == "izmir"  # no combining dot
    assert lower("IRON", "en") == "iron"


def test_the_active_language_is_used_when_none_is_given():
    with translation.override("tr"):
        assert capfirst("imza tarihi") == "İmza tarihi"
    with translation.override("ru"):
        assert capfirst("imza") == "Imza"


def test_lazy_text_stays_lazy_and_is_cased_when_read():
    label = capfirst(gettext_lazy("relationships"))
    assert isinstance(label, Promise)
    with translation.override("tr"):
        assert str(label) == "İlişkiler"
    with translation.override("en"):
        assert str(label) == "Relationships"


def test_no_loaded_module_still_holds_djangos_capfirst():
    """sistercities.casing_patches lists the modules that imported Django's capfirst; one
    that a new Django or django-simple-history adds is found here."""
    originals = {"django.utils.text", "django.template.defaultfilters"}
    holders = [
        name
        for name, module in list(sys.modules.items())
        if getattr(getattr(module, "capfirst", None), "__module__", None) in originals
    ]
    assert holders == []


def test_templates_use_the_turkish_filters():
    from django.template import engines

    django_engine, jinja = engines["django"], engines["jinja2"]
    with translation.override("tr"):
        assert (
            django_engine.from_string("{{ w|capfirst }} {{ w|upper }}").render({"w": "işbirliği"})
            == "İşbirliği İŞBİRLİĞİ"
        )
        assert django_engine.from_string('{{ w|capfirst:"en" }}').render({"w": "i"}) == "I"
        assert (
            jinja.from_string("{{ w|capfirst }} {{ w|upper }}").render({"w": "işbirliği"})
            == "İşbirliği İŞBİRLİĞİ"
        )


@pytest.fixture
def admin_pages(db, admin_client):
    """The admin's index, a visit's and a relationship's change forms and the protocol
    form, in a language (the admin's URLs carry it, as the public pages' do)."""
    visit = VisitFactory()

    def get(language):
        with translation.override(language):
            urls = [
                reverse("admin:index"),
                reverse("admin:visits_visit_change", args=[visit.pk]),
                reverse("admin:sistercities_relationship_change", args=[visit.relationship_id]),
                reverse("admin:sistercities_protocol_add"),
            ]
        pages = []
        for url in urls:
            response = admin_client.get(url)
            assert response.status_code == 200, url
            pages.append(response.content.decode())
        return "\n".join(pages)

    return get


def test_the_turkish_admin_capitalises_with_a_dotted_i(admin_pages):
    html = admin_pages("tr")
    for label in ("İlişkiler", "İşbirliği alanları", "İlgili etkinlik", "İmza tarihi"):
        assert label in html
    assert miscased(html) == []


def test_the_english_admin_is_unchanged(admin_pages):
    html = admin_pages("en")
    for label in ("Relationships", "Areas of cooperation", "Related event", "Signed on"):
        assert label in html
