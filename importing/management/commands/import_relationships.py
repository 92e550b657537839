from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from importing.reading import ImportRefused, check_size
from importing.report import sections, summary
from importing.service import SourceInfo, relationships_import

SHOWN_PER_SECTION = 100
BAR_WIDTH = 40


class Command(BaseCommand):
    help = (
        "Import sister-city pairs from a CSV file: Wikipedia's twin_cities.csv (Hekman/"
        "twincities) or a generic list with the columns city, country, partner city, partner "
        "country and optionally since, kind, status, latitude, longitude, partner latitude, "
        "partner longitude, source url (see sistercities/importing/reading.py). Without "
        "--commit it is a dry run: it prints what would be created, matched or merged and "
        "every row it cannot use, and writes nothing. By default only the rows involving the "
        "home city become relationships; imported relationships stay unpublished until a "
        "Publisher publishes them, unless --publish is given. Importing a file again changes "
        "nothing."
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
        parser.add_argument("--source-title", help="Title of the list (generic lists).")
        parser.add_argument("--source-url", default="", help="Where the list comes from.")
        parser.add_argument("--publisher", default="", help="Who published the list.")
        parser.add_argument("--licence", default="", help="The list's licence.")

    def handle(self, *args, file, commit, all_pairs, publish, verbosity, **options):
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
            report = relationships_import(
                data=file.read_bytes(),
                source=source,
                commit=commit,
                all_pairs=all_pairs,
                publish=publish,
                reason=f"import_relationships {file.name}"[:100],
                progress=self._progress if verbosity else None,
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
                self.stdout.write(f"  … {len(section.items) - len(shown)} more (-v 2 lists all)")
        self.stdout.write(self.style.SUCCESS(summary(report)))

    def _progress(self, done, total):
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="\n" if done >= total else "")
        self.stderr.flush()
