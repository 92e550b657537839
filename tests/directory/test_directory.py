"""The public partner directory, its map and figures."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from sistercities.models import Relationship
from tests.factories import CityFactory, RelationshipFactory, StatusChangeFactory, VisitFactory
from tests.helpers.importing import count_queries

LANGUAGES = ("tr", "en", "kk", "ru")
PAGES = ("directory:partner-list", "directory:partner-map", "directory:figures")

pytestmark = pytest.mark.django_db


def make_partners(count: int) -> None:
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", latitude=40.2, longitude=29.06)
    for n in range(count):
        partner = CityFactory(country="KZ" if n % 2 else "BG", latitude=43 + n % 5, longitude=-70)
        relationship = RelationshipFactory(
            home_city=home, partner_city=partner, established_on=f"{1990 + n}"
        )
        StatusChangeFactory(relationship=relationship)
        VisitFactory(relationship=relationship, direction="incoming" if n % 3 else "outgoing")


def url(name: str, language: str, **query) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_answers_in_each_language(client, name, language):
    make_partners(3)
    response = client.get(url(name, language))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_partners(client, name):
    def cold_page():
        cache.clear()  # the site facts (home city, footer) read afresh each time
        return client.get(url(name, "en"))

    make_partners(5)
    few = count_queries(cold_page)
    make_more(45)
    many = count_queries(cold_page)
    assert many == few


def make_more(count: int) -> None:
    from sistercities.models import City

    home = City.objects.home()
    for n in range(count):
        relationship = RelationshipFactory(home_city=home, established_on=f"{1950 + n}")
        VisitFactory(relationship=relationship)


def test_only_published_relationships_and_visits_appear(client):
    make_partners(2)
    hidden = RelationshipFactory(
        home_city=Relationship.objects.first().home_city,
        partner_city=CityFactory(name_en="Hiddenville", name_tr="Hiddenville"),
        is_published=False,
    )
    VisitFactory(relationship=hidden)
    VisitFactory(relationship=Relationship.objects.first(), status="draft", publish_at=None)
    for name in PAGES:
        assert "Hiddenville" not in client.get(url(name, "en")).content.decode()
    figures = client.get(url("directory:figures", "en")).context
    assert figures["most_visited"].total == 2


def test_directory_filters_without_javascript_and_links_to_timelines(client):
    make_partners(4)
    response = client.get(url("directory:partner-list", "en"), {"country": "KZ"})
    partners = response.context["partners"]
    assert len(partners) == 2
    assert {partner.city.country.code for partner in partners} == {"KZ"}
    with translation.override("en"):
        link = reverse(
            "sistercities:relationship-detail", kwargs={"slug": partners[0].relationship.slug}
        )
    assert link in response.content.decode()


def test_the_map_is_inline_svg_with_a_line_to_each_partner_and_a_table(client):
    make_partners(4)
    html = client.get(url("directory:partner-map", "en")).content.decode()
    assert html.count('class="world-map__link"') == 4
    assert '<title id="map-title">' in html and '<desc id="map-desc">' in html
    assert "<table" in html
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_the_map_draws_the_land_under_the_cities_within_its_view_box(client):
    make_partners(1)
    html = client.get(url("directory:partner-map", "en")).content.decode()
    land = re.search(r'<path class="world-map__land" d="([^"]+)" aria-hidden="true"/>', html)
    assert len(land[1]) > 10_000
    assert html.index("world-map__land") < html.index("world-map__home")
    xs_ys = [float(n) for n in re.findall(r"[\d.]+", land[1])]
    assert 0 <= min(xs_ys) and max(xs_ys[0::2]) <= 720 and max(xs_ys[1::2]) <= 360
    assert "Made with Natural Earth." in html


def test_the_figures_count_by_country_decade_and_visit_direction(client):
    make_partners(4)
    context = client.get(url("directory:figures", "en")).context
    assert {row.label: row.values for row in context["by_country"].rows} == {
        "Bulgaria": [2],
        "Kazakhstan": [2],
    }
    assert [row.label for row in context["by_decade"].rows] == ["1990s"]
    (year,) = context["visits_per_year"].rows
    assert (year.label, year.values) == ("2019", [2, 2])
