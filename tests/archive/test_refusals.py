"""A damaged, changed or foreign archive, or a database with content, is refused with a
clear message, and nothing is written."""

import hashlib
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from archive.transfer import stored_files
from sistercities.models import City
from tests.helpers.documents import pdf_with_javascript
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(record, tmp_path):
    path = tmp_path / "backup.zip"
    call_command("export_archive", path)
    return path


def rewrite(path, change):
    """Rewrite the archive with `change` applied to {member name: bytes}."""
    with zipfile.ZipFile(path) as bundle:
        members = {name: bundle.read(name) for name in bundle.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w") as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)


def manifest_edit(edit):
    def change(members):
        manifest = json.loads(members["manifest.json"])
        edit(manifest)
        members["manifest.json"] = json.dumps(manifest).encode()

    return change


def photo_original(members) -> str:
    return next(name for name in members if name.startswith("media/photos/originals/"))


def add_listed(members, name, data):
    """A file the manifest lists with its right checksum."""
    members[name] = data
    manifest = json.loads(members["manifest.json"])
    manifest["files"][name] = hashlib.sha256(data).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()


def changed_data(members):
    members["data.json"] = members["data.json"].replace(b"Konaev", b"Konayev")


def changed_photo(members):
    name = photo_original(members)
    members[name] = members[name][:-10] + b"0123456789"


def no_manifest(members):
    del members["manifest.json"]


def unlisted_file(members):
    members["media/photos/renditions/shell.php"] = b"<?php system($_GET['c']); ?>"


def scripted_document(members):
    """A protocol's document replaced by one that runs JavaScript, its checksum updated."""
    name = next(name for name in members if name.startswith("media/protocols/"))
    add_listed(members, name, pdf_with_javascript())


def escaping_path(members):
    add_listed(members, "media/../../outside.txt", b"outside the media folder")


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (changed_data, "data.json does not match the manifest"),
        (changed_photo, "does not match the manifest: the archive is damaged or was changed"),
        (no_manifest, "The archive has no manifest.json"),
        (manifest_edit(lambda m: m.update(version=2)), "this portal reads sistercities-archive"),
        (manifest_edit(lambda m: m.update(format="other")), "The archive is other version 1"),
        (unlisted_file, "shell.php is in the archive but not in its manifest"),
        (escaping_path, "outside.txt would be written outside the media folder"),
        (
            scripted_document,
            r"The scanned document protocols/\w+\.pdf of the protocol .+ is "
            "refused: This PDF contains JavaScript",
        ),
        (manifest_edit(lambda m: m["counts"].update({"visits.visit": 7})), "counts"),
    ],
)
def test_tampered_archive_is_refused_and_writes_nothing(archive, wipe, tamper, message):
    rewrite(archive, tamper)
    wipe()
    with pytest.raises(CommandError, match=message):
        call_command("import_archive", archive)
    assert not City.objects.exists()
    assert stored_files() == []


def test_file_that_is_not_an_archive_is_refused(tmp_path, db):
    path = tmp_path / "backup.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="not a readable ZIP archive"):
        call_command("import_archive", path)


def test_database_with_content_is_refused(archive):
    visits = list(Visit.objects.values_list("pk", "updated_at"))
    with pytest.raises(CommandError, match="The database already holds"):
        call_command("import_archive", archive)
    assert list(Visit.objects.values_list("pk", "updated_at")) == visits


def test_different_media_file_of_the_same_name_is_refused(archive, wipe):
    wipe()
    default_storage.save("cities/osmangazi.png", ContentFile(b"another coat of arms"))
    with pytest.raises(CommandError, match="already holds a different file named"):
        call_command("import_archive", archive)
    assert not City.objects.exists()
    assert stored_files() == ["cities/osmangazi.png"]
