"""Generated values in every public URL parameter — page, kind, search text, language
prefix, slugs, ids, file names, filters, the language switch — get a page or a clear 4xx,
never a server error (Hypothesis, bounded; the count is printed at the end of the run)."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.records import SHOWCASE_RELATIONSHIP, SHOWCASE_VISIT
from tests.portal.security.fuzzing import BOUNDED, count, header_value, junk, path_segment

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "en", "kk", "ru"]
language = st.sampled_from(LANGUAGES)


@pytest.fixture
def visitor(showcase):
    return Client(raise_request_exception=False)


def url(name: str, lang: str, *args) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def assert_answered(response, what):
    assert response.status_code < 500, what
    location = response.get("Location", "")
    assert not urlsplit(location).netloc or urlsplit(location).netloc == "testserver", location


@BOUNDED
@given(lang=language, page=junk, extra=junk)
def test_list_pages_take_any_page_number(visitor, lang, page, extra):
    count("page")
    for name in ("visits:visit-list", "sistercities:relationship-list", "sistercities:home"):
        response = visitor.get(url(name, lang), {"page": page, "year": extra})
        assert_answered(response, (name, page))


@BOUNDED
@given(lang=language, kinds=st.lists(junk, max_size=4), year=junk)
def test_timeline_takes_any_kind_and_year(visitor, lang, kinds, year):
    count("kind")
    path = url("sistercities:relationship-detail", lang, SHOWCASE_RELATIONSHIP)
    response = visitor.get(path, {"kind": kinds, "year": year})
    assert_answered(response, kinds)
    assert response.status_code in (200, 400)  # 400 for a NUL byte


@BOUNDED
@given(lang=language, query=junk)
def test_search_takes_any_text(visitor, lang, query):
    count("q")
    response = visitor.get(url("sistercities:search", lang), {"q": query})
    assert_answered(response, query)


@BOUNDED
@given(
    lang=language, filters=st.fixed_dictionaries({"country": junk, "kind": junk, "status": junk})
)
def test_directory_takes_any_filter(visitor, lang, filters):
    count("directory filters")
    for name in ("directory:partner-list", "directory:partner-map", "directory:figures"):
        assert_answered(visitor.get(url(name, lang), filters), (name, filters))


@BOUNDED
@given(prefix=junk, accept=junk, cookie=junk)
def test_any_language_prefix_header_or_cookie(visitor, prefix, accept, cookie):
    count("language")
    visitor.cookies["django_language"] = header_value(cookie)
    accept = header_value(accept)
    response = visitor.get(f"/{path_segment(prefix)}/", HTTP_ACCEPT_LANGUAGE=accept)
    assert_answered(response, (prefix, accept))
    response = visitor.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert_answered(response, accept)


SLUGGED = [
    "sistercities:relationship-detail",
    "sistercities:city-detail",
    "sistercities:protocol-detail",
    "sistercities:protocol-document",
    "visits:visit-detail",
    "journalism:relationship-feed",
    "journalism:timeline-json",
    "journalism:timeline-csv",
    "journalism:relationship-upcoming-ics",
]


@BOUNDED
@given(lang=language, slug=junk)
def test_any_slug(visitor, lang, slug):
    count("slug")
    for name in SLUGGED:
        # Build the path around a placeholder, then put the raw or encoded value in it.
        path = url(name, lang, "placeholder-slug").replace("placeholder-slug", path_segment(slug))
        assert_answered(visitor.get(path), (name, slug))


@BOUNDED
@given(lang=language, slug=junk, photo=st.one_of(st.integers(min_value=0), junk))
def test_any_photo_address(visitor, lang, slug, photo):
    count("photo")
    for name in ("visits:photo-detail", "visits:photo-download"):
        path = url(name, lang, SHOWCASE_VISIT, 1)
        path = path.replace(f"/{SHOWCASE_VISIT}/", f"/{path_segment(slug)}/")
        path = path.replace("/1/", f"/{path_segment(str(photo))}/")
        assert_answered(visitor.get(path), (name, slug, photo))


@BOUNDED
@given(name=junk)
def test_any_media_file_name(visitor, name):
    count("media")
    response = visitor.get(f"/media/{path_segment(name)}")
    assert_answered(response, name)
    response = visitor.get(f"/media/photos/{name.replace('?', '').replace('#', '')}")
    assert_answered(response, name)


@BOUNDED
@given(lang=junk, next_url=junk)
def test_language_switch_takes_any_language_and_next(visitor, lang, next_url):
    count("setlang")
    response = visitor.post("/i18n/setlang/", {"language": lang, "next": next_url})
    assert_answered(response, (lang, next_url))


@pytest.mark.parametrize(
    "path",
    [
        "/media/../sistercities/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/photos/..%2f..%2f.secret_key",
        "/static/../.secret_key",
        "/static/%2e%2e/manage.py",
    ],
)
def test_no_file_outside_media_and_static_is_served(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("address", ["/tr/ara/?q=Kap%00", "/tr/%00/", "/en/search/?%00=1"])
def test_a_nul_byte_in_the_address_is_a_bad_request(visitor, address):
    response = visitor.get(address)
    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
