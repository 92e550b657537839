"""A server started before `collectstatic` would answer 500 on every page (the hashed name
of each static file comes from the manifest collectstatic writes): refuse to start instead."""

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def require_collected_static(storage=None) -> None:
    storage = storage or storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.manifest_storage.exists(
        storage.manifest_name
    ):
        raise ImproperlyConfigured(
            "The static files have not been collected, so every page would fail. Run "
            "`.venv/bin/python manage.py collectstatic --no-input` first (make run and "
            "make test do), or set DJANGO_DEBUG=1 for development."
        )
