"""Backup and restore: the whole record in one ZIP archive, and back.

    manifest.json   {"format": "sistercities-archive", "version": 1, "created_at": …,
                     "counts": {"visits.visit": 3, …}, "files": {"data.json": sha256, …}}
    data.json       the rows, through Django's serializers
    media/…         every file of the default storage: private photo originals, their
                    renditions, coats of arms, protocol scans

The rows are every model of the sistercities and visits apps in every language (all the
translated columns) with their history tables, the footer's office contact and notices (the
public app, history too), the admin's log, and the staff groups and accounts. Accounts are
archived without their password hashes: an archive travels (an off-site copy, a hand-over)
and should not carry credentials that can be attacked offline.
A restored account that did not exist gets an unusable password (set one with
`manage.py changepassword`); one that exists already is kept as it is. Groups, accounts,
content types and permissions are referred to by natural key; content keeps its ids, so
every address (a photo's page names its id) stays the same.

An archive is restored only into a database without content, after every file has been
checked against the manifest and each protocol's scanned document as an upload is, in one
transaction; PostgreSQL's sequences are then moved past the restored ids. The footer's
rows, which a new database has from its migrations, are replaced by the archive's where it
holds them.
"""

import datetime
import hashlib
import json
import os
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sistercities.documents import check_document
from sistercities.search_text import Searchable

FORMAT = "sistercities-archive"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA = "media/"
CONTENT_APPS = ("sistercities", "visits")
# Rows a new database already holds, as its migrations' defaults; an archive replaces them.
SITE_TEXT_APPS = ("public",)
PROTOCOL = "sistercities.protocol"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """An archive that cannot be written or restored; the message says why."""


class _ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond: DjangoJSONEncoder keeps milliseconds only."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def content_models() -> list[type]:
    """Every model of the two apps, their history tables included."""
    return [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]


def site_text_models() -> list[type]:
    """The footer's office contact and notices, with their history tables."""
    return [model for label in SITE_TEXT_APPS for model in apps.get_app_config(label).get_models()]


def archived_models() -> list[type]:
    """In the order they are restored: groups and accounts before the rows naming them."""
    return [Group, get_user_model(), LogEntry, *content_models(), *site_text_models()]


# Export --------------------------------------------------------------------------------


def export_archive(path: Path) -> dict:
    """Write the archive to `path` (through a temporary file, so a failed export leaves
    nothing behind) and return its manifest."""
    rows = _read_rows()
    data = json.dumps(rows, cls=_ExactEncoder, ensure_ascii=False, indent=1).encode()
    counts = Counter(row["model"] for row in rows)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "counts": {
            model._meta.label_lower: counts[model._meta.label_lower] for model in archived_models()
        },
        "files": {DATA: hashlib.sha256(data).hexdigest()},
    }
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(DATA, data)
            for name in stored_files():
                manifest["files"][MEDIA + name] = _copy_into(bundle, name)
            bundle.writestr(MANIFEST, json.dumps(manifest, indent=1))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return manifest


def _read_rows() -> list[dict]:
    """All rows as Django's Python serializer gives them, read in one snapshot on
    PostgreSQL so that an edit made meanwhile is in the archive whole or not at all."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        # The untranslated column of a translated field holds the language that was active
        # at its last save (pages read the per-language columns): it travels in the
        # portal's default language, and is restored in it.
        with translation.override(settings.LANGUAGE_CODE):
            return [row for model in archived_models() for row in _serialize(model)]


def _serialize(model) -> list[dict]:
    fields = None
    if model is get_user_model():
        own = (*model._meta.local_fields, *model._meta.local_many_to_many)
        fields = [field.name for field in own if field.name != "password"]
    return serializers.serialize(
        "python",
        model._base_manager.order_by("pk"),
        fields=fields,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )


def stored_files(directory: str = "") -> list[str]:
    """Every file of the default storage, folders walked in name order."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:  # a local media folder not created yet
        return []
    names = [str(PurePosixPath(directory, name)) for name in sorted(files)]
    for folder in sorted(folders):
        names += stored_files(str(PurePosixPath(directory, folder)))
    return names


def _copy_into(bundle: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as source, bundle.open(MEDIA + name, "w") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
    return digest.hexdigest()


# Import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    manifest: dict
    new_accounts: list[str]  # staff accounts created without a password


def import_archive(path: Path) -> Restored:
    """Restore an archive into a database without content. Nothing is written unless
    every check passes."""
    try:
        with zipfile.ZipFile(path) as bundle:
            manifest = _checked_manifest(bundle)
            rows = json.loads(bundle.read(DATA))
            _check_counts(rows, manifest)
            _check_database_is_empty()
            _check_documents(bundle, rows)
            media = _media_to_write(bundle, manifest)
            new_accounts = _restore(bundle, rows, media)
    except zipfile.BadZipFile as error:
        raise ArchiveError(_("This file is not a readable ZIP archive (%s).") % error) from None
    return Restored(manifest, new_accounts)


def _checked_manifest(bundle: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(bundle.read(MANIFEST))
    except KeyError:
        raise ArchiveError(
            _("The archive has no %(name)s: it was not written by export_archive.")
            % {"name": MANIFEST}
        ) from None
    except ValueError:
        raise ArchiveError(_("The archive's manifest is not valid JSON.")) from None
    found = (manifest.get("format"), manifest.get("version"))
    if found != (FORMAT, VERSION):
        raise ArchiveError(
            _("The archive is %(found)s; this portal reads %(expected)s.")
            % {"found": f"{found[0]} version {found[1]}", "expected": f"{FORMAT} version {VERSION}"}
        )
    files = manifest.get("files") or {}
    members = {name for name in bundle.namelist() if not name.endswith("/")} - {MANIFEST}
    unlisted = sorted(members - set(files))
    if unlisted:
        raise ArchiveError(
            _("%(name)s is in the archive but not in its manifest.") % {"name": unlisted[0]}
        )
    for name, digest in sorted(files.items()):
        if name not in members:
            raise ArchiveError(
                _("%(name)s is in the manifest but not in the archive.") % {"name": name}
            )
        if not _safe(name):
            raise ArchiveError(
                _("%(name)s would be written outside the media folder.") % {"name": name}
            )
        if _sha256(bundle, name) != digest:
            raise ArchiveError(
                _("%(name)s does not match the manifest: the archive is damaged or was changed.")
                % {"name": name}
            )
    if DATA not in files:
        raise ArchiveError(_("The archive holds no %(name)s.") % {"name": DATA})
    return manifest


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _sha256(bundle: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with bundle.open(name) as member:
        while chunk := member.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_counts(rows: list[dict], manifest: dict) -> None:
    counts = Counter(row.get("model") for row in rows)
    expected = {label: count for label, count in manifest.get("counts", {}).items() if count}
    if counts != expected:
        raise ArchiveError(_("The archive's rows do not match the counts of its manifest."))


def _check_database_is_empty() -> None:
    for model in [LogEntry, *content_models()]:
        if model._base_manager.exists():
            raise ArchiveError(
                _(
                    "The database already holds %(things)s. An archive is restored only into "
                    "a database without content: restore into a new, migrated database."
                )
                % {"things": model._meta.verbose_name_plural}
            )


def _check_documents(bundle: zipfile.ZipFile, rows: list[dict]) -> None:
    """Each protocol's scanned document passes the checks an upload does: a restore is no
    way around them (sistercities/documents.py)."""
    members = set(bundle.namelist())
    for row in rows:
        name = row.get("fields", {}).get("document") if row.get("model") == PROTOCOL else ""
        if not name or MEDIA + name not in members:
            continue
        with bundle.open(MEDIA + name) as member:
            data = member.read(settings.PROTOCOL_DOCUMENT_MAX_UPLOAD_BYTES + 1)
        try:
            check_document(data)
        except ValidationError as error:
            raise ArchiveError(
                _("The scanned document %(name)s of the protocol %(slug)s is refused: %(reason)s")
                % {"name": name, "slug": row["fields"].get("slug"), "reason": error.messages[0]}
            ) from None


def _media_to_write(bundle: zipfile.ZipFile, manifest: dict) -> list[str]:
    """The archive's media files the storage lacks; one it holds with other content stops
    the restore."""
    missing = []
    for member, digest in sorted(manifest["files"].items()):
        if not member.startswith(MEDIA):
            continue
        name = member.removeprefix(MEDIA)
        if not default_storage.exists(name):
            missing.append(member)
        elif _stored_sha256(name) != digest:
            raise ArchiveError(
                _("The media storage already holds a different file named %(name)s.")
                % {"name": name}
            )
    return missing


def _stored_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as stored:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _restore(bundle: zipfile.ZipFile, rows: list[dict], media: list[str]) -> list[str]:
    written = []
    try:
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            _drop_replaced_site_texts(rows)
            new_accounts = _save_rows(rows)
            _reset_sequences()
            for member in media:
                name = member.removeprefix(MEDIA)
                saved = default_storage.save(name, ContentFile(bundle.read(member)))
                written.append(saved)
                if saved != name:
                    raise ArchiveError(
                        _("The media storage stored %(name)s under another name.") % {"name": name}
                    )
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return new_accounts


def _drop_replaced_site_texts(rows: list[dict]) -> None:
    """The migrations' footer rows give way to the archive's (an older archive without
    them leaves the defaults)."""
    archived = {row.get("model") for row in rows}
    for model in site_text_models():
        if model._meta.label_lower in archived:
            model._base_manager.all().delete()


def _save_rows(rows: list[dict]) -> list[str]:
    """Save every row; return the accounts created."""
    user_model, new_accounts = get_user_model(), []
    try:
        for restored in serializers.deserialize("python", rows):
            if isinstance(restored.object, user_model):
                if restored.object.pk is not None:
                    continue  # an account of that name exists here and is kept as it is
                restored.object.set_unusable_password()
                new_accounts.append(restored.object.get_username())
            if isinstance(restored.object, Searchable):
                restored.object.refresh_search_text()  # an archive made before the column
            restored.save()
    except DeserializationError as error:
        raise ArchiveError(_("The archive's rows cannot be restored: %s") % error) from None
    return new_accounts


def _reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the restored rows (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), archived_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
