from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from archive.transfer import ArchiveError, import_archive
from sistercities.commands import PortalCommand


class Command(PortalCommand):
    help = (
        "Restore an archive written by export_archive into a migrated database without "
        "content. The archive is checked first; a damaged one writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive to restore.")

    def handle(self, *args, path, **options):
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        try:
            restored = import_archive(path)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        manifest = restored.manifest
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored %(rows)d rows and %(files)d media files from %(path)s.")
                % {
                    "rows": sum(manifest["counts"].values()),
                    "files": len(manifest["files"]) - 1,
                    "path": path,
                }
            )
        )
        if restored.new_accounts:
            self.stdout.write(
                _(
                    "Staff accounts restored without a password (set one with "
                    "`manage.py changepassword NAME`): %(names)s"
                )
                % {"names": ", ".join(restored.new_accounts)}
            )
