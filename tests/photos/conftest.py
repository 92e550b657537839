import pytest


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages link their static files; the tests run without collectstatic."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
