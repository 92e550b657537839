"""Round anniversaries of a relationship's establishment (5, 10, 15 … years) that fall in
the coming twelve months, at the precision the establishment date is known."""

import datetime
from dataclasses import dataclass

from sistercities.partial_dates import PartialDate, Precision

STEP = 5


@dataclass(frozen=True)
class Anniversary:
    years: int
    date: PartialDate


def last_day(value: PartialDate) -> datetime.date:
    """The latest day a partial date may stand for: 31 December 2019 for "2019"."""
    if value.precision == Precision.DAY:
        return value.first_day
    if value.precision == Precision.MONTH:
        following = datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(value.year, 12, 31)


def _in_year(value: PartialDate, year: int) -> PartialDate:
    """The same day, month or year `year`; 29 February falls on the 28th in other years."""
    try:
        return PartialDate(year, value.month, value.day)
    except ValueError:
        return PartialDate(year, value.month, 28)


def _a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def upcoming_anniversary(established: PartialDate | None, today: datetime.date):
    """The round anniversary whose day (or month, or year, as far as the date is known)
    falls between today and a year from today; None if there is none or no date."""
    if established is None:
        return None
    horizon = _a_year_after(today)
    for year in (today.year, today.year + 1):
        years = year - established.year
        if years <= 0 or years % STEP:
            continue
        date = _in_year(established, year)
        if last_day(date) >= today and date.first_day < horizon:
            return Anniversary(years=years, date=date)
    return None
