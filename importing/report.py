"""An import's report as plain-text sections, for the command and the admin preview."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from importing.service import CityPlan, ImportReport, PairPlan


@dataclass(frozen=True)
class Section:
    title: str
    items: list[str]


def summary(report: ImportReport) -> str:
    counts = {
        "rows": report.row_count,
        "new": len(report.new_pairs),
        "existing": len(report.existing_pairs),
        "skipped": report.skipped,
        "unusable": len(report.problems),
        "cities": len(report.new_cities),
    }
    text = ngettext("%(rows)s row read", "%(rows)s rows read", counts["rows"]) % counts
    if report.committed:
        details = _(
            "%(new)s relationships created, %(existing)s already there, %(cities)s cities "
            "created, %(skipped)s rows not about the home city, %(unusable)s unusable rows."
        )
    else:
        details = _(
            "%(new)s relationships would be created, %(existing)s are already there, "
            "%(cities)s cities would be created, %(skipped)s rows are not about the home "
            "city, %(unusable)s rows cannot be used. Nothing has been written."
        )
    return f"{text}: {details % counts}"


def sections(report: ImportReport) -> list[Section]:
    done = report.committed
    return [
        Section(
            _("Relationships created") if done else _("Relationships to create"),
            [_pair(pair) for pair in report.new_pairs],
        ),
        Section(
            _("Relationships already in the database"),
            [_pair(pair) for pair in report.existing_pairs],
        ),
        Section(
            _("Cities created") if done else _("Cities to create"),
            [_line(str(city), min(city.spellings.values())) for city in report.new_cities],
        ),
        Section(_("Cities matched"), [_matched(city) for city in report.matched_cities]),
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


def _matched(city: CityPlan) -> str:
    spellings = " / ".join(city.spellings)
    return _line(
        _("“%(spellings)s” is %(city)s (by %(how)s)")
        % {"spellings": spellings, "city": city, "how": city.how},
        min(city.spellings.values()),
    )


def _merged(city: CityPlan) -> str:
    spellings = ", ".join(
        _("“%(name)s” (line %(line)s)") % {"name": name, "line": line}
        for name, line in city.spellings.items()
    )
    return _("%(spellings)s: one city, %(city)s") % {"spellings": spellings, "city": city}
