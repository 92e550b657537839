"""How each of the home city's relationships is kept up, for the staff's health page.

Its last contact is the latest of its visits that have begun, its protocols' signing and
its status changes, in any state of publication. It is dormant when that contact lies
settings.PORTAL_DORMANT_AFTER_YEARS or more before today, counted from the last day the
contact's date may stand for ("2019" from 31 December 2019), or when it has none; an
ended relationship is not dormant, only ended. Two queries for all the rows, however many
there are, and one for the visits waiting for publication.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.anniversaries import Anniversary, last_day, upcoming_anniversary
from reports.charts import YEARS_SHOWN, ColumnChart, visits_per_year
from reports.scope import home_relationships
from sistercities.models import Protocol, Relationship, RelationshipStatus, StatusChange
from sistercities.partial_dates import PartialDate, PartialDateField
from visits.models import PublicationStatus, Visit

CONTACT_KINDS = {
    "visit": _("visit"),
    "protocol": _("protocol signed"),
    "status": _("status change"),
}


@dataclass(frozen=True)
class Contact:
    date: PartialDate
    kind: str

    @property
    def kind_label(self) -> str:
        return CONTACT_KINDS[self.kind]


@dataclass(frozen=True)
class RelationshipHealth:
    relationship: Relationship
    last_contact: Contact | None
    years_since: int | None
    dormant: bool
    visits: ColumnChart
    anniversary: Anniversary | None


def whole_years(earlier: datetime.date, later: datetime.date) -> int:
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def _latest(model, field: str, today: datetime.date):
    """The latest known `field` of a relationship's rows up to today, as a subquery."""
    rows = (
        model.objects.filter(relationship=OuterRef("pk"))
        .exclude(**{field: ""})
        .filter(**{f"{field}__lte": today.isoformat()})
        .order_by()
        .values("relationship")
        .annotate(latest=Max(field))
        .values("latest")
    )
    return Subquery(rows, output_field=PartialDateField())


def _last_contact(relationship) -> Contact | None:
    dated = [
        Contact(date, kind)
        for kind, date in (
            ("visit", relationship.last_visit),
            ("protocol", relationship.last_protocol),
            ("status", relationship.last_status_change),
        )
        if date is not None
    ]
    return max(dated, key=lambda contact: contact.date, default=None)


def _visit_counts(relationships, today: datetime.date) -> dict[int, dict[int, int]]:
    """{relationship id: {year: visits begun that year}} for the years the chart shows."""
    first_year = today.year - YEARS_SHOWN + 1
    rows = (
        Visit.objects.filter(relationship__in=relationships)
        .filter(start_date__gte=str(first_year), start_date__lte=today.isoformat())
        .annotate(year=Substr("start_date", 1, 4))
        .order_by()
        .values_list("relationship", "year")
        .annotate(count=Count("pk"))
    )
    counts = defaultdict(dict)
    for relationship, year, count in rows:
        counts[relationship][int(year)] = count
    return counts


def relationship_health(today: datetime.date | None = None) -> list[RelationshipHealth]:
    today = today or timezone.localdate()
    relationships = list(
        home_relationships()
        .with_current_status()
        .select_related("home_city", "partner_city")
        .annotate(
            last_visit=_latest(Visit, "start_date", today),
            last_protocol=_latest(Protocol, "signed_on", today),
            last_status_change=_latest(StatusChange, "date", today),
        )
    )
    counts = _visit_counts(home_relationships().values("pk"), today)
    threshold = settings.PORTAL_DORMANT_AFTER_YEARS
    health = []
    for relationship in relationships:
        contact = _last_contact(relationship)
        years = whole_years(last_day(contact.date), today) if contact else None
        ended = relationship.current_status == RelationshipStatus.ENDED
        health.append(
            RelationshipHealth(
                relationship=relationship,
                last_contact=contact,
                years_since=years,
                dormant=not ended and (years is None or years >= threshold),
                visits=visits_per_year(counts.get(relationship.pk, {}), today.year),
                anniversary=upcoming_anniversary(relationship.established_on, today),
            )
        )
    return health


def unpublished_upcoming_visits(today: datetime.date | None = None):
    """Visits the public cannot see yet that are still to come: scheduled ones before their
    publication time, and drafts of visits that have not begun."""
    today = today or timezone.localdate()
    return (
        Visit.objects.filter(relationship__in=home_relationships())
        .filter(
            Q(status=PublicationStatus.SCHEDULED, publish_at__gt=timezone.now())
            | Q(status=PublicationStatus.DRAFT, start_date__gte=today.isoformat())
        )
        .select_related("relationship__home_city", "relationship__partner_city")
        .order_by("start_date", "publish_at", "pk")
    )
