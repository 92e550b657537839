from django.utils.translation import ngettext

from importing import uploads
from sistercities.commands import PortalCommand


class Command(PortalCommand):
    help = (
        "Delete the admin's relationship imports uploaded more than a day ago and never "
        "confirmed (each upload also does so). For cron, e.g. hourly."
    )

    def handle(self, *, verbosity, **options):
        deleted = uploads.delete_stale()
        if verbosity:
            self.stdout.write(
                ngettext(
                    "%(count)s stale import deleted.", "%(count)s stale imports deleted.", deleted
                )
                % {"count": deleted}
            )
