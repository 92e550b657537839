"""The yearly activity report to the municipal council (Municipal Law 5393, art. 56): what
the foreign-relations office did in one year, in a fixed number of queries.

A year holds the visits that began in it, the protocols signed, the status changes made
(or decided by the council) and the relationships established in it, all within the home
city's relationships. The public version holds only what the public may see; the staff
version adds drafts, scheduled visits and unpublished relationships, each marked so.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.scope import home_relationships
from sistercities.models import Protocol, Relationship, Signatory, StatusChange
from visits.models import DelegationMember, Direction, Photo, Visit

FIRST_YEAR = 1900


def years_open_to_reports() -> range:
    """Years a report may be asked for: none before sister cities, none far ahead."""
    return range(FIRST_YEAR, timezone.localdate().year + 2)


def _in_year(name: str, year: int) -> Q:
    """A partial date in `year`: its text sorts from "2019" to "2019-12-31", before "2020"."""
    return Q(**{f"{name}__gte": str(year), f"{name}__lt": str(year + 1)})


@dataclass(frozen=True)
class Figure:
    label: str
    value: int


@dataclass
class YearReport:
    year: int
    with_unpublished: bool
    outgoing: list[Visit] = field(default_factory=list)
    incoming: list[Visit] = field(default_factory=list)
    protocols: list[Protocol] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    new_relationships: list[Relationship] = field(default_factory=list)
    photo_credits: list[dict] = field(default_factory=list)

    @property
    def visits(self) -> list[Visit]:
        return self.outgoing + self.incoming

    @property
    def is_empty(self) -> bool:
        return not (self.visits or self.protocols or self.status_changes or self.new_relationships)

    @property
    def figures(self) -> list[Figure]:
        visits = self.visits
        partners = {visit.relationship_id for visit in visits}
        return [
            Figure(_("Visits"), len(visits)),
            Figure(_("Outgoing visits"), len(self.outgoing)),
            Figure(_("Incoming visits"), len(self.incoming)),
            Figure(_("Partner cities visited or visiting"), len(partners)),
            Figure(
                _("Delegation members"),
                sum(len(visit.delegation.all()) for visit in visits),
            ),
            Figure(_("Meetings"), sum(visit.meeting_count for visit in visits)),
            Figure(_("Protocols signed"), len(self.protocols)),
            Figure(_("Status decisions"), len(self.status_changes)),
            Figure(_("New relationships"), len(self.new_relationships)),
            Figure(_("Photos"), sum(credit["count"] for credit in self.photo_credits)),
        ]


def year_report(year: int, *, with_unpublished: bool = False) -> YearReport:
    relationships = home_relationships()
    visits = Visit.objects.all()
    if not with_unpublished:
        relationships = relationships.published()
        visits = Visit.objects.published()
    visits = list(
        visits.filter(_in_year("start_date", year), relationship__in=relationships)
        .select_related("relationship__home_city", "relationship__partner_city")
        .annotate(meeting_count=Count("meetings"))
        .prefetch_related(
            "relationship__partner_city__former_names",
            Prefetch(
                "delegation",
                queryset=DelegationMember.objects.select_related("person", "organisation"),
            ),
        )
        .order_by("start_date", "pk")
    )
    report = YearReport(year=year, with_unpublished=with_unpublished)
    report.outgoing = [visit for visit in visits if visit.direction == Direction.OUTGOING]
    report.incoming = [visit for visit in visits if visit.direction == Direction.INCOMING]
    report.protocols = list(
        Protocol.objects.filter(_in_year("signed_on", year), relationship__in=relationships)
        .select_related("relationship__home_city", "relationship__partner_city")
        .prefetch_related(
            Prefetch("signatories", queryset=Signatory.objects.select_related("person"))
        )
        .order_by("signed_on", "pk")
    )
    report.status_changes = list(
        StatusChange.objects.filter(
            _in_year("date", year) | _in_year("council_decision_date", year),
            relationship__in=relationships,
        )
        .select_related("relationship__home_city", "relationship__partner_city")
        .order_by("date", "council_decision_date", "pk")
    )
    report.new_relationships = list(
        relationships.filter(_in_year("established_on", year))
        .select_related("home_city", "partner_city")
        .order_by("established_on", "pk")
    )
    report.photo_credits = list(
        Photo.objects.filter(visit__in=[visit.pk for visit in visits])
        .values("credit")
        .annotate(count=Count("pk"))
        .order_by("credit")
    )
    return report


def _count_by_year(queryset, name: str) -> dict[int, int]:
    """{year: rows} of a queryset by the year of a partial date field; unknown dates left out."""
    rows = (
        queryset.exclude(**{name: ""})
        .annotate(year=Substr(name, 1, 4))
        .order_by()
        .values_list("year")
        .annotate(count=Count("pk"))
    )
    return {int(year): count for year, count in rows}


def years_with_reports() -> list[dict]:
    """The years with anything public to report, latest first, and their visit counts."""
    relationships = home_relationships().published()
    visits = _count_by_year(
        Visit.objects.published().filter(relationship__in=relationships), "start_date"
    )
    protocols = Protocol.objects.filter(relationship__in=relationships)
    changes = StatusChange.objects.filter(relationship__in=relationships)
    years = {
        *visits,
        *_count_by_year(protocols, "signed_on"),
        *_count_by_year(changes, "date"),
        *_count_by_year(relationships, "established_on"),
    }
    allowed = years_open_to_reports()
    return [
        {"year": year, "visits": visits.get(year, 0)}
        for year in sorted(years, reverse=True)
        if year in allowed
    ]
