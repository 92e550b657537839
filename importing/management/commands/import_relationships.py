from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from importing.columns import parse_column_mapping, parse_value_mapping
from importing.decoding import NAMED
from importing.reading import ImportRefused, Options, check_size
from importing.report import PROPOSALS, sections, summary
from importing.service import SourceInfo, relationships_import
from sistercities.commands import PortalCommand

SHOWN_PER_SECTION = 100
BAR_WIDTH = 40


class Command(PortalCommand):
    help = (
        "Import sister-city pairs from a CSV file (UTF-8, UTF-16, Windows-1252/1254/1251; "
        "comma, semicolon or tab) or a spreadsheet (.xlsx, .ods, .xls): Wikipedia's "
        "twin_cities.csv (Hekman/twincities) or a generic list with the columns city, "
        "country, partner city, partner country and optionally since, kind, status, "
        "latitude, longitude, partner latitude, partner longitude, source url, named in "
        "Turkish, English, German, Russian or Kazakh (see importing/reading.py). Without "
        "--commit it is a dry run: it prints what would be created, matched or merged and "
        "every row it cannot use, and writes nothing. By default only the rows involving the "
        "home city become relationships; imported relationships stay unpublished until a "
        "Publisher publishes them, unless --publish is given. A city found only by its "
        "coordinates (a known city within 5 km) is a proposal, used only with "
        "--accept-distance-matches. Importing a file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Only report (the default).")
        mode.add_argument("--commit", action="store_true", help="Write the import.")
        parser.add_argument(
            "--all-pairs",
            action="store_true",
            help="Import every pair as a relationship, not only the home city's.",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the new relationships at once."
        )
        parser.add_argument(
            "--accept-distance-matches",
            action="store_true",
            help="Take a place the file names otherwise for the known city within 5 km of "
            "its coordinates. Without it, such a place is a city of its own (a metropolitan "
            "municipality and its central district share a centre).",
        )
        parser.add_argument("--source-title", help="Title of the list (generic lists).")
        parser.add_argument("--source-url", default="", help="Where the list comes from.")
        parser.add_argument("--publisher", default="", help="Who published the list.")
        parser.add_argument("--licence", default="", help="The list's licence.")
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="COLUMN=HEADER",
            help="Read COLUMN (city, country, partner_city, partner_country, since, kind, "
            "status, latitude, longitude, partner_latitude, partner_longitude, source_url, "
            "or its name in en, tr, kk or ru, e.g. “kardeş ülke”) from the file's column "
            "HEADER, e.g. --column country=Land; COLUMN= ignores it.",
        )
        parser.add_argument(
            "--value",
            action="append",
            default=[],
            metavar="COLUMN:VALUE=MEANING",
            help="Read VALUE in COLUMN (kind, status or country) as MEANING, e.g. "
            "--value kind:p=sister or --value country:BRD=DE.",
        )
        parser.add_argument(
            "--home-country",
            default="",
            help="The home city's country, for a list without (or with a wrong) country column.",
        )
        parser.add_argument(
            "--encoding",
            default="",
            choices=sorted(NAMED),
            type=str.casefold,
            help="The CSV file's encoding, when the one detected is wrong.",
        )

    def handle(
        self, *, file, commit, all_pairs, publish, accept_distance_matches, verbosity, **options
    ):
        source = None
        if options["source_title"]:
            source = SourceInfo(
                title=options["source_title"],
                publisher=options["publisher"],
                url=options["source_url"],
                licence=options["licence"],
            )
        try:
            check_size(file.stat().st_size)
            read_options = Options(
                columns=parse_column_mapping(options["column"]),
                values=parse_value_mapping(options["value"]),
                home_country=options["home_country"],
                encoding=NAMED.get(options["encoding"], ""),
            )
            report = relationships_import(
                data=file.read_bytes(),
                options=read_options,
                source=source,
                commit=commit,
                all_pairs=all_pairs,
                publish=publish,
                reason=f"import_relationships {file.name}"[:100],
                progress=self._progress if verbosity else None,
                accept_distance_matches=accept_distance_matches,
            )
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        listed = sections(report)
        for section in listed:
            if not section.items:
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(f"{section.title} ({len(section.items)})"))
            # Every unusable row is listed; the other sections in full at -v 2.
            complete = verbosity > 1 or section is listed[-1]
            shown = section.items if complete else section.items[:SHOWN_PER_SECTION]
            for item in shown:
                self.stdout.write(f"  {item}")
            if len(shown) < len(section.items):
                self.stdout.write(
                    "  "
                    + _("… %(count)s more (-v 2 lists all)")
                    % {"count": len(section.items) - len(shown)}
                )
            if section.name == PROPOSALS and not accept_distance_matches:
                self.stdout.write(
                    "  " + _("--accept-distance-matches takes the known cities instead.")
                )
        self.stdout.write(self.style.SUCCESS(summary(report)))

    def _progress(self, done, total):
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="\n" if done >= total else "")
        self.stderr.flush()
