"""An import's report as plain-text sections, for the command and the admin preview."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from importing.service import CityPlan, ImportReport, PairPlan, Proposal
from sistercities.models import RelationshipKind, RelationshipStatus

PROPOSALS = "proposals"


@dataclass(frozen=True)
class Section:
    title: str
    items: list[str]
    name: str = ""  # PROPOSALS: the admin shows that one with a checkbox per item


def summary(report: ImportReport) -> str:
    counts = {
        "rows": report.row_count,
        "new": len(report.new_pairs),
        "updated": len(report.updated_pairs),
        "existing": len(report.existing_pairs),
        "conflicts": len(report.conflicting_pairs),
        "skipped": report.skipped,
        "unusable": report.unusable_rows,
        "cities": len(report.new_cities),
        "read_as": report.description,
    }
    text = (
        ngettext(
            "%(rows)s row read (%(read_as)s)", "%(rows)s rows read (%(read_as)s)", counts["rows"]
        )
        % counts
    )
    if report.committed:
        details = _(
            "%(new)s relationships created, %(updated)s updated, %(existing)s already there, "
            "%(conflicts)s left out as conflicts, %(cities)s cities created, %(skipped)s rows "
            "not about the home city, %(unusable)s unusable rows."
        )
    else:
        details = _(
            "%(new)s relationships would be created, %(updated)s would be updated, "
            "%(existing)s are already there, %(conflicts)s are conflicts, %(cities)s cities "
            "would be created, %(skipped)s rows are not about the home city, %(unusable)s "
            "rows cannot be used. Nothing has been written."
        )
    return f"{text}: {details % counts}"


def sections(report: ImportReport) -> list[Section]:
    """The report's sections; the rows that cannot be used come last."""
    done = report.committed
    return [
        Section(
            _("Columns not read"),
            [_("“%(header)s”") % {"header": header} for header in report.unread_columns],
        ),
        Section(
            _("Matches by distance: proposed, used only if accepted"),
            [proposal_text(proposal) for proposal in report.proposals],
            PROPOSALS,
        ),
        Section(
            _("Relationships created") if done else _("Relationships to create"),
            [_pair(pair) for pair in report.new_pairs],
        ),
        Section(
            _("Relationships updated") if done else _("Relationships to update"),
            [_updated(pair, done) for pair in report.updated_pairs],
        ),
        Section(
            _("Relationships already in the database"),
            [_pair(pair) for pair in report.existing_pairs],
        ),
        Section(
            _("Conflicts: a pair listed with different values (not imported)"),
            [_conflict(pair) for pair in report.conflicting_pairs],
        ),
        Section(
            _("Cities created") if done else _("Cities to create"),
            [_line(str(city), min(city.spellings.values())) for city in report.new_cities],
        ),
        Section(
            _("Cities matched"),
            [_matched(city) for city in report.matched_cities if city.distance_km is None],
        ),
        Section(
            _("Merged: one place under several spellings"),
            [_merged(city) for city in report.merged_cities],
        ),
        Section(
            _("Merged: a pair listed more than once"),
            [
                _("%(pair)s: line %(line)s, again on line %(again)s")
                % {
                    "pair": pair,
                    "line": pair.line,
                    "again": ", ".join(map(str, pair.repeated_on)),
                }
                for pair in report.merged_pairs
                if not pair.conflicts
            ],
        ),
        Section(
            _("Rows that cannot be used"),
            [_line(problem.reason, problem.line) for problem in report.problems],
        ),
    ]


def _line(text: str, line: int) -> str:
    return _("line %(line)s: %(text)s") % {"line": line, "text": text}


def _pair(pair: PairPlan) -> str:
    text = str(pair)
    if pair.since:
        text = _("%(pair)s, since %(since)s") % {"pair": text, "since": pair.since.isoformat()}
    return _line(text, pair.line)


def _label(name: str, value: str) -> str:
    """A stored value as the operator reads it: "friendship", not "friendship"'s code."""
    choices = {"kind": RelationshipKind, "status": RelationshipStatus}.get(name)
    if choices and value in choices.values:
        return str(choices(value).label)
    return value or _("none")


def _field(name: str) -> str:
    return {"kind": _("kind"), "status": _("status")}.get(name, _("year or date"))


def _updated(pair: PairPlan, done: bool) -> str:
    changes = "; ".join(
        _("%(field)s %(old)s → %(new)s")
        % {"field": _field(name), "old": _label(name, old), "new": _label(name, new)}
        for name, (old, new) in pair.updates.items()
    )
    values = {"pair": pair, "changes": changes}
    if done:
        return _line(_("%(pair)s: updated %(changes)s") % values, pair.line)
    return _line(_("%(pair)s: would update %(changes)s") % values, pair.line)


def _conflict(pair: PairPlan) -> str:
    conflicts = "; ".join(
        _("%(field)s: %(values)s")
        % {
            "field": _field(name),
            "values": ", ".join(
                _("%(value)s (line %(lines)s)")
                % {"value": _label(name, value), "lines": ", ".join(map(str, lines))}
                for value, lines in values.items()
            ),
        }
        for name, values in pair.conflicts.items()
    )
    return _line(_("%(pair)s: %(conflicts)s") % {"pair": pair, "conflicts": conflicts}, pair.line)


def _matched(city: CityPlan) -> str:
    text = _("“%(spellings)s” is %(city)s (by %(how)s)") % {
        "spellings": " / ".join(city.spellings),
        "city": city,
        "how": city.how,
    }
    return _line(text, min(city.spellings.values()))


def proposal_text(proposal: Proposal) -> str:
    values = {
        "name": proposal.name,
        "country": proposal.country,
        "city": proposal.city,
        "km": proposal.distance_km,
    }
    if proposal.accepted:
        text = _(
            "“%(name)s” (%(country)s) lies %(km)s km from %(city)s (%(country)s): accepted, "
            "its rows are %(city)s’s"
        )
    else:
        text = _(
            "“%(name)s” (%(country)s) lies %(km)s km from %(city)s (%(country)s): not "
            "accepted, so “%(name)s” is a city of its own (its rows are not %(city)s’s)"
        )
    return _line(text % values, proposal.line)


def _merged(city: CityPlan) -> str:
    spellings = ", ".join(
        _("“%(name)s” (line %(line)s)") % {"name": name, "line": line}
        for name, line in city.spellings.items()
    )
    return _("%(spellings)s: one city, %(city)s") % {"spellings": spellings, "city": city}
