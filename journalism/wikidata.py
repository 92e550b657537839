"""The home city's relationships for Wikidata, as QuickStatements commands (version 1).

Each published relationship whose two cities have a Wikidata item becomes the statement
"home city P190 (twinned administrative body) partner city", qualified by its start time
(P580, from the date of establishment, at the precision it is known: /9 year, /10 month,
/11 day) and, for an ended relationship, its end time (P582, "somevalue" where the date is
not known); a relationship with sources gets one line per source with an address, each
referenced by that address (S854) and the day it was read (S813). QuickStatements adds the
references and qualifiers of repeated lines to the one statement.

QuickStatements has no comments, so the relationships left out are listed apart, with why.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from journalism.exports import open_data
from journalism.feeds import home_municipality
from sistercities.models import City, Relationship, RelationshipStatus, StatusChange
from sistercities.partial_dates import PartialDate, Precision

TWINNED_ADMINISTRATIVE_BODY = "P190"
START_TIME = "P580"
END_TIME = "P582"
REFERENCE_URL = "S854"
RETRIEVED = "S813"
UNKNOWN_VALUE = "somevalue"

_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}


def wikidata_time(date: PartialDate) -> str:
    """+2019-08-00T00:00:00Z/10: Wikidata writes the parts it does not know as zeros."""
    return (
        f"+{date.year:04d}-{date.month or 0:02d}-{date.day or 0:02d}T00:00:00Z"
        f"/{_PRECISION[date.precision]}"
    )


def _string(text: str) -> str:
    """A QuickStatements string: in double quotes, which an address cannot hold unescaped."""
    return f'"{iri_to_uri(text)}"'


@dataclass(frozen=True)
class Skipped:
    relationship: Relationship
    reason: str


@dataclass(frozen=True)
class Export:
    lines: list[str]
    skipped: list[Skipped]


def _relationships(home: City):
    return (
        Relationship.objects.published()
        .involving(home)
        .select_related("home_city", "partner_city")
        .prefetch_related(
            "sources",
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("date", "pk")),
        )
        .order_by("partner_city__name", "pk")
    )


def _end(relationship: Relationship) -> str | None:
    """The end time of a relationship whose latest status is "ended"."""
    changes = relationship.status_changes.all()
    if not changes or changes[len(changes) - 1].status != RelationshipStatus.ENDED:
        return None
    ended = changes[len(changes) - 1].date
    return wikidata_time(ended) if ended else UNKNOWN_VALUE


def statements(home: City, relationship: Relationship) -> list[str]:
    partner = relationship.partner_city
    if relationship.partner_city_id == home.pk:
        partner = relationship.home_city
    claim = [home.wikidata_id, TWINNED_ADMINISTRATIVE_BODY, partner.wikidata_id]
    if relationship.established_on:
        claim += [START_TIME, wikidata_time(relationship.established_on)]
    end = _end(relationship)
    if end:
        claim += [END_TIME, end]
    references = []
    for source in relationship.sources.all():
        if source.url:
            reference = [REFERENCE_URL, _string(source.url)]
            if source.accessed_on:
                reference += [RETRIEVED, wikidata_time(PartialDate.from_date(source.accessed_on))]
            references.append(reference)
    return ["\t".join([*claim, *reference]) for reference in references or [[]]]


def export(home: City) -> Export:
    lines, skipped = [], []
    for relationship in _relationships(home):
        without = [
            city
            for city in (relationship.home_city, relationship.partner_city)
            if not city.wikidata_id
        ]
        if without:
            names = ", ".join(city.name for city in without)
            reason = _("No Wikidata item recorded for %(cities)s.") % {"cities": names}
            skipped.append(Skipped(relationship, reason))
        else:
            lines.extend(statements(home, relationship))
    return Export(lines, skipped)


def _text(lines: list[str]) -> HttpResponse:
    return open_data(
        HttpResponse(
            "".join(f"{line}\n" for line in lines), content_type="text/plain; charset=utf-8"
        )
    )


def quickstatements(request):
    """The commands, to paste into QuickStatements or to review first."""
    home = home_municipality()
    response = _text(export(home).lines)
    filename = f"{home.slug}-relationships-quickstatements.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def skipped(request):
    """The published relationships the commands leave out, each with its reason and page."""
    home = home_municipality()
    left_out = export(home).skipped
    lines = [
        _("Relationships of %(city)s left out of the QuickStatements commands:")
        % {"city": home.name}
        if left_out
        else _("Every published relationship of %(city)s is in the QuickStatements commands.")
        % {"city": home.name},
        "",
    ]
    for item in left_out:
        url = request.build_absolute_uri(item.relationship.get_absolute_url())
        lines.append(f"{item.relationship} ({url}): {item.reason}")
    response = _text(lines)
    response["Content-Disposition"] = (
        f'inline; filename="{home.slug}-relationships-skipped-{get_language()}.txt"'
    )
    return response
