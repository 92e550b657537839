"""The site's static files: WhiteNoise serves them, choosing the compressed copy by a parsed
Accept-Encoding; a server started before `collectstatic` refuses to start."""

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.responders import StaticFile

from pagecache.accept_encoding import preferred_coding


class NegotiatedStaticFile(StaticFile):
    """A file whose compressed copy goes only to a client that accepts its coding (WhiteNoise
    looks for "gzip" anywhere in the header, so "gzip;q=0" got gzip)."""

    def get_path_and_headers(self, request_headers):
        by_coding = {}
        for _, path, headers in self.alternatives:  # smallest first
            coding = dict(headers).get("Content-Encoding")
            by_coding[coding] = path, headers
            if coding is None:
                break  # a copy larger than the uncompressed file is never worth sending
        codings = [coding for coding in by_coding if coding is not None]
        return by_coding[preferred_coding(request_headers.get("HTTP_ACCEPT_ENCODING"), codings)]


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, its files negotiated by NegotiatedStaticFile."""

    def get_static_file(self, path, url, stat_cache=None):
        static_file = super().get_static_file(path, url, stat_cache=stat_cache)
        static_file.__class__ = NegotiatedStaticFile  # only a method differs
        return static_file


def require_collected_static(storage=None) -> None:
    """A server started before `collectstatic` would answer 500 on every page (the hashed
    name of each static file comes from the manifest collectstatic writes)."""
    storage = storage or storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.manifest_storage.exists(
        storage.manifest_name
    ):
        raise ImproperlyConfigured(
            "The static files have not been collected, so every page would fail. Run "
            "`.venv/bin/python manage.py collectstatic --no-input` first (make run and "
            "make test do), or set DJANGO_DEBUG=1 for development."
        )
