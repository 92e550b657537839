"""With a renderer running (manage.py render_pages, an RQ worker), the renders of stale
pages and of the pages an edit changed go to its queue instead of this process's thread;
without a live one, this process renders them itself."""

from datetime import timedelta

import pytest
import redis
import rq
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rq.utils import utcformat

from pagecache import rendering
from tests.portal.performance.conftest import retitle, url_of
from visits.models import PublicationStatus

pytestmark = pytest.mark.usefixtures("page_cache")

QUEUE_URL = "redis://127.0.0.1:6379/7"


@pytest.fixture
def render_queue(settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30
    settings.PAGE_CACHE_RENDER_IN_BACKGROUND = True
    settings.PAGE_RENDER_QUEUE_URL = QUEUE_URL
    redis.Redis.from_url(QUEUE_URL).flushdb()
    rendering.forget_renderer()
    pages = rendering.page_queue()
    yield pages
    rendering.forget_renderer()
    redis.Redis.from_url(QUEUE_URL).flushdb()


def worker(pages):
    return rq.SimpleWorker([pages], connection=pages.connection, worker_ttl=rendering.WORKER_TTL)


@pytest.fixture
def renderer(render_queue):
    """A renderer that announced itself; the renders queued for it run when the test says
    (`render_queued`)."""
    announced = worker(render_queue)
    announced.register_birth()
    yield announced
    announced.register_death()


def render_queued(pages) -> bool:
    """Whether a worker in burst mode found renders to do."""
    return worker(pages).work(burst=True)


def test_a_stale_page_is_rendered_by_the_renderer_not_by_the_server(committed, renderer):
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    stale = Client().get(url)
    assert stale["Cache-Status"] == "portal; hit; detail=stale"
    rendering.wait_until_idle()
    assert b"Corrected title" not in Client().get(url).content, "rendered in this process"
    assert render_queued(renderer.queues[0])
    after = Client().get(url)
    assert after["Cache-Status"] == "portal; hit"
    assert b"Corrected title" in after.content


def test_the_pages_of_an_edit_are_queued_for_the_renderer(committed, renderer, settings):
    settings.PORTAL_PUBLIC_URL = "http://testserver"
    Client().get(url_of(committed.visit))
    retitle(committed.visit, "Corrected title")
    assert render_queued(renderer.queues[0])
    answer = Client().get(url_of(committed.visit))
    assert answer["Cache-Status"] == "portal; hit"
    assert b"Corrected title" in answer.content


def test_the_render_pages_command_renders_what_is_queued(committed, render_queue, capsys):
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    render_queue.enqueue(rendering.render_page, f"http://testserver{url}", "")
    call_command("render_pages", "--burst")
    assert f"rendered http://testserver{url} (200)" in capsys.readouterr().out
    assert b"Corrected title" in Client().get(url).content


def test_without_a_live_renderer_this_process_renders(committed, render_queue, renderer):
    silent_since = timezone.now() - timedelta(seconds=rendering.SILENT_SECONDS + 1)
    render_queue.connection.hset(renderer.key, "last_heartbeat", utcformat(silent_since))
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    assert Client().get(url)["Cache-Status"] == "portal; hit; detail=stale"
    rendering.wait_until_idle()
    assert render_queue.count == 0
    assert b"Corrected title" in Client().get(url).content


def test_the_command_says_what_to_set_without_a_queue(settings):
    settings.PAGE_RENDER_QUEUE_URL = ""
    with pytest.raises(Exception, match="set REDIS_URL"):
        call_command("render_pages", "--burst")


def test_a_withdrawal_renders_its_pages_itself_not_behind_the_queued_renders(
    committed, renderer, settings
):
    settings.PORTAL_PUBLIC_URL = "http://testserver"
    timeline = url_of(committed.relationship)
    Client().get(timeline)
    pages = renderer.queues[0]
    retitle(committed.visit, "Corrected title")
    queued = pages.job_ids
    assert queued, "the edit's renders wait for the renderer"
    committed.visit.status = PublicationStatus.DRAFT
    committed.visit.save()
    assert pages.job_ids == queued, "the withdrawal queued nothing"
    answer = Client().get(timeline)
    assert answer["Cache-Status"] == "portal; hit"
    assert b"Corrected title" not in answer.content


def test_with_the_queue_unreachable_this_process_renders(committed, render_queue, settings):
    settings.PAGE_RENDER_QUEUE_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    url = url_of(committed.visit)
    Client().get(url)
    retitle(committed.visit, "Corrected title")
    assert Client().get(url)["Cache-Status"] == "portal; hit; detail=stale"
    rendering.wait_until_idle()
    assert b"Corrected title" in Client().get(url).content


def test_the_health_check_says_whether_a_renderer_runs(render_queue, client, db, settings):
    settings.PORTAL_HEALTH_TOKEN = "health-token"
    bearer = {"authorization": "Bearer health-token"}
    assert client.get("/healthz", headers=bearer).json()["page_renderer"] == "none"
    announced = worker(render_queue)
    announced.register_birth()
    rendering.forget_renderer()
    try:
        assert client.get("/healthz", headers=bearer).json() == {
            "status": "ok",
            "database": "ok",
            "page_renderer": "running",
        }
    finally:
        announced.register_death()
