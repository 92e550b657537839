"""The covering index of the visits: built with its INCLUDE columns on PostgreSQL, without
them (and without a warning) on the default SQLite database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def manage(*arguments: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_and_first_migrate_on_sqlite_show_no_w040(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'first-run.sqlite3'}"

    check = manage("check", database_url=database_url)
    migrate = manage("migrate", "--no-input", database_url=database_url)

    assert check.returncode == 0, check.stderr
    assert migrate.returncode == 0, migrate.stderr
    for result in (check, migrate):
        assert "W040" not in result.stdout + result.stderr
    assert "System check identified no issues" in check.stdout


def test_postgresql_keeps_every_check():
    """The warning is silenced for SQLite alone: PostgreSQL builds the index in full."""
    code = "from django.conf import settings; print(settings.SILENCED_SYSTEM_CHECKS)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="INCLUDE is PostgreSQL's")
def test_postgresql_index_carries_what_makes_a_visit_public():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'visit_relationship_by_date'"
        )
        (definition,) = cursor.fetchone()
    assert "(relationship_id, start_date, id) INCLUDE (status, publish_at)" in definition
