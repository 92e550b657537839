"""A cached page is keyed on the query parameters its view reads, in their canonical form:
any other parameter gets the same copy, rendered once (pagecache.query)."""

import secrets

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

import public.views
import reports.views
from pagecache.middleware import PublicPageCacheMiddleware
from tests.portal.performance.conftest import url_of

pytestmark = pytest.mark.usefixtures("page_cache")

JUNK = 5


class Counted:
    """Counts the calls of a module's function, still calling it."""

    def __init__(self, monkeypatch, module, name, replacement=None):
        self.count, real = 0, replacement or getattr(module, name)

        def counted(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


def stored_pages() -> int:
    return sum(1 for key in cache._cache if ":page:" in key)


def junk_queries() -> list[dict]:
    return [{secrets.token_hex(4): secrets.token_hex(8)} for _ in range(JUNK)] + [
        {"utm_source": "newsletter"},
        {"x": "¹", "page": "2"},
    ]


@pytest.fixture
def pdf_renders(monkeypatch):
    """The PDF renders, each a stub file: WeasyPrint's own cost is not under test."""
    return Counted(monkeypatch, reports.views, "html_to_pdf", lambda html, base_url: b"%PDF-1.7")


@pytest.fixture
def timelines(monkeypatch):
    return Counted(monkeypatch, public.views, "timeline_page")


def test_the_reports_pdf_is_rendered_once_whatever_the_query(client, record, pdf_renders):
    with translation.override("en"):
        url = reverse("reports:year-report-pdf", args=[2019])
    answers = [client.get(url, query) for query in [{}, *junk_queries()]]
    assert {answer.status_code for answer in answers} == {200}
    assert pdf_renders.count == 1
    assert {answer.content for answer in answers} == {b"%PDF-1.7"}
    assert stored_pages() == 1


def test_the_timeline_is_rendered_once_whatever_parameters_it_does_not_read(
    client, record, timelines
):
    url = url_of(record.relationship)
    first = client.get(url, {"tracking": "first-junk-marker"})
    answers = [client.get(url, query) for query in junk_queries()]
    assert timelines.count == 1
    assert stored_pages() == 1
    assert {answer.content for answer in answers} == {first.content}
    # The page served for every query names none of the first one's parameters.
    assert b"first-junk-marker" not in first.content


def test_a_parameter_the_timeline_reads_is_keyed_in_its_canonical_form(client, record, timelines):
    url = url_of(record.relationship)
    for query in ({"year": "2019"}, {"year": "02019"}, {"year": "2019", "junk": "1"}):
        assert client.get(url, query).status_code == 200
    assert timelines.count == 1
    for query in ({"kind": ["visit", "protocol"]}, {"kind": ["protocol", "visit", "visit"]}):
        client.get(url, query)
    assert timelines.count == 2
    for query in ({"part": "¹"}, {"part": "٣"}, {}):  # unreadable parts: the default page
        client.get(url, query)
    assert timelines.count == 3
    assert stored_pages() == 3


def test_the_view_reads_the_canonical_values(client, record):
    url = url_of(record.relationship)
    page = client.get(url, {"year": "٢٠١٩", "kind": "visit"})
    assert page.wsgi_request.GET.urlencode() == "kind=visit"
    assert page.wsgi_request.get_full_path() == f"{url}?kind=visit"


def test_staff_get_the_same_parameters_as_readers(client, record, publisher):
    """Only anonymous readers are answered from the cache, but every reader of a public
    page is given the parameters it reads alone."""
    client.force_login(publisher)
    page = client.get(url_of(record.relationship), {"year": "2019", "junk": "1"})
    assert page.wsgi_request.GET.urlencode() == "year=2019"


def test_the_admin_keeps_its_query(client, publisher, settings):
    client.force_login(publisher)
    with translation.override("en"):
        url = reverse("admin:visits_visit_changelist")
    page = client.get(url, {"status__exact": "published"})
    assert page.wsgi_request.GET.urlencode() == "status__exact=published"


def test_a_page_that_declares_no_parameter_reads_none(settings):
    middleware = PublicPageCacheMiddleware(lambda request: None)
    assert middleware._public_query("/en/reports/").parameters == {}
    assert middleware._public_query(f"/en/{settings.ADMIN_PATH}") is None
