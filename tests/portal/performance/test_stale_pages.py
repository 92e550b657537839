"""After a change a page is rendered once at a time; meanwhile readers get the previous copy,
for a bounded time, and never a copy of withdrawn content (pagecache/freshness.py)."""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import translation

from pagecache import freshness, invalidation, rendering
from pagecache.middleware import _page_key
from tests.portal.performance.conftest import retitle, url_of
from visits.models import PublicationStatus, Visit
from visits.views import VisitDetailView

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def stale_copies(settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30


def key_of(url):
    return _page_key(RequestFactory().get(url))


class SlowReports:
    """Counts the renders of a visit report (its view's context, which each render builds
    once); each takes `seconds` and says when it began."""

    def __init__(self, monkeypatch, seconds):
        self.seconds, self.count = seconds, 0
        self.began = threading.Event()
        context_of = VisitDetailView.get_context_data

        def slow_context(view, **kwargs):
            self.count += 1
            self.began.set()
            time.sleep(self.seconds)
            return context_of(view, **kwargs)

        monkeypatch.setattr(VisitDetailView, "get_context_data", slow_context)


@pytest.fixture
def slow_reports(monkeypatch):
    """Long enough for a second reader to arrive during the render late in a full run too
    (in one, it came more than half a second after the first)."""
    return SlowReports(monkeypatch, seconds=1.5)


def get_in_thread(url, into):
    thread = threading.Thread(target=lambda: into.append(Client().get(url)))
    thread.start()
    return thread


def test_concurrent_misses_render_the_page_once(committed, slow_reports):
    url = url_of(committed.visit)
    answers = []
    first = get_in_thread(url, answers)
    assert slow_reports.began.wait(5)
    second = get_in_thread(url, answers)
    first.join(), second.join()
    assert slow_reports.count == 1
    assert [answer.status_code for answer in answers] == [200, 200]
    assert answers[0].content == answers[1].content
    assert sorted(answer["Cache-Status"] for answer in answers) == [
        "portal; fwd=miss; stored",
        "portal; hit; detail=waited",
    ]


def test_while_an_edit_is_rendered_other_readers_get_the_previous_copy_once(
    committed, slow_reports, stale_copies
):
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    slow_reports.count, slow_reports.seconds = 0, 2  # the readers come while it renders
    slow_reports.began.clear()
    renderer_answer, reader_answers = [], []
    renderer = get_in_thread(url, renderer_answer)
    assert slow_reports.began.wait(5)
    for _ in range(3):
        get_in_thread(url, reader_answers).join()
    renderer.join()
    assert slow_reports.count == 1
    for answer in reader_answers:
        assert answer["Cache-Status"] == "portal; hit; detail=stale"
        assert b"Mayor D\xc3\xbcndar in Kapchagay" in answer.content
        assert b"Corrected title" not in answer.content
    assert b"Corrected title" in renderer_answer[0].content
    after = Client().get(url)
    assert after["Cache-Status"] == "portal; hit"
    assert b"Corrected title" in after.content


def test_under_a_stream_of_edits_a_page_is_rendered_again_at_most_once_a_renewal_interval(
    committed, stale_copies, settings, slow_reports
):
    settings.PAGE_CACHE_RENEWAL_SECONDS = 60
    url = url_of(committed.visit)
    Client().get(url)
    for n in range(3):
        retitle(committed.visit, f"Edit {n}")
        answer = Client().get(url)
        assert answer["Cache-Status"] == "portal; hit; detail=stale"
    assert slow_reports.count == 1, "only the first render"
    cache.delete(freshness.renewal_key(key_of(url)))  # the interval has passed
    assert b"Edit 2" in Client().get(url).content
    assert slow_reports.count == 2


def test_a_withdrawn_visit_is_404_at_once_while_its_page_is_being_rendered(committed, stale_copies):
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    assert freshness.take_render_lock(key_of(url))  # another server renders it now
    visit = Visit.objects.get(pk=committed.visit.pk)
    visit.status = PublicationStatus.DRAFT
    visit.save()
    assert Client().get(url).status_code == 404
    assert cache.get(key_of(url)) is None, "the withdrawn page's copy is gone"


def test_after_a_withdrawal_readers_wait_for_a_render_begun_since_rather_than_all_render(
    committed, stale_copies, monkeypatch
):
    monkeypatch.setattr(freshness, "RENDER_WAIT_SECONDS", 0.3)
    url = url_of(committed.visit)
    Client().get(url)
    visit = Visit.objects.get(pk=committed.visit.pk)
    visit.status = PublicationStatus.DRAFT
    visit.save()
    assert freshness.take_render_lock(key_of(url))  # a render that began after it
    started = time.monotonic()
    assert Client().get(url).status_code == 404
    assert time.monotonic() - started >= 0.3, "the reader rendered at once"


def test_a_deleted_photo_leaves_no_stale_copy_of_its_report(committed, stale_copies):
    visit = Visit.objects.get(slug="grown-1")
    url, photo = url_of(visit), visit.photos.get()
    photo_link = url_of(photo).encode()
    assert photo_link in Client().get(url).content
    assert freshness.take_render_lock(key_of(url))
    photo.delete()
    answer = Client().get(url)
    assert "stale" not in answer["Cache-Status"]
    assert photo_link not in answer.content


def test_no_copy_is_served_stale_beyond_the_bound(committed, stale_copies, settings, monkeypatch):
    monkeypatch.setattr(freshness, "RENDER_WAIT_SECONDS", 0.2)
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    key = key_of(url)
    assert freshness.take_render_lock(key)  # a renderer that never finishes
    assert Client().get(url)["Cache-Status"] == "portal; hit; detail=stale"
    first_seen = cache.get(freshness.stale_mark_key(key))
    cache.set(freshness.stale_mark_key(key), first_seen - settings.PAGE_CACHE_STALE_SECONDS - 1)
    answer = Client().get(url)
    assert b"Corrected title" in answer.content
    assert answer["Cache-Status"] == "portal; fwd=miss; stored"


def test_a_crashed_renderer_blocks_the_page_only_until_its_lock_expires(
    committed, stale_copies, monkeypatch
):
    monkeypatch.setattr(freshness, "RENDER_LOCK_SECONDS", 1)
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    assert freshness.take_render_lock(key_of(url))  # then the renderer dies
    assert b"Corrected title" not in Client().get(url).content
    time.sleep(1.2)
    assert b"Corrected title" in Client().get(url).content


def test_a_reader_of_an_uncached_page_waits_for_a_stuck_renderer_only_so_long(
    committed, monkeypatch
):
    monkeypatch.setattr(freshness, "RENDER_WAIT_SECONDS", 0.3)
    url = url_of(committed.visit)
    assert freshness.take_render_lock(key_of(url))
    started = time.monotonic()
    answer = Client().get(url)
    assert answer.status_code == 200
    assert 0.3 <= time.monotonic() - started < 3


def test_in_the_background_the_first_reader_too_gets_the_previous_copy(
    committed, stale_copies, settings
):
    settings.PAGE_CACHE_RENDER_IN_BACKGROUND = True
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    first = Client().get(url)
    assert first["Cache-Status"] == "portal; hit; detail=stale"
    rendering.wait_until_idle()
    after = Client().get(url)
    assert after["Cache-Status"] == "portal; hit"
    assert b"Corrected title" in after.content


def test_an_edit_renders_the_visits_pages_that_readers_read_before_any_reader_asks(
    committed, settings
):
    settings.PORTAL_PUBLIC_URL = "http://testserver"
    pages = [url_of(committed.visit), url_of(committed.relationship)]
    for url in pages:
        Client().get(url)
    retitle(committed.visit, "Corrected title")
    for url in pages:
        answer = Client().get(url)
        assert answer["Cache-Status"] == "portal; hit", url
        assert b"Corrected title" in answer.content
    with translation.override("kk"):
        unread = committed.visit.get_absolute_url()
    assert cache.get(key_of(unread)) is None, "a page nobody read is not rendered"


def test_a_withdrawal_renders_the_pages_that_showed_the_visit_before_any_reader_asks(
    committed, stale_copies
):
    report, timeline = url_of(committed.visit), url_of(committed.relationship)
    title = committed.visit.title_en.encode()
    for url in (report, timeline, "/en/visits/", "/en/feeds/visits/"):
        assert title in Client().get(url).content, url
    committed.visit.status = PublicationStatus.DRAFT
    committed.visit.save()
    assert cache.get(key_of(report)) is None, "the report's copy is gone"
    for url in (timeline, "/en/visits/", "/en/feeds/visits/"):
        answer = Client().get(url)
        assert answer["Cache-Status"] == "portal; hit", url
        assert title not in answer.content, url
    assert Client().get(report).status_code == 404


def test_a_page_the_withdrawal_did_not_render_is_still_never_served_stale(
    committed, stale_copies, monkeypatch
):
    monkeypatch.setattr(invalidation, "WITHDRAWAL_RENDERS", 0)
    timeline, title = url_of(committed.relationship), committed.visit.title_en.encode()
    assert title in Client().get(timeline).content
    committed.visit.status = PublicationStatus.DRAFT
    committed.visit.save()
    answer = Client().get(timeline)
    assert answer["Cache-Status"] == "portal; fwd=miss; stored"
    assert title not in answer.content


def test_readers_of_a_page_never_stored_do_not_wait_on_each_other(committed, monkeypatch):
    monkeypatch.setattr(freshness, "RENDER_WAIT_SECONDS", 5)
    login = "/en/admin/login/"
    Client().get(login)  # templates compiled, so the timing below is the wait alone
    assert freshness.take_render_lock(key_of(login))  # as a reader's render would
    started = time.monotonic()
    assert Client().get(login).status_code == 200
    assert time.monotonic() - started < 4, "a reader waited out the lock"


def test_a_render_without_a_reader_skips_a_page_whose_copy_is_current(committed, monkeypatch):
    """A queued render of a page rendered since (by a withdrawal, say) leaves it as it is."""
    url = url_of(committed.visit)
    Client().get(url)
    reports = SlowReports(monkeypatch, seconds=0)
    rendering.render_soon("http://testserver" + url, "")
    assert reports.count == 0
    retitle(committed.visit, "Corrected title")
    rendering.render_soon("http://testserver" + url, "")
    assert reports.count == 1
