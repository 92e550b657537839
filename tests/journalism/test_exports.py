import csv
import datetime
import io
import json

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import RelationshipFactory, VisitFactory
from tests.helpers.records import days_from_today

pytestmark = pytest.mark.django_db


def get(client, name, language="en", **kwargs):
    with translation.override(language):
        response = client.get(reverse(f"journalism:{name}", kwargs=kwargs))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def test_timeline_json_gives_iso_partial_dates_with_their_precision(
    client, timeline, published, draft, scheduled_later
):
    response = get(client, "timeline-json", slug=timeline.slug)

    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["relationship"]["slug"] == "osmangazi-kapchagay"
    assert data["language"] == "en"
    entries = [(e["kind"], e["date"], e["precision"], e["title"]) for e in data["entries"]]
    assert entries == [
        ("status", "2019", "year", "Relationship becomes active"),
        ("protocol", "2019-08-24", "day", "Protocol"),
        ("visit", "2019-08-24", "day", "Published visit"),
        ("status", None, None, "Relationship proposed"),
    ]
    with translation.override("en"):
        assert data["entries"][2]["url"] == "http://testserver" + published.get_absolute_url()


def test_timeline_json_keeps_non_latin_text_readable(client, timeline, published):
    published.title_ru = "Визит делегации"
    published.save()

    response = get(client, "timeline-json", language="ru", slug=timeline.slug)

    assert "Визит делегации" in response.content.decode()
    assert response.content.decode().count("http://testserver/ru/") >= 1


def test_timeline_csv_has_the_same_rows_as_the_json(client, timeline, published, draft):
    response = get(client, "timeline-csv", slug=timeline.slug)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "osmangazi-kapchagay-timeline-en.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    data = json.loads(get(client, "timeline-json", slug=timeline.slug).content)
    assert [row["title"] for row in rows] == [entry["title"] for entry in data["entries"]]
    assert rows[0] == {
        "kind": "status",
        "date": "2019",
        "precision": "year",
        "title": "Relationship becomes active",
        "summary": "",
        "url": data["entries"][0]["url"],
        "originally_published": "",
        "published_on_portal": "",
        "updated": "",
    }
    assert rows[-1]["date"] == rows[-1]["precision"] == ""


def test_timeline_of_an_unknown_relationship_is_not_found(client):
    assert client.get("/en/data/relationships/nowhere/timeline.json").status_code == 404
    assert client.get("/en/data/relationships/nowhere/timeline.csv").status_code == 404


def parse_calendar(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_calendar_holds_upcoming_published_visits_with_a_known_day(
    client, relationship, published, draft, scheduled_later
):
    VisitFactory(
        relationship=relationship,
        slug="coming",
        title_en="Coming visit",
        places_en="Konaev",
        start_date=days_from_today(20),
        end_date=days_from_today(22),
    )
    VisitFactory(relationship=relationship, title_en="Some day", start_date="2099-05", end_date="")

    calendar = parse_calendar(get(client, "upcoming-ics"))

    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Coming visit"
    assert str(event["location"]) == "Konaev"
    start = datetime.date.fromisoformat(days_from_today(20))
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == start + datetime.timedelta(days=3)
    assert str(event["url"]).startswith("http://testserver/en/")
    assert str(calendar["version"]) == "2.0"


def test_relationship_calendar_holds_only_that_relationships_visits(client, relationship):
    VisitFactory(
        relationship=relationship, title_en="Ours", start_date=days_from_today(5), end_date=""
    )
    VisitFactory(
        relationship=RelationshipFactory(),
        title_en="Theirs",
        start_date=days_from_today(5),
        end_date="",
    )

    calendar = parse_calendar(get(client, "relationship-upcoming-ics", slug=relationship.slug))

    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Ours"]


@pytest.mark.parametrize(
    "url",
    [
        "/en/data/relationships/osmangazi-kapchagay/timeline.json",
        "/en/data/relationships/osmangazi-kapchagay/timeline.csv",
        "/en/data/visits/upcoming.ics",
        "/sitemap.xml",
    ],
)
def test_export_query_count_does_not_grow_with_the_visits(client, timeline, url):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def add_visits(count):
        for _ in range(count):
            VisitFactory(relationship=timeline, start_date=days_from_today(3), end_date="")

    add_visits(2)
    queries()  # a first request fills the caches (the home city, translations)
    few = queries()
    add_visits(8)
    assert queries() == few


def test_timeline_csv_neutralises_formulas(client, timeline, published):
    published.title_en = '=HYPERLINK("http://evil.example","click")'
    published.summary_en = "-- unknown --"
    published.save()

    response = get(client, "timeline-csv", slug=timeline.slug)

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    (row,) = [row for row in rows if row["kind"] == "visit"]
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'-- unknown --"
    assert rows[0]["title"] == "Relationship becomes active"  # harmless text is as it was
