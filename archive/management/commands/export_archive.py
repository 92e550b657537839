from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from archive.transfer import ArchiveError, export_archive
from sistercities.commands import PortalCommand


class Command(PortalCommand):
    help = (
        "Write the whole record into one ZIP archive: content in every language, its "
        "history, the staff groups and accounts (without passwords) and every media file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive to write, e.g. backup.zip.")

    def handle(self, *args, path, **options):
        if path.is_dir():
            raise CommandError(
                _("%(path)s is a folder; give the archive's file name.") % {"path": path}
            )
        if not path.parent.is_dir():
            raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
        try:
            manifest = export_archive(path)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Archived %(rows)d rows and %(files)d media files in %(path)s.")
                % {
                    "rows": sum(manifest["counts"].values()),
                    "files": len(manifest["files"]) - 1,
                    "path": path,
                }
            )
        )
