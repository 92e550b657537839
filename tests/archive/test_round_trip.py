"""export_archive, an empty database, import_archive: the same site, byte for byte."""

import hashlib
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.utils import translation

from archive.transfer import content_models, stored_files
from public.models import Notice, Office
from sistercities.models import City
from tests.helpers.crawl import crawl
from visits.models import Visit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Headers that say what a page is; the test client sets no date.
HEADERS = ("Content-Type", "Content-Disposition", "Location", "Content-Language")


def site(client) -> dict[str, tuple]:
    """Every public address reachable from the home pages, the sitemap and robots.txt, with
    its status, headers and exact bytes."""
    start = [f"/{language}/" for language in LANGUAGES] + ["/sitemap.xml", "/robots.txt"]
    pages = {}
    for url in crawl(client, start, search_word="Kapchagay"):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = {name: response.get(name) for name in HEADERS if response.has_header(name)}
        pages[url] = (response.status_code, headers, body)
    return pages


def rows() -> dict[str, list[dict]]:
    """Every content and history row, every column (all languages), but the author's id:
    the accounts are restored under new ids and compared by name."""
    return {
        model._meta.label: [
            {name: value for name, value in row.items() if name != "history_user_id"}
            for row in model._base_manager.order_by("pk").values()
        ]
        for model in content_models()
    }


def authors() -> list[tuple[str, int, str | None]]:
    return [
        (model._meta.label, record.pk, record.history_user and record.history_user.username)
        for model in content_models()
        if hasattr(model, "history_user")
        for record in model._base_manager.select_related("history_user").order_by("pk")
    ]


def media() -> dict[str, str]:
    return {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
        for name in stored_files()
    }


def test_restored_archive_serves_the_same_site(record, wipe, tmp_path):
    before = {"site": site(Client()), "rows": rows(), "authors": authors(), "media": media()}
    assert len(before["site"]) > 40
    assert any("photos/originals/" in name for name in before["media"])
    assert any(name.startswith("cities/") for name in before["media"])
    assert record.history.count() >= 2 and record.corrections.count() == 1
    with translation.override("en"):
        report = before["site"][record.get_absolute_url()][2].decode()
    assert "The delegation in Konaev" in report and "name of today added" in report
    archive = tmp_path / "backup.zip"
    call_command("export_archive", archive)

    wipe()
    assert not Visit.objects.exists() and not stored_files()
    call_command("import_archive", archive)

    after = {"site": site(Client()), "rows": rows(), "authors": authors(), "media": media()}
    assert after["media"] == before["media"]
    assert after["rows"] == before["rows"]
    assert after["authors"] == before["authors"]
    assert after["site"].keys() == before["site"].keys()
    for url, page in before["site"].items():
        assert after["site"][url] == page, url


def test_restored_staff_account_has_no_password(record, wipe, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("export_archive", archive)
    wipe()
    call_command("import_archive", archive)

    publisher = get_user_model().objects.get(username="publisher")
    assert not publisher.has_usable_password()
    assert list(publisher.groups.values_list("name", flat=True)) == ["Publisher"]


def test_new_rows_after_a_restore_get_fresh_ids(record, wipe, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("export_archive", archive)
    highest = City.objects.order_by("-pk").first().pk
    wipe()
    call_command("import_archive", archive)

    city = City.objects.create(slug="bursa", name_tr="Bursa", country="TR")
    assert city.pk > highest
    assert city.history.get().history_type == "+"


def test_the_footer_staff_wrote_replaces_a_new_databases_defaults(record, wipe, tmp_path):
    office = Office.objects.get()
    office.name_en, office.email = "International Relations Office", "office@example.org"
    office.save()
    archive = tmp_path / "backup.zip"
    call_command("export_archive", archive)
    wipe()
    defaults = import_module("public.migrations.0002_default_footer")
    state = MigrationLoader(connection).project_state(("public", "0002_default_footer"))
    for _made_twice in range(2):  # the new database's notices under other ids
        Notice.objects.all().delete()
        defaults.create_defaults(state.apps, SimpleNamespace(connection=connection))
    assert Office.objects.get().email == ""  # a new, migrated database

    call_command("import_archive", archive)

    restored = Office.objects.get()
    assert (restored.name_en, restored.email) == (
        "International Relations Office",
        "office@example.org",
    )
    assert restored.history.count() == office.history.count()
    assert sorted(Notice.objects.values_list("pk", flat=True)) == [1, 2]
