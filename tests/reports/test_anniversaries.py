"""Round anniversaries in the coming twelve months, at the precision of the date."""

import datetime

import pytest

from reports.anniversaries import last_day, upcoming_anniversary
from reports.health import whole_years
from sistercities.partial_dates import PartialDate

TODAY = datetime.date(2025, 11, 10)


@pytest.mark.parametrize(
    ("established", "years", "date"),
    [
        ("2015-11-10", 10, "2025-11-10"),  # today
        ("2016-03-01", 10, "2026-03-01"),
        ("2001-11-09", 25, "2026-11-09"),  # the last day of the twelve months
        ("2015-11", 10, "2025-11"),  # this month, though its day may have passed
        ("2016", 10, "2026"),
        ("2015", 10, "2025"),  # the year is not over yet
        ("1996-02-29", 30, "2026-02-28"),
    ],
)
def test_a_round_anniversary_in_the_next_twelve_months(established, years, date):
    found = upcoming_anniversary(PartialDate.parse(established), TODAY)
    assert (found.years, found.date) == (years, PartialDate.parse(date))


@pytest.mark.parametrize(
    "established",
    [
        "2015-11-09",  # yesterday's tenth
        "2015-10",  # last month's
        "2016-11-10",  # a ninth, not round
        "2001-11-10",  # the 25th falls on the first day after the twelve months
        "2025-11-20",  # not a year old
        "2026",  # not yet established
    ],
)
def test_no_anniversary(established):
    assert upcoming_anniversary(PartialDate.parse(established), TODAY) is None


def test_an_unknown_establishment_has_no_anniversary():
    assert upcoming_anniversary(None, TODAY) is None


def test_the_last_day_a_partial_date_stands_for():
    assert last_day(PartialDate.parse("2019")) == datetime.date(2019, 12, 31)
    assert last_day(PartialDate.parse("2020-02")) == datetime.date(2020, 2, 29)
    assert last_day(PartialDate.parse("2019-12")) == datetime.date(2019, 12, 31)
    assert last_day(PartialDate.parse("2019-08-24")) == datetime.date(2019, 8, 24)


def test_whole_years_count_only_completed_years():
    assert whole_years(datetime.date(2019, 8, 24), datetime.date(2022, 8, 23)) == 2
    assert whole_years(datetime.date(2019, 8, 24), datetime.date(2022, 8, 24)) == 3
