"""The site's own CSS and JavaScript stay small, and WhiteNoise serves them compressed under
hashed names that browsers may keep for ever."""

import gzip

import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

BUDGET = 50 * 1024
FOREVER = 10 * 365 * 24 * 60 * 60  # WhiteNoise's max-age for hashed names


def test_the_sites_css_and_js_compress_to_under_50_kb():
    files = [
        *sorted((settings.BASE_DIR / "static/css").glob("*.css")),
        *sorted((settings.BASE_DIR / "static/js").glob("*.js")),
    ]
    assert files
    compressed = len(gzip.compress(b"".join(f.read_bytes() for f in files), compresslevel=9))
    assert compressed < BUDGET, f"{compressed} bytes gzipped"


@pytest.fixture
def collected(settings, tmp_path):
    """What a deployment runs: collectstatic with the production storage (DEBUG off)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()  # a new client loads WhiteNoise over the collected files


@pytest.mark.parametrize("name", ["css/site.css", "js/site.js"])
def test_static_files_have_hashed_names_far_future_caching_and_compression(collected, name):
    url = static(name)
    assert url != f"{settings.STATIC_URL}{name}"  # a hashed name
    response = collected.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert f"max-age={FOREVER}" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
