"""The home city's relationships as QuickStatements for Wikidata, and the list of those
left out. The Wikidata items here are made up for the tests (Q4000001…)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from journalism.wikidata import wikidata_time
from sistercities.partial_dates import PartialDate
from tests.factories import CityFactory, RelationshipFactory, SourceFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db

HOME = "Q4000001"
# QuickStatements v1: item, property, value, then pairs of qualifier (P…) or source (S…)
# and value, separated by tabs; a time is +YYYY-MM-DDT00:00:00Z/precision.
TIME = r"\+\d{4}-\d{2}-\d{2}T00:00:00Z/(?:9|10|11)"
VALUE = rf'(?:Q[1-9]\d*|{TIME}|"[^"\t]*"|somevalue)'
COMMAND = re.compile(rf"Q[1-9]\d*\tP[1-9]\d*\t{VALUE}(?:\t[PS][1-9]\d*\t{VALUE})*")


@pytest.fixture
def home(db):
    return CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi", wikidata_id=HOME)


def partner(slug, item="", **fields):
    return CityFactory(
        slug=slug, name_tr=slug.title(), name_en=slug.title(), wikidata_id=item, **fields
    )


def download(client, language="en"):
    with translation.override(language):
        response = client.get(reverse("journalism:quickstatements"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert all(COMMAND.fullmatch(line) for line in lines), lines
    return response, lines


def skipped_list(client, language="en") -> str:
    with translation.override(language):
        response = client.get(reverse("journalism:quickstatements-skipped"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode()


@pytest.mark.parametrize(
    ("date", "time"),
    [
        (PartialDate(2019), "+2019-00-00T00:00:00Z/9"),
        (PartialDate(2019, 8), "+2019-08-00T00:00:00Z/10"),
        (PartialDate(2019, 8, 24), "+2019-08-24T00:00:00Z/11"),
    ],
)
def test_a_time_keeps_the_precision_of_the_partial_date(date, time):
    assert wikidata_time(date) == time


def test_a_relationship_becomes_a_twinning_statement_from_its_start_with_its_source(client, home):
    relationship = RelationshipFactory(
        home_city=home, partner_city=partner("kardzhali", "Q4000002"), established_on="1998-05"
    )
    relationship.sources.add(
        SourceFactory(url="https://example.org/news?id=7", accessed_on=datetime.date(2024, 3, 9))
    )

    response, lines = download(client)

    assert lines == [
        f"{HOME}\tP190\tQ4000002\tP580\t+1998-05-00T00:00:00Z/10"
        '\tS854\t"https://example.org/news?id=7"\tS813\t+2024-03-09T00:00:00Z/11'
    ]
    assert response["Content-Disposition"] == (
        'attachment; filename="osmangazi-relationships-quickstatements.txt"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_ended_relationship_gets_its_end_time_or_an_unknown_one(client, home):
    dated = RelationshipFactory(
        home_city=home, partner_city=partner("dated", "Q4000003"), established_on="2001"
    )
    StatusChangeFactory(relationship=dated, status="active", date="2001")
    StatusChangeFactory(relationship=dated, status="ended", date="2016-11-02")
    undated = RelationshipFactory(home_city=home, partner_city=partner("undated", "Q4000004"))
    StatusChangeFactory(relationship=undated, status="ended", date="")
    resumed = RelationshipFactory(home_city=home, partner_city=partner("resumed", "Q4000005"))
    StatusChangeFactory(relationship=resumed, status="ended", date="2010")
    StatusChangeFactory(relationship=resumed, status="active", date="2015")

    _response, lines = download(client)

    assert lines == [
        f"{HOME}\tP190\tQ4000003\tP580\t+2001-00-00T00:00:00Z/9\tP582\t+2016-11-02T00:00:00Z/11",
        f"{HOME}\tP190\tQ4000005",
        f"{HOME}\tP190\tQ4000004\tP582\tsomevalue",
    ]


def test_each_source_with_an_address_references_the_statement(client, home):
    relationship = RelationshipFactory(home_city=home, partner_city=partner("bitola", "Q4000006"))
    relationship.sources.add(
        SourceFactory(title="A", url='https://example.org/a"b'),
        SourceFactory(title="B", url="https://example.org/şehir"),
        SourceFactory(title="C", url=""),
    )

    _response, lines = download(client)

    assert lines == [
        f'{HOME}\tP190\tQ4000006\tS854\t"https://example.org/a%22b"',
        f'{HOME}\tP190\tQ4000006\tS854\t"https://example.org/%C5%9Fehir"',
    ]


def test_the_home_city_on_either_side_is_the_subject(client, home):
    RelationshipFactory(home_city=partner("mamusha", "Q4000007"), partner_city=home)
    _response, lines = download(client)
    assert lines == [f"{HOME}\tP190\tQ4000007"]


def test_only_published_relationships_with_two_items_are_exported_the_rest_listed(client, home):
    RelationshipFactory(home_city=home, partner_city=partner("kept", "Q4000008"))
    RelationshipFactory(home_city=home, partner_city=partner("nameless"), slug="home-nameless")
    RelationshipFactory(
        home_city=home,
        partner_city=partner("zqunconfirmed", "Q4000009"),
        slug="zqunconfirmed-pair",
        is_published=False,
    )
    RelationshipFactory(
        home_city=partner("elsewhere", "Q4000010"), partner_city=partner("other", "Q4000011")
    )

    _response, lines = download(client)
    listed = skipped_list(client)

    assert lines == [f"{HOME}\tP190\tQ4000008"]
    assert listed.splitlines() == [
        "Relationships of Osmangazi left out of the QuickStatements commands:",
        "",
        "Osmangazi – Nameless (http://testserver/en/relationships/home-nameless/): "
        "No Wikidata item recorded for Nameless.",
    ]
    assert "zqunconfirmed" not in listed.lower()


def test_without_the_home_city_s_item_nothing_is_exported(client, home):
    home.wikidata_id = ""
    home.save()
    RelationshipFactory(home_city=home, partner_city=partner("kardzhali", "Q4000002"))

    _response, lines = download(client)

    assert lines == []
    assert "No Wikidata item recorded for Osmangazi." in skipped_list(client)


def test_the_list_of_left_out_relationships_is_in_the_readers_language(client, home):
    RelationshipFactory(home_city=home, partner_city=partner("kept", "Q4000008"))
    assert skipped_list(client, "tr").splitlines()[0] == (
        "Osmangazi: yayımlanmış bütün ilişkiler QuickStatements komutlarında."
    )


def test_without_a_home_city_there_is_nothing_to_export(client, db):
    with translation.override("en"):
        assert client.get(reverse("journalism:quickstatements")).status_code == 404
        assert client.get(reverse("journalism:quickstatements-skipped")).status_code == 404


def test_the_partner_directory_links_both(client, home):
    RelationshipFactory(home_city=home, partner_city=partner("kept", "Q4000008"))
    with translation.override("en"):
        html = client.get(reverse("directory:partner-list")).content.decode()
    assert 'href="/en/data/wikidata/quickstatements.txt" type="text/plain"' in html
    assert 'href="/en/data/wikidata/skipped.txt" type="text/plain"' in html
