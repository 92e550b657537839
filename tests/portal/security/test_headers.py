"""Every response carries the security headers and names no server or framework version; a
production error page shows no traceback; the admin lives where DJANGO_ADMIN_PATH says."""

import importlib
import platform
import sys

import django
import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import translation

from tests.helpers.records import SHOWCASE_RELATIONSHIP, SHOWCASE_VISIT
from tests.portal.security.urls import SECRET_DETAIL

pytestmark = pytest.mark.django_db

STRICT_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
VERSIONS = [django.get_version(), platform.python_version(), f"Python/{sys.version_info[0]}"]


def public_paths() -> list[str]:
    def in_language(language, name, *args):
        with translation.override(language):
            return reverse(name, args=args)

    return [
        in_language("tr", "sistercities:home"),
        in_language("en", "sistercities:relationship-detail", SHOWCASE_RELATIONSHIP),
        in_language("ru", "visits:visit-detail", SHOWCASE_VISIT),
        in_language("kk", "sistercities:search") + "?q=Kapchagay",
        in_language("en", "journalism:visit-feed"),
        in_language("en", "journalism:timeline-json", SHOWCASE_RELATIONSHIP),
        "/tr/no-such-page/",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        static("css/site.css"),
    ]


def assert_security_headers(response, path):
    policy = response["Content-Security-Policy"]
    for directive in STRICT_DIRECTIVES:
        assert directive in policy.split("; "), (path, directive)
    assert "unsafe-inline" not in policy, path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["X-Frame-Options"] == "DENY", path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in response["Permissions-Policy"], path


def assert_no_version(response, path):
    assert not response.has_header("Server"), path
    assert not response.has_header("X-Powered-By"), path
    for name, value in response.items():
        assert not any(version in value for version in VERSIONS), (path, name)


def test_public_responses_carry_the_security_headers_and_no_version(showcase, client):
    statuses = {}
    for path in public_paths():
        response = client.get(path)
        statuses[path] = response.status_code
        assert_security_headers(response, path)
        assert_no_version(response, path)
    assert statuses["/tr/no-such-page/"] == 404
    assert {p: s for p, s in statuses.items() if "no-such" not in p and s != 200} == {}


def test_admin_responses_carry_the_same_policy_but_one_style_hash(publisher):
    client = Client()
    client.force_login(publisher)
    login = Client().get(reverse("admin:login"))
    index = client.get(reverse("admin:index"))
    for response in (login, index):
        assert response.status_code == 200
        assert_security_headers(response, response.request["PATH_INFO"])
        assert_no_version(response, response.request["PATH_INFO"])
        assert "style-src-attr 'unsafe-hashes' 'sha256-" in response["Content-Security-Policy"]
    public = client.get("/tr/")
    assert "style-src-attr" not in public["Content-Security-Policy"]


def test_photos_from_object_storage_are_allowed_by_the_policy(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "portal-media", "custom_domain": "media.example.net"},
        },
    }
    policy = Client().get("/robots.txt")["Content-Security-Policy"]
    assert "img-src 'self' https://media.example.net;" in policy
    assert "script-src 'self';" in policy  # uploads are never scripts


def test_production_error_page_shows_no_traceback(settings):
    settings.ROOT_URLCONF = "tests.portal.security.urls"
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    assert [template.name for template in response.templates] == ["500.html"]
    body = response.content.decode()
    assert '<main id="main"' in body  # the site's own page, not Django's plain one
    for leak in ("Traceback", "RuntimeError", SECRET_DETAIL, "hunter2", "File &quot;", ".py"):
        assert leak not in body
    assert_security_headers(response, "/broken/")
    assert_no_version(response, "/broken/")


@pytest.fixture
def admin_at(settings):
    """Move the admin to another path and rebuild the root URLconf, then put it back."""
    import portal.urls

    def move(admin_path):
        settings.ADMIN_PATH = admin_path
        importlib.reload(portal.urls)
        clear_url_caches()

    yield move
    settings.ADMIN_PATH = "admin/"
    importlib.reload(portal.urls)
    clear_url_caches()


def test_admin_path_is_configurable(admin_at, publisher, client):
    admin_at("kapi-7f3a/")
    client.force_login(publisher)

    with translation.override("tr"):
        assert reverse("admin:index") == "/tr/kapi-7f3a/"
    assert client.get("/tr/kapi-7f3a/").status_code == 200
    assert client.get("/tr/admin/").status_code == 404
    login = Client().get("/en/kapi-7f3a/login/")
    assert login.status_code == 200
    assert "style-src-attr" in login["Content-Security-Policy"]  # the admin policy follows


def test_admin_path_default_is_admin():
    with translation.override("tr"):
        assert reverse("admin:index") == "/tr/admin/"
    with pytest.raises(NoReverseMatch):
        reverse("admin:kapi")
