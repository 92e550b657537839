import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import VisitFactory
from tests.helpers.records import DRAFT_TITLE, FUTURE_TITLE

LANGUAGES = ["tr", "en", "kk", "ru"]


def page_urls(record):
    """Every page type, as (name, kwargs, query)."""
    return [
        ("sistercities:home", {}, ""),
        ("sistercities:relationship-list", {}, ""),
        ("sistercities:relationship-detail", {"slug": record["relationship"].slug}, ""),
        ("sistercities:city-detail", {"slug": record["partner"].slug}, ""),
        ("sistercities:city-detail", {"slug": record["home"].slug}, ""),
        ("sistercities:protocol-detail", {"slug": record["protocol"].slug}, ""),
        ("sistercities:search", {}, "?q=zi"),
        ("visits:visit-list", {}, ""),
        ("visits:visit-detail", {"slug": record["visit"].slug}, ""),
    ]


def get(client, name, kwargs, query, language):
    with translation.override(language):
        url = reverse(name, kwargs=kwargs) + query
    return client.get(url)


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_every_page_answers_in_every_language_with_its_html_lang(client, record):
    for name, kwargs, query in page_urls(record):
        bodies = {}
        for language in LANGUAGES:
            response = get(client, name, kwargs, query, language)
            assert response.status_code == 200, (name, language)
            assert html_lang(response) == language
            bodies[language] = response.content
        assert len(set(bodies.values())) == len(LANGUAGES), f"{name} is the same in two languages"


def test_every_page_has_one_h1_landmarks_canonical_and_hreflang(client, record):
    for name, kwargs, query in page_urls(record):
        html = get(client, name, kwargs, query, "en").content.decode()
        assert html.count("<h1") == 1, name
        for landmark in ("<header", "<nav", '<main id="main"', "<footer", 'href="#main"'):
            assert landmark in html, (name, landmark)
        assert '<link rel="canonical" href="http://testserver/en/' in html
        for language in [*LANGUAGES, "x-default"]:
            assert f'hreflang="{language}"' in html, (name, language)


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, record):
    visit = record["visit"]
    with translation.override("en"):
        english = visit.get_absolute_url()
    with translation.override("kk"):
        kazakh = visit.get_absolute_url()
    html = client.get(english).content.decode()
    assert f'href="{kazakh}" lang="kk" hreflang="kk"' in html


def test_drafts_and_future_visits_appear_on_no_page(client, record):
    for name, kwargs, query in [
        *page_urls(record),
        ("sistercities:search", {}, "?q=gizli"),
    ]:
        for language in LANGUAGES:
            html = get(client, name, kwargs, query, language).content.decode()
            assert DRAFT_TITLE not in html, (name, language)
            assert FUTURE_TITLE not in html, (name, language)


@pytest.mark.parametrize("slug", ["draft-visit", "future-visit"])
def test_hidden_visit_report_is_not_found(client, record, slug):
    with translation.override("en"):
        url = reverse("visits:visit-detail", kwargs={"slug": slug})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_speaks_the_visitors_language(client, record, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == language
    assert f'href="/{language}/"' in response.content.decode()


def test_visit_report_holds_every_part(client, record):
    with translation.override("en"):
        html = client.get(record["visit"].get_absolute_url()).content.decode()
    assert "Mayor Dündar in Kapchagay" in html
    assert "Kapchagay (today Konaev)" in html
    assert "Mustafa Dündar" in html and "Osmangazi Belediye Başkanı" in html
    assert "Ermek Kozhahmetov" in html and "Kapçagay Belediyesi" in html
    assert re.search(r"<blockquote[^>]*>.*Kardeşliğimiz daha aktif olmalı", html, re.S)
    assert "<cite>Mustafa Dündar</cite>" in html
    assert "24 August 2019" in html
    assert "English report." in html
    assert "Osmangazi news" in html
    assert "Ev sahibinin unvanı düzeltildi." in html
    assert "Cite this report" in html


def test_fallback_text_is_marked_with_its_language(client, record):
    """The Kazakh reader gets the Russian title, marked lang="ru", with a notice."""
    with translation.override("kk"):
        html = client.get(record["visit"].get_absolute_url()).content.decode()
    assert re.search(r'<h1 id="visit-title" lang="ru">Мэр Дюндар в Капчагае</h1>', html)
    assert 'class="fallback-notice"' in html
    assert '<div class="prose" lang="ru"><p>Русский отчёт.</p></div>' in html


def test_text_in_the_visitors_language_is_not_marked(client, record):
    with translation.override("en"):
        html = client.get(record["visit"].get_absolute_url()).content.decode()
    assert '<h1 id="visit-title">Mayor Dündar in Kapchagay</h1>' in html
    assert '<div class="prose"><p>English report.</p></div>' in html


def test_search_finds_what_the_visitor_reads(client, record):
    with translation.override("en"):
        url = reverse("sistercities:search")
    html = client.get(url, {"q": "kapchagay"}).content.decode()
    assert "Mayor Dündar in Kapchagay" in html  # the visit, by its English title
    assert "Konaev" in html  # the city, by its former name
    html = client.get(url, {"q": "dündar"}).content.decode()
    assert "Mustafa Dündar" in html
    # The Turkish report is not what an English reader sees: no match.
    assert "Mayor Dündar in Kapchagay" not in client.get(url, {"q": "Türkçe"}).content.decode()


def test_city_profile_shows_names_map_relationships_and_visits(client, record):
    with translation.override("en"):
        html = client.get(record["partner"].get_absolute_url()).content.decode()
        relationship_url = record["relationship"].get_absolute_url()
    assert "Kapchagay (until 2022)" in html
    assert "<svg" in html and "Osmangazi" in html.split("<svg")[1]
    assert "Mayor Dündar in Kapchagay" in html
    assert relationship_url in html


def test_timeline_filter_works_as_a_plain_get_form(client, record):
    with translation.override("en"):
        url = record["relationship"].get_absolute_url()
    everything = client.get(url).content.decode()
    assert "Sister-city protocol" in everything and "Mayor Dündar in Kapchagay" in everything
    visits_only = client.get(url, {"kind": "visit"}).content.decode()
    assert "Mayor Dündar in Kapchagay" in visits_only
    entries = visits_only[visits_only.index("data-timeline-entries") :]
    assert 'href="/en/protocols/sister-city-protocol/"' not in entries
    assert 'value="visit" checked' in visits_only
    assert 'value="protocol" checked' not in visits_only


def test_timeline_marks_only_the_titles_that_fell_back(client, record):
    """A Kazakh reader: the visit title comes from Russian, the protocol's from Turkish,
    the milestone is written by the portal itself and carries no lang of its own."""
    with translation.override("kk"):
        html = client.get(record["relationship"].get_absolute_url()).content.decode()
    assert 'lang="ru">Мэр Дюндар в Капчагае</a>' in html
    assert 'lang="tr">Kardeş şehir protokolü</a>' in html
    with translation.override("kk"):
        city_url = reverse("sistercities:city-detail", kwargs={"slug": "konaev"})
    assert f'<a href="{city_url}">Kapçagay қаласы' in html


def test_visit_cards_mark_text_shown_from_another_language(client, db):
    visit = VisitFactory(summary_tr="Heyet Konaev'i ziyaret etti.", title_ru="", summary_ru="")
    with translation.override("kk"):
        html = client.get(reverse("visits:visit-list")).content.decode()
    assert f'lang="tr">{visit.title_tr}</a>' in html
    assert '<p lang="tr">Heyet Konaev&#x27;i ziyaret etti.</p>' in html
