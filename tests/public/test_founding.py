"""When a relationship was established: its own date, else the signing of the protocol that
founded it; where neither is known the card says so and links that protocol."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sistercities.models import FormerCityName, Relationship
from sistercities.partial_dates import PartialDate
from tests.factories import CityFactory, ProtocolFactory, RelationshipFactory
from tests.helpers.pages import page_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def relationship():
    partner = CityFactory(slug="konaev", name_tr="Konaev", name_en="Konaev")
    FormerCityName.objects.create(
        city=partner, name_tr="Kapçağay", name_en="Kapchagay", used_until_year=2022
    )
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
    return RelationshipFactory(slug="osmangazi-kapchagay", home_city=home, partner_city=partner)


def founding(relationship):
    return Relationship.objects.get(pk=relationship.pk).founding


def test_the_earliest_known_signing_of_a_protocol_of_its_kind_dates_the_relationship(
    relationship,
):
    ProtocolFactory(relationship=relationship, signed_on="", slug="undated")
    ProtocolFactory(relationship=relationship, signed_on="2015", kind="cooperation")
    first = ProtocolFactory(relationship=relationship, signed_on="2016-05-10", slug="first")
    ProtocolFactory(relationship=relationship, signed_on="2018", slug="renewal")

    assert founding(relationship).date == PartialDate(2016, 5, 10)
    assert founding(relationship).protocol == first


def test_the_relationships_own_date_comes_before_its_protocols(relationship):
    protocol = ProtocolFactory(relationship=relationship, signed_on="2016-05-10")
    relationship.established_on = "2012"
    relationship.save()

    assert founding(relationship).date == PartialDate(2012)
    assert founding(relationship).protocol == protocol


def test_a_protocol_of_unknown_date_is_named_all_the_same(relationship):
    protocol = ProtocolFactory(relationship=relationship, signed_on="")

    assert founding(relationship).date is None
    assert founding(relationship).protocol == protocol


def test_a_relationship_is_named_as_its_cities_were_when_it_was_founded(relationship):
    with translation.override("en"):
        assert relationship.public_name == "Osmangazi – Kapchagay (today Konaev)"
        ProtocolFactory(relationship=relationship, signed_on="2023-03")
        assert Relationship.objects.get(pk=relationship.pk).public_name == "Osmangazi – Konaev"


def established(html: str) -> str:
    return re.search(r"<dt>Established</dt><dd>(.*?)</dd>", html).group(1)


def test_card_gives_the_protocols_date_and_links_the_protocol(client, relationship):
    protocol = ProtocolFactory(
        relationship=relationship, signed_on="2016-05-10", title_en="Sister-city protocol"
    )
    with translation.override("en"):
        html = client.get("/en/relationships/").content.decode()
        url = protocol.get_absolute_url()

    assert established(html) == (
        f'10 May 2016 <span class="founding">(founding protocol: '
        f'<a href="{url}">Sister-city protocol</a>)</span>'
    )


def test_showcase_cards_say_the_date_is_unknown_and_link_the_protocol(client, showcase):
    paths = page_paths("tr")
    for page in ("home", "relationships", "timeline", "city"):
        html = client.get(paths[page]).content.decode()
        fact = re.search(r"<dt>Kuruluş tarihi</dt><dd>(.*?)</dd>", html).group(1)
        assert fact.startswith("tarih bilinmiyor "), page
        assert f'<a href="{paths["protocol"]}">Osmangazi–Kapçağay kardeş şehir protokolü</a>' in (
            fact
        ), page


def test_relationship_list_reads_the_protocols_in_one_query_for_all(client, relationship):
    for number in range(3):
        other = RelationshipFactory(home_city=relationship.home_city)
        ProtocolFactory(relationship=other, signed_on=f"201{number}")

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/relationships/")

    protocol_queries = [q for q in queries if 'FROM "sistercities_protocol"' in q["sql"]]
    assert len(protocol_queries) == 1
