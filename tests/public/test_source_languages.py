"""A source written in another language than the page says which, and its link and title
carry that language (hreflang, lang)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sistercities.models import Source
from tests.helpers.pages import page_paths

pytestmark = pytest.mark.django_db


def source_items(html: str) -> list[str]:
    block = re.search(r'<ul class="sources">(.*?)</ul>', html, re.S).group(1)
    return [item.strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_an_english_source_on_the_turkish_page_is_marked_english(client, showcase):
    html = client.get(page_paths("tr")["visit"]).content.decode()

    [item] = source_items(html)
    assert item.startswith(
        '<span lang="en">Mayor of Osmangazi Mustafa Dündar visits sister city Kapchagay</span>, '
        '<span lang="en">Union of Turkish World Municipalities (TDBB)</span>'
    )
    assert item.endswith('<span class="source__language">(İngilizce)</span>')


@pytest.mark.parametrize(
    ("language", "note"), [("kk", "(ағылшынша)"), ("ru", "(язык: английский)")]
)
def test_the_sources_language_is_named_in_the_pages(client, showcase, language, note):
    html = client.get(page_paths(language)["visit"]).content.decode()

    assert source_items(html)[0].endswith(f'<span class="source__language">{note}</span>')


def test_a_linked_source_carries_hreflang_and_lang_on_its_link(client, showcase):
    Source.objects.update(url="https://www.tdbb.org.tr/haber/kapchagay")

    [item] = source_items(client.get(page_paths("tr")["visit"]).content.decode())

    assert item.startswith(
        '<a href="https://www.tdbb.org.tr/haber/kapchagay" hreflang="en" lang="en">Mayor of'
    )


def test_a_source_in_the_pages_own_language_is_not_marked(client, showcase):
    Source.objects.update(url="https://www.tdbb.org.tr/haber/kapchagay")

    [item] = source_items(client.get(page_paths("en")["visit"]).content.decode())

    assert item.startswith('<a href="https://www.tdbb.org.tr/haber/kapchagay" hreflang="en">')
    assert "lang=" not in item.replace("hreflang=", "")
    assert "source__language" not in item


def test_a_source_of_unknown_language_is_shown_as_it_is(client, showcase):
    Source.objects.update(language="")

    [item] = source_items(client.get(page_paths("tr")["visit"]).content.decode())

    assert "lang=" not in item
    assert "source__language" not in item


def test_the_language_is_chosen_from_the_languages_django_names(db):
    source = Source(title="Bericht", language="de")
    source.full_clean()
    with translation.override("tr"):
        assert dict(Source._meta.get_field("language").choices)["de"] == "Almanca"
    source.language = "xx-nowhere"
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert list(refused.value.message_dict) == ["language"]
