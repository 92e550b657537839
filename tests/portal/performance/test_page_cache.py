"""Public pages come from the cache until the content changes, whatever changes it."""

import datetime
import gzip
import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone, translation

from pagecache.middleware import PublicPageCacheMiddleware
from pagecache.tags import content_changed
from sistercities.models import CooperationArea
from tests.factories import VisitFactory
from tests.helpers.forms import form_data
from visits.models import PublicationStatus, Visit

pytestmark = pytest.mark.usefixtures("page_cache")


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def url_of(obj):
    """Requests leave their language active: name the one of each address."""
    with translation.override("en"):
        return obj.get_absolute_url()


def fetch(client, url, **headers):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.fixture
def home(record):
    return url_in("en", "sistercities:home")


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what a commit would run: the tests' transaction is never committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, home):
    first, _ = fetch(client, home)
    second, queries = fetch(client, home)
    assert queries == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]
    assert "no-cache" in second["Cache-Control"]


class CacheReads:
    """Counts the reads of Django's cache: each is one round trip to Redis. (The local
    memory cache of the tests reads many keys one by one: those count as one read.)"""

    def __init__(self, monkeypatch):
        cache = caches["default"]
        self.count, self.depth = 0, 0
        for name in ("get", "get_many"):
            monkeypatch.setattr(cache, name, self._counted(getattr(cache, name)))

    def _counted(self, read):
        def counted(*args, **kwargs):
            self.count += self.depth == 0
            self.depth += 1
            try:
                return read(*args, **kwargs)
            finally:
                self.depth -= 1

        return counted


@pytest.mark.parametrize("page", ["home", "timeline"])
def test_a_cached_page_is_answered_with_one_cache_read(client, record, monkeypatch, page):
    """The page and the versions of its tags come together; a changed page's new tags are
    learnt as it is stored again."""
    url = url_in("en", "sistercities:home") if page == "home" else url_of(record.relationship)
    client.get(url)
    reads = CacheReads(monkeypatch)
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert reads.count == 3


def test_each_language_has_its_own_cached_page(client, record):
    english, _ = fetch(client, url_of(record.visit))
    turkish, _ = fetch(client, url_in("tr", "visits:visit-detail", record.visit.slug))
    assert english.content != turkish.content
    assert b"Mayor D\xc3\xbcndar in Kapchagay" in english.content
    assert fetch(client, url_of(record.visit))[0].content == english.content


def test_query_strings_are_cached_apart(client, record):
    everything, _ = fetch(client, url_of(record.relationship))
    visits_only, _ = fetch(client, url_of(record.relationship) + "?kind=protocol")
    assert everything.content != visits_only.content


def test_conditional_requests_get_304(client, home):
    page, _ = fetch(client, home)
    by_etag, queries = fetch(client, home, if_none_match=page["ETag"])
    assert by_etag.status_code == 304
    assert queries == 0
    by_date, _ = fetch(client, home, if_modified_since=page["Last-Modified"])
    assert by_date.status_code == 304
    changed, _ = fetch(client, home, if_none_match='"another-version"')
    assert changed.status_code == 200


def test_feeds_and_exports_are_cached_and_conditional(client, record):
    for url in (
        url_in("en", "journalism:visit-feed"),
        url_in("en", "journalism:timeline-json", record.relationship.slug),
        url_in("en", "journalism:timeline-csv", record.relationship.slug),
        reverse("service:sitemap"),
    ):
        first, _ = fetch(client, url)
        second, queries = fetch(client, url, if_none_match=first["ETag"])
        assert (second.status_code, queries) == (304, 0), url
        assert fetch(client, url)[0]["Content-Type"] == first["Content-Type"]


def test_a_save_shows_on_the_next_request(client, record, committing):
    url = url_of(record.visit)
    before, _ = fetch(client, url)
    with committing():
        record.mayor.name_tr = record.mayor.name_en = "Mustafa Dündar (edited)"
        record.mayor.save()
    after, _ = fetch(client, url)
    assert "Mustafa Dündar (edited)" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_an_admin_edit_shows_on_the_next_request(client, admin_client, record, committing):
    url = url_of(record.visit)
    fetch(client, url)
    change = url_in("en", "admin:sistercities_person_change", record.mayor.pk)
    data = form_data(admin_client.get(change))
    data["name_tr"] = data["name_en"] = "Mustafa Dündar, edited in the admin"
    with committing():
        assert admin_client.post(change, data).status_code == 302
    assert "edited in the admin" in fetch(client, url)[0].content.decode()


def test_a_many_to_many_change_shows_on_the_next_request(client, record, committing):
    url = url_of(record.relationship)
    fetch(client, url)
    with committing():
        record.relationship.areas.add(CooperationArea.objects.create(name_tr="Spor", slug="s"))
    assert "Spor" in fetch(client, url)[0].content.decode()


def test_a_deleted_visit_leaves_the_list_at_once(client, record, committing):
    url = url_in("en", "visits:visit-list")
    assert "Mayor Dündar in Kapchagay" in fetch(client, url)[0].content.decode()
    with committing():
        record.visit.delete()
    assert "Mayor Dündar in Kapchagay" not in fetch(client, url)[0].content.decode()


def test_a_bulk_write_shows_once_content_changed_is_called(client, record, committing):
    url = url_of(record.visit)
    fetch(client, url)
    Visit.objects.filter(pk=record.visit.pk).update(title_en="Retitled in bulk")
    assert "Retitled in bulk" not in fetch(client, url)[0].content.decode()  # no signal
    with committing():
        content_changed()
    assert "Retitled in bulk" in fetch(client, url)[0].content.decode()


def test_a_management_command_invalidates_the_pages(client, record, committing):
    home = url_in("tr", "sistercities:home")
    before, _ = fetch(client, home)
    with committing():
        call_command("load_showcase", verbosity=0)
    after, queries = fetch(client, home)
    assert queries > 0 and after.content != before.content


def test_a_scheduled_visit_appears_when_its_time_comes_without_any_save(client, record):
    soon = timezone.now() + datetime.timedelta(seconds=1)
    VisitFactory(
        relationship=record.relationship,
        title_en="Scheduled for a second from now",
        status=PublicationStatus.SCHEDULED,
        publish_at=soon,
    )
    url = url_in("en", "visits:visit-list")
    assert "Scheduled for a second" not in fetch(client, url)[0].content.decode()
    page, queries = fetch(client, url)
    assert queries == 0 and "Scheduled for a second" not in page.content.decode()
    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.05)
    page, _ = fetch(client, url, if_none_match=page["ETag"])
    assert page.status_code == 200
    assert "Scheduled for a second" in page.content.decode()


def test_staff_are_never_served_or_served_from_the_cache(client, admin_client, record):
    url = url_of(record.visit)
    fetch(client, url)
    Visit.objects.filter(pk=record.visit.pk).update(title_en="Changed without a signal")
    staff, queries = fetch(admin_client, url)
    assert queries > 0 and "Changed without a signal" in staff.content.decode()
    assert "Changed without a signal" not in fetch(client, url)[0].content.decode()


def test_a_request_with_a_session_or_messages_cookie_is_not_served_from_the_cache(client, record):
    url = url_of(record.visit)
    fetch(client, url)
    for cookie in ("sessionid", "messages"):
        client.cookies[cookie] = "anything"
        assert fetch(client, url)[1] > 0, cookie
        del client.cookies[cookie]


@pytest.mark.parametrize(
    "mark",
    [
        lambda request, response: response.set_cookie("preference", "dark"),
        lambda request, response: request.META.update(CSRF_COOKIE_NEEDS_UPDATE=True),
    ],
    ids=["sets a cookie", "uses a CSRF token"],
)
def test_a_response_of_one_visitor_is_never_stored(record, mark):
    url = url_in("tr", "sistercities:home")
    calls = []

    def view(request):
        calls.append(request)
        response = HttpResponse("for one visitor only")
        mark(request, response)
        return response

    def resolved_view(request):
        with translation.override("tr"):  # the language of the address, as LocaleMiddleware
            request.resolver_match = resolve(url)
        return view(request)

    middleware = PublicPageCacheMiddleware(resolved_view)
    for _ in range(2):
        middleware(RequestFactory().get(url))
    assert len(calls) == 2


@pytest.fixture
def visit_elsewhere(record):
    """Visit B, in another relationship than the showcase's visit A."""
    return VisitFactory(relationship=record.relationships[1], title_en="Visit elsewhere")


def test_an_edit_of_a_visit_invalidates_exactly_the_pages_that_show_it(
    client, record, visit_elsewhere, committing
):
    pages = {
        "its report": url_of(record.visit),
        "its timeline": url_of(record.relationship),
        "its timeline.json": url_in("en", "journalism:timeline-json", record.relationship.slug),
        "home": url_in("en", "sistercities:home"),
        "feed": url_in("en", "journalism:visit-feed"),
        "its partner city": url_of(record.partner),
        "another relationship's visit": url_of(visit_elsewhere),
        "another relationship's timeline": url_of(visit_elsewhere.relationship),
    }
    for url in pages.values():
        fetch(client, url)
    with committing():
        record.visit.title_en = "Mayor Dündar in Konaev, edited"
        record.visit.save()
    rendered = {name for name, url in pages.items() if fetch(client, url)[1] > 0}
    assert rendered == set(pages) - {
        "another relationship's visit",
        "another relationship's timeline",
    }
    assert "in Konaev, edited" in fetch(client, pages["its report"])[0].content.decode()


def test_a_visit_moved_to_another_relationship_leaves_both_timelines(
    client, record, visit_elsewhere, committing
):
    old, new = url_of(record.relationship), url_of(visit_elsewhere.relationship)
    assert "Mayor Dündar in Kapchagay" in fetch(client, old)[0].content.decode()
    fetch(client, new)
    with committing():
        record.visit.relationship = visit_elsewhere.relationship
        record.visit.save()
    assert "Mayor Dündar in Kapchagay" not in fetch(client, old)[0].content.decode()
    assert "Mayor Dündar in Kapchagay" in fetch(client, new)[0].content.decode()


def test_a_city_edit_invalidates_the_pages_of_its_relationships_only(
    client, record, visit_elsewhere, committing
):
    mine, elsewhere = url_of(record.visit), url_of(visit_elsewhere)
    fetch(client, mine), fetch(client, elsewhere)
    with committing():
        record.partner.name_en = "Qonaev"
        record.partner.save()
    assert "Qonaev" in fetch(client, mine)[0].content.decode()
    assert fetch(client, elsewhere)[1] == 0


def test_a_client_that_accepts_gzip_gets_the_compressed_copy(client, home):
    plain, _ = fetch(client, home)
    compressed, queries = fetch(client, home, accept_encoding="gzip, deflate, br")
    assert queries == 0
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert compressed["ETag"] != plain["ETag"]
    again, _ = fetch(client, home, accept_encoding="gzip", if_none_match=compressed["ETag"])
    assert again.status_code == 304


def test_a_page_from_the_cache_keeps_the_headers_of_the_whole_stack(client, home):
    first, _ = fetch(client, home)
    second, queries = fetch(client, home)
    assert queries == 0
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second[header] == first[header], header
