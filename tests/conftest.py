import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English, the interface's source language, whatever the last one
    left; a test about another language says so. Pages take theirs from the URL prefix."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a folder of the test's own, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Pages name their static files; the hashed manifest exists only after collectstatic,
    which the build runs and checks on its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_pages(settings):
    """Pages are rendered afresh for each request, so that tests see the queries and the
    data of the page itself; tests/performance turns the page cache on where it is tested."""
    settings.PORTAL_PAGE_CACHE = False
