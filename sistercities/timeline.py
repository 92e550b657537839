"""The story of a relationship as one dated list: protocols, status changes, visits and
the renames of its cities.

Entries run oldest first, as a story is read; an entry whose date is unknown comes last,
after every dated one. Dates known only to the year or month sort before the days inside
them ("2019" < "2019-08" < "2019-08-24"), the order of their ISO text. Only published visits
appear. Building a timeline costs one query per kind, whatever the number of entries.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercities.models import FormerCityName, Relationship, RelationshipStatus, StatusChange
from sistercities.partial_dates import PartialDate
from visits.models import Visit


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


def _visits(relationship):
    for visit in Visit.objects.published().for_relationship(relationship):
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


_GATHERERS = {
    Kind.PROTOCOL: _protocols,
    Kind.STATUS: _status_changes,
    Kind.VISIT: _visits,
    Kind.MILESTONE: _milestones,
}
