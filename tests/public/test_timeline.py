import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from public import timeline
from public.timeline import group_by_year, timeline_for, timeline_page
from sistercities.models import Relationship
from sistercities.partial_dates import PartialDate
from tests.factories import ProtocolFactory, StatusChangeFactory, VisitFactory
from tests.helpers.records import DRAFT_TITLE, FUTURE_TITLE


def load(record):
    return Relationship.objects.select_related("home_city", "partner_city").get(
        pk=record["relationship"].pk
    )


def test_timeline_gathers_every_kind_in_date_order(record):
    with translation.override("en"):
        entries = timeline_for(load(record))
    assert [(entry.kind, entry.date) for entry in entries] == [
        ("status", PartialDate(2012, 5)),
        ("protocol", PartialDate(2012, 5, 10)),
        ("visit", PartialDate(2019, 8, 24)),
        ("milestone", PartialDate(2022)),
    ]
    assert entries[-1].title == "Kapchagay is renamed Konaev"
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


@pytest.fixture
def long_timeline(record, monkeypatch):
    """Pages of 3 entries, and 7 more visits: 2012 (2 entries), 2018 (3 visits),
    2019 (5 entries), 2022 (1 milestone)."""
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    for day in range(1, 4):
        VisitFactory(relationship=record["relationship"], start_date=f"2018-03-0{day}")
    for day in range(1, 5):
        VisitFactory(relationship=record["relationship"], start_date=f"2019-0{day}-01")
    return load(record)


def test_timeline_pages_hold_whole_years_from_the_latest_and_split_a_long_year(long_timeline):
    first = timeline_page(long_timeline)
    assert [(page.years, page.part) for page in first.pages] == [
        ((2012,), None),
        ((2018,), None),
        ((2019,), 1),
        ((2019,), 2),
        ((2022,), None),
    ]
    assert first.page.years == (2022,)
    assert first.entry_count == 11
    assert first.years == [(2012, 2), (2018, 3), (2019, 5), (2022, 1)]


def test_timeline_pages_together_hold_the_whole_timeline_in_order(long_timeline):
    pages = timeline_page(long_timeline).pages
    shown = [
        (entry.kind, entry.object.pk)
        for page in pages
        for entry in timeline_page(
            long_timeline, year=page.year_parameters[0], part=page.part
        ).entries
    ]
    assert shown == [(entry.kind, entry.object.pk) for entry in timeline_for(long_timeline)]


def test_a_timeline_page_reads_only_its_own_visits(long_timeline):
    with CaptureQueriesContext(connection) as queries:
        page = timeline_page(long_timeline, year="2019", part=2)
    assert [entry.date for entry in page.entries] == [
        PartialDate(2019, 4, 1),
        PartialDate(2019, 8, 24),
    ]
    visit_rows = [q["sql"] for q in queries if "LIMIT" in q["sql"]]
    assert len(visit_rows) == 1 and len(queries) == 5


def test_timeline_page_navigation_keeps_the_kind_filter(client, record, long_timeline):
    url = record["relationship"].get_absolute_url()
    page = client.get(url, {"kind": ["visit", "protocol"], "year": "2018"}).content.decode()
    # In the filter form's order, whatever the order given (pagecache.query.Choices).
    assert "?kind=protocol&amp;kind=visit&amp;year=2019#year-2019" in page
    assert 'rel="next" href="?kind=protocol&amp;kind=visit&amp;year=2019&amp;part=1"' in page
    assert page.count('data-kind="visit"') == 3


def test_a_years_page_holds_its_visits_known_to_the_year_month_or_day(record, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 4)  # 2019 fills a page of its own
    dates = ["2018-12-31", "2019", "2019-08", "2019-12-31", "2020", "2020-01-01"]
    for date in dates:
        VisitFactory(relationship=record["relationship"], start_date=date, end_date="")
    page = timeline_page(load(record), year="2019", kinds=["visit"])
    assert page.page.years == (2019,)
    shown = [entry.date.isoformat() for entry in page.entries]
    assert shown == ["2019", "2019-08", "2019-08-24", "2019-12-31"]
