"""What the admin keeps between upload, preview and confirmation, and what the dry run
checks: the file read once, a value the writing would refuse reported in the preview, an
upload never confirmed deleted after a day."""

import os
import time

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

import importing.tables
from sistercities.models import Source
from tests.helpers.importing import row_counts
from tests.helpers.spreadsheets import xlsx
from tests.importing.test_admin_import import staff_client, upload

pytestmark = pytest.mark.django_db

BAD_URL = (
    b"city,country,partner city,partner country,source url\nOsmangazi,TR,Aleppo,SY,not a url\n"
)


def kept() -> list[str]:
    """The files the admin keeps for imports not yet confirmed."""
    return default_storage.listdir("imports")[1] if default_storage.exists("imports") else []


def test_a_bad_source_url_is_reported_by_the_preview_and_confirm_writes_nothing(
    client, django_user_model, showcase
):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, BAD_URL)
    assert response.status_code == 302
    preview = client.get(response.url).content.decode()
    assert "line 2: the source url “not a url”: Enter a valid URL." in preview
    assert "0 relationships would be created" in preview
    confirm = client.post(response.url + "confirm/")
    assert confirm.status_code == 302
    assert row_counts() == before


def test_the_command_reports_a_bad_source_url_and_commits_nothing(showcase, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(BAD_URL)
    before = row_counts()
    call_command("import_relationships", str(path), verbosity=0)
    assert "the source url “not a url”: Enter a valid URL." in capsys.readouterr().out
    call_command("import_relationships", str(path), "--commit", verbosity=0)
    assert row_counts() == before


@pytest.mark.parametrize("commit", [[], ["--commit"]], ids=["dry_run", "commit"])
def test_a_source_the_command_could_not_save_is_refused_in_the_dry_run_too(
    showcase, tmp_path, commit
):
    path = tmp_path / "list.csv"
    path.write_bytes(BAD_URL.replace(b",not a url", b","))
    before = row_counts()
    with pytest.raises(CommandError, match="The source cannot be saved: URL: Enter a valid URL."):
        call_command(
            "import_relationships",
            str(path),
            "--source-title=Council list",
            "--source-url=council list of 2019",
            *commit,
            verbosity=0,
        )
    with pytest.raises(CommandError, match="title: Ensure this value has at most 300"):
        call_command("import_relationships", str(path), "--source-title=" + "x" * 301, *commit)
    assert row_counts() == before
    assert not Source.objects.filter(title="Council list").exists()


def test_the_spreadsheet_is_read_once_not_by_each_preview_and_the_confirmation(
    client, django_user_model, showcase, monkeypatch
):
    reads = []
    read_spreadsheet = importing.tables._spreadsheet
    monkeypatch.setattr(
        importing.tables,
        "_spreadsheet",
        lambda *args: reads.append(1) or read_spreadsheet(*args),
    )
    client = staff_client(client, django_user_model, "Editor")
    data = xlsx(
        [
            ["city", "country", "partner city", "partner country"],
            ["Osmangazi", "TR", "Aleppo", "SY"],
        ]
    )
    response = upload(client, data)
    assert reads == [1]
    assert "1 relationships would be created" in client.get(response.url).content.decode()
    client.post(response.url, {"columns": "", "values": "", "home_country": ""})
    client.get(response.url)
    client.post(response.url + "confirm/")
    assert reads == [1]
    assert kept() == []


def test_an_upload_never_confirmed_is_deleted_after_a_day(client, django_user_model, showcase):
    client = staff_client(client, django_user_model, "Editor")
    old = upload(client, BAD_URL).url
    (name,) = kept()
    day_and_more = time.time() - 25 * 3600
    os.utime(default_storage.path(f"imports/{name}"), (day_and_more, day_and_more))
    recent = upload(client, BAD_URL).url
    assert len(kept()) == 1 and name not in kept()  # the next upload deleted the old one
    assert client.get(old).status_code == 404  # "expired", not an error page
    assert client.get(recent).status_code == 200


def test_the_command_deletes_stale_uploads_for_cron(client, django_user_model, showcase, capsys):
    client = staff_client(client, django_user_model, "Editor")
    upload(client, BAD_URL)
    upload(client, BAD_URL)
    first, second = kept()
    day_and_more = time.time() - 25 * 3600
    os.utime(default_storage.path(f"imports/{first}"), (day_and_more, day_and_more))
    call_command("delete_stale_imports")
    assert "1 stale import deleted." in capsys.readouterr().out
    assert kept() == [second]
