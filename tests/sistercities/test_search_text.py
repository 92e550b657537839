"""Search by word beginnings, accent-, case- and Turkish-İ-insensitively (the public
search and the admin's), on whichever database the tests run."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from sistercities.folding import fold
from sistercities.models import City, Relationship
from sistercities.search_text import folded_words
from visits.models import Visit


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kapçağay", "kapcagay"),
        ("KAPÇAĞAY", "kapcagay"),
        ("İZMİR", "izmir"),
        ("Izmir", "izmir"),
        ("ızmir", "izmir"),
        ("Қапшағай", "қапшағаи"),  # й decomposes to и and a breve
        ("КАПЧАГАЙ", "капчагаи"),
        ("Ёлка", "елка"),
    ],
)
def test_fold_drops_accents_case_and_the_turkish_dots(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_a_folded_word_folds_to_itself(text):
    for word in folded_words(text):
        assert folded_words(word) == [word]


QUERIES = {
    # language: queries that must find the city Konaev (formerly Kapçağay)
    "tr": ["Kapça", "kapca", "KAPÇA", "konaev", "KONA", "almati"],
    "en": ["Kapch", "KAPCHAGAY", "konaev", "almaty reg"],
    "kk": ["Қапш", "қапшағай", "ҚОНА", "алматы облы"],
    "ru": ["капч", "КАПЧАГАЙ", "конаев", "алматинская"],
}


def search_html(client, language, query):
    with translation.override(language):
        url = reverse("sistercities:search")
    return client.get(url, {"q": query}).content.decode()


@pytest.mark.parametrize("language", QUERIES)
def test_public_search_finds_word_beginnings_in_each_language(client, showcase, language):
    konaev = City.objects.get(slug="konaev")
    with translation.override(language):
        city_url = konaev.get_absolute_url()
    for query in QUERIES[language]:
        assert f'href="{city_url}"' in search_html(client, language, query), query


@pytest.mark.parametrize("query", ["Қапш", "капч", "Kapch", "Қонаев"])
def test_public_search_finds_a_name_in_any_language(client, showcase, query):
    with translation.override("tr"):
        city_url = City.objects.get(slug="konaev").get_absolute_url()
    assert f'href="{city_url}"' in search_html(client, "tr", query)


def test_public_search_reads_a_visits_text_in_the_visitors_language(client, showcase):
    """The Turkish report is not what an English reader sees."""
    visit = Visit.objects.get(title_en__startswith="Osmangazi delegation")
    with translation.override("en"):
        visit_url = visit.get_absolute_url()
    assert f'href="{visit_url}"' in search_html(client, "en", "OSMANGAZİ deleg")
    assert f'href="{visit_url}"' not in search_html(client, "en", "heyeti")


def test_public_search_matches_only_word_beginnings(client, showcase):
    with translation.override("tr"):
        city_url = City.objects.get(slug="konaev").get_absolute_url()
    assert f'href="{city_url}"' not in search_html(client, "tr", "apça")
    assert f'href="{city_url}"' not in search_html(client, "tr", "naev")


@pytest.mark.parametrize("query", ["Kapça", "kapca", "KAPÇA", "konaev", "Қапш", "капч", "Kapch"])
def test_admin_search_finds_word_beginnings_in_any_language(editor_client, showcase, query):
    """The city by its name or former name, in any language."""
    with translation.override("tr"):
        response = editor_client.get(reverse("admin:sistercities_city_changelist"), {"q": query})
    assert [c.slug for c in response.context["cl"].result_list] == ["konaev"]


@pytest.mark.parametrize("query", ["KONA", "Қона", "конаев", "osmanGAZİ"])
def test_admin_search_follows_relations_to_searchable_text(editor_client, showcase, query):
    """A relationship by its cities' names (search_fields home_city__name_…)."""
    with translation.override("tr"):
        response = editor_client.get(
            reverse("admin:sistercities_relationship_changelist"), {"q": query}
        )
    assert {r.pk for r in response.context["cl"].result_list} == set(
        Relationship.objects.values_list("pk", flat=True)
    )


def test_search_text_follows_a_renamed_city(client, showcase):
    city = City.objects.get(slug="konaev")
    city.name_tr = "Qonayev"
    city.save()
    with translation.override("tr"):
        city_url = city.get_absolute_url()
    assert f'href="{city_url}"' in search_html(client, "tr", "qonay")
