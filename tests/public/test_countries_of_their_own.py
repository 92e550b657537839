"""The KKTC (XN) and Kosovo (XK), the two countries the portal names with ISO's
user-assigned codes: chosen in the admin, and shown with their own name and flag wherever a
city's country is shown, in every language: never as Cyprus or Serbia."""

import html
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django_countries.fields import Country

from public.views import SHOWCASE_SLUG
from sistercities.models import City
from tests.factories import CityFactory, RelationshipFactory, StatusChangeFactory

LANGUAGES = ("tr", "en", "kk", "ru")

NAMES = {
    "XN": {
        "tr": "Kuzey Kıbrıs Türk Cumhuriyeti",
        "en": "Turkish Republic of Northern Cyprus",
        "kk": "Солтүстік Кипр Түрік Республикасы",
        "ru": "Турецкая Республика Северного Кипра",
    },
    "XK": {"tr": "Kosova", "en": "Kosovo", "kk": "Косово", "ru": "Косово"},
}
# The country each might be mistaken for, whose name or flag must not appear instead.
MISTAKEN_FOR = {"XN": "CY", "XK": "RS"}
FLAGS = {"XN": "/static/img/flags/xn.svg", "XK": "/static/flags/xk.gif"}
CHART_LABEL = 28  # characters (templates/directory/_bar_chart.html)
PARTNERS = {"XN": "Gazimağusa", "XK": "Prizren"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    """Osmangazi's showcase partner, and a partner in each country (listed under it)."""
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
    home.latitude, home.longitude = "40.19559", "29.06013"
    home.save()
    konaev = CityFactory(slug="konaev", name_tr="Konayev", country="KZ")
    StatusChangeFactory(
        relationship=RelationshipFactory(slug=SHOWCASE_SLUG, home_city=home, partner_city=konaev)
    )
    for code, name in PARTNERS.items():
        city = CityFactory(
            slug=name.lower().replace("ğ", "g"),
            name_tr=name,
            name_en=name,
            country=code,
            latitude="35.12500" if code == "XN" else "42.21389",
            longitude="33.94167" if code == "XN" else "20.73972",
        )
        StatusChangeFactory(
            relationship=RelationshipFactory(
                slug=f"osmangazi-{city.slug}", home_city=home, partner_city=city
            )
        )


def page(client, language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def assert_named_as_its_own(text: str, code: str, language: str, *, flag: bool = True):
    """The country's name (and flag) are on the page; the other country's are not, once
    the own name (which may hold it: "Northern Cyprus") is taken out, and its shortened
    form in the figures' chart labels ("Kuzey Kıbrıs Türk Cumhuriye…")."""
    own = NAMES[code][language]
    assert own in text
    text = text.replace(Truncator(own).chars(CHART_LABEL), "")
    if flag:
        assert f'<img class="flag" src="{FLAGS[code]}"' in text
    with translation.override(language):
        other = Country(MISTAKEN_FOR[code])
        other_name = str(other.name)
    assert other.flag not in text
    assert other_name not in text.replace(own, "")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", ["XN", "XK"])
def test_the_country_is_named_in_each_language_with_a_flag_that_exists(code, language):
    with translation.override(language):
        country = Country(code)
        assert country.name == NAMES[code][language]
    assert finders.find(country.flag.removeprefix("/static/"))


@pytest.mark.parametrize("code", ["XN", "XK"])
def test_a_city_in_the_country_is_added_in_the_admin(publisher_client, change_form, code):
    url = reverse("admin:sistercities_city_add")
    data = change_form(publisher_client, url)
    choices = publisher_client.get(url).content.decode()
    assert f'<option value="{code}">{NAMES[code]["en"]}</option>' in choices
    data.update(slug="new-city", name_tr=PARTNERS[code], name_en=PARTNERS[code], country=code)
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert City.objects.get(slug="new-city").country.code == code


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", ["XN", "XK"])
def test_the_city_page_shows_the_country_and_its_flag(client, partners, code, language):
    slug = City.objects.get(country=code).slug
    text = page(client, language, "sistercities:city-detail", slug=slug)
    assert_named_as_its_own(text, code, language)
    # The relationship's card on the city page, and the schema.org address.
    assert re.search(rf'<p class="card__meta"><img class="flag" src="{FLAGS[code]}"', text)
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text)
    address = json.loads(data)["address"]
    assert address["addressCountry"] == {"@type": "Country", "name": NAMES[code][language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_lists_the_partners_under_their_countries(client, partners, language):
    text = page(client, language, "sistercities:home")
    for code in ("XN", "XK"):
        assert_named_as_its_own(text, code, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name",
    ["sistercities:relationship-list", "directory:partner-list", "directory:partner-map"],
)
def test_lists_and_the_map_name_the_country(client, partners, name, language):
    text = page(client, language, name)
    for code in ("XN", "XK"):
        assert_named_as_its_own(text, code, language, flag=name != "directory:partner-map")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_figures_count_the_country_apart(client, partners, language):
    text = page(client, language, "directory:figures")
    for code in ("XN", "XK"):
        assert_named_as_its_own(text, code, language, flag=False)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", ["XN", "XK"])
def test_the_timeline_shows_the_partner_under_its_country(client, partners, code, language):
    slug = f"osmangazi-{City.objects.get(country=code).slug}"
    text = page(client, language, "sistercities:relationship-detail", slug=slug)
    assert_named_as_its_own(text, code, language)
