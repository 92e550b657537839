"""The story of a relationship as one dated list: protocols, status changes, visits and
the renames of its cities.

Entries run oldest first, as a story is read; an entry whose date is unknown comes last,
after every dated one. Dates known only to the year or month sort before the days inside
them ("2019" < "2019-08" < "2019-08-24"), the order of their ISO text. Only published visits
appear. Building a timeline costs one query per kind, whatever the number of entries.

The public page shows it a page at a time (`timeline_page`): whole years, packed up to
PAGE_SIZE entries, the most recent years by default; a year with more entries than that is
split into parts. Only the page's visits are loaded, whatever the number of visits.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from sistercities.models import FormerCityName, Relationship, RelationshipStatus, StatusChange
from sistercities.partial_dates import PartialDate, format_partial_date
from sistercities.translated import fallback_lang, localized_names
from visits.models import Direction, Visit


class Kind(models.TextChoices):
    PROTOCOL = "protocol", _("Protocols")
    STATUS = "status", _("Status changes")
    VISIT = "visit", _("Visits")
    MILESTONE = "milestone", _("City milestones")


_KIND_LABELS = {
    Kind.PROTOCOL: _("Protocol"),
    Kind.STATUS: _("Status change"),
    Kind.VISIT: _("Visit"),
    Kind.MILESTONE: _("City milestone"),
}

_STATUS_TITLES = {
    RelationshipStatus.PROPOSED: _("Relationship proposed"),
    RelationshipStatus.ACTIVE: _("Relationship becomes active"),
    RelationshipStatus.SUSPENDED: _("Relationship suspended"),
    RelationshipStatus.ENDED: _("Relationship ended"),
}


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # a Kind value
    date: PartialDate | None
    title: str
    summary: str
    url: str
    object: object

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def kind_label(self) -> str:
        """The kind of one entry, in the active language: "Protocol", "Visit"…"""
        return str(_KIND_LABELS[self.kind])

    @property
    def date_text(self) -> str:
        return format_partial_date(self.date)

    @property
    def direction_label(self) -> str:
        """ "Outgoing" or "Incoming" for a visit; Django's get_direction_display() rebuilds
        its table of choices on every call."""
        return str(Direction(self.object.direction).label) if self.kind == Kind.VISIT else ""

    @property
    def title_lang(self) -> str:
        """The language the title falls back to, or "" where it is the visitor's own."""
        return fallback_lang(self.object, "title")

    @property
    def summary_lang(self) -> str:
        return fallback_lang(self.object, "summary")

    @property
    def sort_key(self) -> tuple:
        dated = self.date is not None
        return (not dated, self.date.isoformat() if dated else "", _KIND_ORDER[self.kind])


_KIND_ORDER = {kind: position for position, kind in enumerate(Kind.values)}


def timeline_for(
    relationship: Relationship, *, kinds: Iterable[str] | None = None
) -> list[TimelineEntry]:
    """Every entry of the relationship's story of the given kinds (all if None), in order.

    The relationship's home and partner cities should come with it (select_related) so
    that the milestones cost no more than their one query.
    """
    wanted = Kind.values if kinds is None else [kind for kind in Kind.values if kind in kinds]
    entries = []
    for kind in wanted:
        entries.extend(_GATHERERS[kind](relationship))
    return sorted(entries, key=lambda entry: entry.sort_key)


def group_by_year(
    entries: Iterable[TimelineEntry],
) -> list[tuple[int | None, list[TimelineEntry]]]:
    """[(2019, [entries of 2019…]), …, (None, [undated entries])], keeping the order."""
    return [(year, list(group)) for year, group in groupby(entries, key=lambda e: e.year)]


def decision_text(change: StatusChange) -> str:
    """The council decision and ministry approval behind a status change, in one line."""
    parts = []
    if change.council_decision_number:
        text = _("Council decision no. %(number)s") % {"number": change.council_decision_number}
        if change.council_decision_date:
            text += f" ({change.council_decision_date.localized()})"
        parts.append(text)
    if change.ministry_approval:
        text = _("Ministry approval %(reference)s") % {"reference": change.ministry_approval}
        if change.ministry_approval_date:
            text += f" ({change.ministry_approval_date.localized()})"
        parts.append(text)
    return "; ".join(parts)


def _protocols(relationship):
    for protocol in relationship.protocols.all():
        yield TimelineEntry(
            kind=Kind.PROTOCOL.value,
            date=protocol.signed_on,
            title=protocol.title,
            summary=protocol.summary,
            url=protocol.get_absolute_url(),
            object=protocol,
        )


def _status_changes(relationship):
    page = relationship.get_absolute_url()
    for change in relationship.status_changes.all():
        summary = " ".join(part for part in (decision_text(change), change.note) if part)
        yield TimelineEntry(
            kind=Kind.STATUS.value,
            date=change.date,
            title=str(_STATUS_TITLES[change.status]),
            summary=summary,
            url=f"{page}#status-{change.pk}",
            object=change,
        )


# What a visit's entry shows, and its dates of publication the exports give: the rest of the
# row (the report in four languages above all) stays in the database.
_ENTRY_COLUMNS = [
    "slug",
    "direction",
    "start_date",
    "publish_at",
    "originally_published_on",
    "updated_at",
    *localized_names("title", "summary"),
]


def _published_visits(relationship):
    """In the timeline's order: by date, then as entered."""
    return (
        Visit.objects.published_of(relationship).only(*_ENTRY_COLUMNS).order_by("start_date", "pk")
    )


def _visits(relationship, visits=None):
    for visit in _published_visits(relationship) if visits is None else visits:
        yield TimelineEntry(
            kind=Kind.VISIT.value,
            date=visit.start_date,
            title=visit.title,
            summary=visit.summary,
            url=visit.get_absolute_url(),
            object=visit,
        )


def _milestones(relationship):
    """A rename for each former name with a year: the city took its next name that year."""
    cities = {relationship.home_city_id: relationship.home_city}
    cities[relationship.partner_city_id] = relationship.partner_city
    if all(_has_former_names(city) for city in cities.values()):  # prefetched, in this order
        former_names = [former for city in cities.values() for former in city.former_names.all()]
    else:
        former_names = FormerCityName.objects.filter(city__in=cities.keys()).order_by(
            "city", "used_until_year", "pk"
        )
    for city_id, names in groupby(former_names, key=lambda former: former.city_id):
        city = cities[city_id]
        names = list(names)
        following = [former.name for former in names[1:]] + [city.name]
        for former, new_name in zip(names, following, strict=True):
            if former.used_until_year is None:
                continue
            yield TimelineEntry(
                kind=Kind.MILESTONE.value,
                date=PartialDate(former.used_until_year),
                title=str(_("%(old)s is renamed %(new)s") % {"old": former.name, "new": new_name}),
                summary=former.note,
                url=city.get_absolute_url(),
                object=former,
            )


def former_names_in_order():
    """The prefetch of cities' former names that the milestones can use as they are."""
    return Prefetch(
        "former_names", queryset=FormerCityName.objects.order_by("city", "used_until_year", "pk")
    )


def _has_former_names(city) -> bool:
    return "former_names" in getattr(city, "_prefetched_objects_cache", {})


_GATHERERS = {
    Kind.PROTOCOL: _protocols,
    Kind.STATUS: _status_changes,
    Kind.VISIT: _visits,
    Kind.MILESTONE: _milestones,
}


# One page of the timeline ---------------------------------------------------------------

PAGE_SIZE = 50
UNDATED = "unknown"  # the year parameter of the entries whose date is unknown


@dataclass(frozen=True)
class Page:
    """Whole years, or one part of a year too long for a page (part counts from 1)."""

    years: tuple[int | None, ...]
    part: int | None = None

    @property
    def year_parameters(self) -> list[str]:
        """?year=… of each of its years; the first one is the page's address (with
        &part=… for a part of a year)."""
        return [year_parameter(year) for year in self.years]


def year_parameter(year: int | None) -> str:
    return UNDATED if year is None else str(year)


@dataclass(frozen=True)
class TimelinePage:
    entries: list[TimelineEntry]
    page: Page
    pages: list[Page]
    entry_count: int
    years: list[tuple[int | None, int]]  # each year of the whole timeline, with its count
    visit_count: int  # published visits, whichever kinds are shown

    @property
    def previous(self) -> Page | None:
        index = self.pages.index(self.page)
        return self.pages[index - 1] if index > 0 else None

    @property
    def next(self) -> Page | None:
        index = self.pages.index(self.page)
        return self.pages[index + 1] if index + 1 < len(self.pages) else None


def timeline_page(
    relationship: Relationship,
    *,
    kinds: Iterable[str] | None = None,
    year: str | None = None,
    part: int | None = None,
) -> TimelinePage:
    """The page of the timeline that holds `year` (its `part`), the latest by default.

    The entries of the other kinds are few and all read; visits are counted by year, then
    only the page's are read: one query per kind, and one more for the counts (made even
    where visits are not shown: the page gives their number).
    """
    wanted = Kind.values if kinds is None else [kind for kind in Kind.values if kind in kinds]
    others = sorted(
        (
            entry
            for kind in wanted
            if kind != Kind.VISIT
            for entry in _GATHERERS[kind](relationship)
        ),
        key=lambda entry: entry.sort_key,
    )
    counts = Counter(entry.year for entry in others)
    visit_counts = _visit_counts(relationship)
    if Kind.VISIT in wanted:
        counts.update(visit_counts)
    years = sorted(counts, key=lambda y: (y is None, y or 0))
    pages = _paginate([(y, counts[y]) for y in years])
    page = _chosen_page(pages, year, part)
    entries = [entry for entry in others if entry.year in page.years]
    if Kind.VISIT in wanted and page.years:
        entries = _with_visits(relationship, page, entries)
    return TimelinePage(
        entries=entries,
        page=page,
        pages=pages,
        entry_count=sum(counts.values()),
        years=[(y, counts[y]) for y in years],
        visit_count=sum(visit_counts.values()),
    )


def _visit_counts(relationship) -> dict[int | None, int]:
    rows = (
        _published_visits(relationship)
        .annotate(year=Substr("start_date", 1, 4))
        .order_by()
        .values_list("year")
        .annotate(count=Count("pk"))
    )
    return {int(year) if year else None: count for year, count in rows}


def _paginate(year_counts: list[tuple[int | None, int]]) -> list[Page]:
    """Pages filled from the latest year back, so that the latest page is a full one."""
    pages, years, size = [], [], 0
    for year, count in reversed(year_counts):
        if years and size + count > PAGE_SIZE:
            pages.append(Page(tuple(reversed(years))))
            years, size = [], 0
        if count > PAGE_SIZE:
            parts = -(-count // PAGE_SIZE)
            pages.extend(Page((year,), part) for part in range(parts, 0, -1))
            continue
        years.append(year)
        size += count
    if years or not pages:
        pages.append(Page(tuple(reversed(years))))
    return pages[::-1]


def _chosen_page(pages: list[Page], year: str | None, part: int | None) -> Page:
    holding = [page for page in pages if year in page.year_parameters]
    return next((page for page in holding if page.part == part), (holding or pages[-1:])[0])


def _in_year(year: int) -> Q:
    """A range of the ISO text ("2019" <= "2019-08-24" < "2020") rather than a LIKE
    "2019%", which an index on (relationship, start_date) serves only under the C
    collation: otherwise every visit of the relationship is read to find a page's."""
    return Q(start_date__gte=f"{year:04d}", start_date__lt=f"{year + 1:04d}")


def _with_visits(relationship, page: Page, others: list[TimelineEntry]) -> list[TimelineEntry]:
    """The page's entries: its other entries and the visits that fall on it, read with
    OFFSET/LIMIT within a year split into parts. Such a read starts at most as many visits
    early as the year has other entries, so the visit it starts with lies before the page;
    the other entries before that visit are known, and so every position."""
    in_years = Q()
    for year in page.years:
        in_years |= Q(start_date="") if year is None else _in_year(year)
    visits = _published_visits(relationship).filter(in_years)
    if page.part is None:
        return sorted([*others, *_visits(relationship, visits)], key=lambda e: e.sort_key)
    start = (page.part - 1) * PAGE_SIZE
    offset = max(0, start - len(others))
    read = list(_visits(relationship, visits[offset : start + PAGE_SIZE]))
    if offset:
        first = read[0].sort_key
        before = sum(1 for entry in others if entry.sort_key < first)
        others = others[before:]
        start -= offset + before
    merged = sorted([*read, *others], key=lambda e: e.sort_key)
    return merged[start : start + PAGE_SIZE]
