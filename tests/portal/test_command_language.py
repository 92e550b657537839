"""Management commands print in English unless --language names another language, whatever
the site's default (Turkish) and the active language."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

pytestmark = pytest.mark.django_db


def export_into(folder, **options) -> str:
    out = io.StringIO()
    call_command("export_archive", str(folder / "record.zip"), stdout=out, **options)
    return out.getvalue()


def test_a_command_prints_in_english_by_default(tmp_path):
    with translation.override("tr"):
        printed = export_into(tmp_path)
    assert printed.startswith("Archived ")


def test_a_command_prints_in_the_language_asked_for(tmp_path):
    assert "arşiv" in export_into(tmp_path, language="tr").lower()


def test_a_command_refuses_in_the_language_asked_for(tmp_path):
    with pytest.raises(CommandError, match="Папка"):
        call_command("export_archive", str(tmp_path / "missing" / "a.zip"), language="ru")
    with translation.override("tr"), pytest.raises(CommandError, match="^The folder"):
        call_command("export_archive", str(tmp_path / "missing" / "a.zip"))
