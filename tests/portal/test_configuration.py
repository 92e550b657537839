"""Settings read from the environment: bad values stop the start, storage is configurable."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_django(code: str, **environment) -> subprocess.CompletedProcess:
    """Run Python with the project's settings in a fresh process and the given environment."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", **environment}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_malformed_value_stops_the_start_naming_the_variable():
    result = run_django("pass", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_an_unknown_media_storage_is_refused():
    result = run_django("pass", DJANGO_MEDIA_STORAGE="ftp")
    assert "DJANGO_MEDIA_STORAGE must be 'local' or 's3'" in result.stderr


def test_object_storage_is_chosen_by_configuration_alone():
    result = run_django(
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.url('photos/renditions/ab/cd-640.webp'))",
        DJANGO_MEDIA_STORAGE="s3",
        S3_BUCKET="portal-media",
        S3_ENDPOINT_URL="http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID="test",
        S3_SECRET_ACCESS_KEY="test",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "http://127.0.0.1:9000/portal-media/photos/renditions/ab/cd-640.webp",
    ]


def test_production_refuses_to_start_without_a_secret():
    result = run_django(
        "from django.conf import settings; settings.SECRET_KEY",
        DJANGO_REQUIRE_SECRET_KEY="1",
        DJANGO_SECRET_KEY="",
    )
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
