"""Where an admin import waits between its upload and its confirmation.

The file is read once, on upload; its table (`tables.Table.to_json`) waits in the default
file storage (shared by every app server, unlike a process or a local folder) under a
random token, and the preview and the confirmation read that table, not the file again.
A table not confirmed within `KEPT_FOR` is deleted: when another upload starts, and by
`manage.py delete_stale_imports` (for cron).
"""

import datetime
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from importing.tables import Table

FOLDER = "imports"
KEPT_FOR = datetime.timedelta(days=1)


def keep(table: Table) -> tuple[str, str]:
    """Store `table`; its token and path."""
    token = secrets.token_urlsafe(16)
    return token, default_storage.save(f"{FOLDER}/{token}.json", ContentFile(table.to_json()))


def load(path: str) -> Table | None:
    """The table kept at `path`; None once it is gone (confirmed, or deleted as stale)."""
    try:
        with default_storage.open(path, "rb") as file:
            return Table.from_json(file.read())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget(path: str) -> None:
    default_storage.delete(path)


def delete_stale(now: datetime.datetime | None = None) -> int:
    """Delete what waits since more than `KEPT_FOR`; how many files were deleted."""
    oldest = (now or timezone.now()) - KEPT_FOR
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            stale = default_storage.get_modified_time(path) < oldest
        except FileNotFoundError:  # deleted meanwhile by another worker
            continue
        if stale:
            default_storage.delete(path)
            deleted += 1
    return deleted
