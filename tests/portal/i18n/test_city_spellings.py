"""One spelling of each city per language: a page writes "Kapçağay" throughout, never also
"Kapçagay" or the English "Kapchagay" in its own text, and the pair of names one way."""

import pytest

from tests.helpers.pages import page_paths
from tests.helpers.spellings import city_names, names_written_two_ways, own_language_text

LANGUAGES = ["tr", "en", "kk", "ru"]
KAPCHAGAY = {"Kapçağay", "Kapchagay", "Қапшағай", "Капчагай"}


@pytest.mark.django_db
def test_no_showcase_page_writes_a_city_two_ways(client, showcase):
    names = city_names()
    assert KAPCHAGAY in names
    written_two_ways = {}
    for language in LANGUAGES:
        for page, path in page_paths(language).items():
            response = client.get(path)
            assert response.status_code == 200, path
            if found := names_written_two_ways(response.content.decode(), names):
                written_two_ways[f"{language} {page}"] = found
    assert written_two_ways == {}


@pytest.mark.django_db
def test_the_renamed_partner_is_written_one_way_on_home_card_breadcrumb_and_title(client, showcase):
    pages = {name: client.get(path).content.decode() for name, path in page_paths("tr").items()}
    pair = "Osmangazi – Kapçağay (bugün Konaev)"

    assert f">{pair}</a>" in pages["home"]  # the showcase card
    assert f"<h1>{pair}</h1>" in pages["timeline"]
    assert f"<title>{pair} · " in pages["timeline"]
    assert f">{pair}</a></p>" in pages["visit"]  # the visit's breadcrumb to its relationship
    assert "<dd>Kapçağay (bugün Konaev)</dd>" in pages["visit"]
    for html in pages.values():
        assert "yılına kadar Kapçağay" not in html


def test_the_check_sees_a_second_spelling_and_spares_marked_quotations():
    page = (
        '<html lang="tr"><head><title>Kapçağay</title></head><body>'
        "<p>Kapçağay'da bir ziyaret; Kapçagay Belediyesi</p>"
        '<p lang="en">Mayor visits sister city Kapchagay</p>'
        '<a href="https://kapchagay.example/">www.kapchagay.example</a></body></html>'
    )

    assert names_written_two_ways(page, [KAPCHAGAY]) == [{"Kapçağay", "Kapçagay"}]
    assert "Kapchagay" not in own_language_text(page)
    assert names_written_two_ways(page.replace("Kapçagay", "Kapçağay"), [KAPCHAGAY]) == []
    assert names_written_two_ways(page.replace("Kapçagay", "Kapchagay"), [KAPCHAGAY]) == [
        {"Kapçağay", "Kapchagay"}
    ]
