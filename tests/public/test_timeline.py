from django.db import connection
from django.test.utils import CaptureQueriesContext

from sistercities.models import Relationship
from sistercities.partial_dates import PartialDate
from sistercities.timeline import group_by_year, timeline_for
from tests.factories import ProtocolFactory, StatusChangeFactory, VisitFactory
from tests.public.conftest import DRAFT_TITLE, FUTURE_TITLE


def load(record):
    return Relationship.objects.select_related("home_city", "partner_city").get(
        pk=record["relationship"].pk
    )


def test_timeline_gathers_every_kind_in_date_order(record):
    entries = timeline_for(load(record))
    assert [(entry.kind, entry.date) for entry in entries] == [
        ("status", PartialDate(2012, 5)),
        ("protocol", PartialDate(2012, 5, 10)),
        ("visit", PartialDate(2019, 8, 24)),
        ("milestone", PartialDate(2022)),
    ]
    assert entries[-1].title == "Kapçagay is renamed Konayev"
    assert entries[0].summary.startswith("Council decision no. 42")


def test_timeline_holds_only_published_visits(record):
    titles = [entry.title for entry in timeline_for(load(record))]
    assert DRAFT_TITLE not in titles and FUTURE_TITLE not in titles


def test_undated_entries_come_last_and_a_year_before_its_days(record):
    relationship = record["relationship"]
    ProtocolFactory(relationship=relationship, signed_on="")
    StatusChangeFactory(relationship=relationship, status="proposed", date="2012")
    entries = timeline_for(load(record))
    assert entries[0].date == PartialDate(2012)
    assert entries[-1].date is None
    years = [year for year, _ in group_by_year(entries)]
    assert years == [2012, 2019, 2022, None]


def test_timeline_filters_by_kind(record):
    entries = timeline_for(load(record), kinds=["visit", "milestone", "nonsense"])
    assert {entry.kind for entry in entries} == {"visit", "milestone"}


def test_timeline_query_count_does_not_grow_with_entries(record):
    relationship = load(record)
    with CaptureQueriesContext(connection) as few:
        timeline_for(relationship)
    for _ in range(20):
        VisitFactory(relationship=record["relationship"])
        ProtocolFactory(relationship=record["relationship"])
        StatusChangeFactory(relationship=record["relationship"])
    with CaptureQueriesContext(connection) as many:
        assert len(timeline_for(relationship)) > 60
    assert len(many) == len(few) == 4
