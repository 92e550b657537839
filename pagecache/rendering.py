"""Pages rendered again without a reader waiting: a stale page a reader found
(pagecache.freshness), and, once a write commits, the pages of what it changed.

Each render is answered through Django's request handler, with every middleware, as if an
anonymous reader had asked; the page cache middleware renders the page and stores it.

Where a renderer runs (`manage.py render_pages`: an RQ worker on the Redis queue of
settings.PAGE_RENDER_QUEUE_URL), the app servers hand it their renders: a render then costs
their workers neither CPU time nor turns of the interpreter lock that a thread would take
from the requests it shares a process with. Without one (none started, or it stopped
beating), one daemon thread per process renders: the work is a few renders this process
could do anyway, and what a dying process loses costs only a render by the next reader.
With settings.PAGE_CACHE_RENDER_IN_BACKGROUND off (the tests), the renders run at once.
"""

import functools
import io
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

import redis
import rq
from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import close_old_connections, connections, transaction
from django.utils import translation

logger = logging.getLogger(__name__)

# Set in a request's environ: render (and store) the page instead of looking it up. The
# value is the render lock's token when the reader who found the page stale took it, ""
# when the render takes the lock itself (and skips the page if another renders it).
RENDER = "pagecache.render"
# The RENDER value of a render that waits for the one under way, if any, to end first.
AFTER_OTHERS = "after-others"
MAX_WAITING = 500
QUEUE_NAME = "pages"
# The renderer beats at least this often (RQ: when idle, after each wait for a job of
# WORKER_TTL - 15 s); a renderer silent for longer is taken for dead.
WORKER_TTL = 20
SILENT_SECONDS = WORKER_TTL - 15 + 10
# How long a process trusts what it last found out about the renderer.
RENDERER_CHECK_SECONDS = 2
# A job not started within this is dropped: its render lock has expired, a reader renders.
JOB_TTL = 10

_waiting: queue.Queue = queue.Queue(MAX_WAITING)
_start = threading.Lock()
_state = threading.local()
_worker: threading.Thread | None = None
_renderer = {"checked": 0.0, "queue": None}


def render_soon(url: str, token: str) -> None:
    """Render the page at this absolute address in the background: in the renderer when
    one runs, else in this process (or at once, see above)."""
    if not settings.PAGE_CACHE_RENDER_IN_BACKGROUND:
        _render(environ_for(url, token))  # in the caller's transaction: no connection closed
        return
    pages = renderer_queue()
    if pages is not None:
        try:
            pages.enqueue(
                render_page,
                url,
                token,
                ttl=JOB_TTL,
                result_ttl=0,
                failure_ttl=3600,
            )
            return
        except redis.RedisError:
            logger.warning("the page renderer's queue cannot be reached", exc_info=True)
            forget_renderer()
    _start_worker()
    try:
        _waiting.put_nowait((url, token))
    except queue.Full:  # the next reader renders it
        logger.warning("page renders are queued faster than they are done")


def render_page(url: str, token: str) -> None:
    """Render one page, as the renderer's job or in this process's thread; the database
    connection is closed after it if it has grown too old, as after a request."""
    started = time.perf_counter()
    try:
        status = _render(environ_for(url, token)).status_code
    finally:
        close_old_connections()
    took = (time.perf_counter() - started) * 1000
    logger.info("rendered %s (%s) in %.1f ms", url, status, took)


def render_now(url: str) -> int:
    """Render the page at this absolute address in this thread, if it is cached, after the
    render of it under way if any; the response's status (204: skipped)."""
    return _render(environ_for(url, AFTER_OTHERS)).status_code


def render_on_commit(paths: Callable[[], list[str]]) -> None:
    """Once the transaction commits, render the pages `paths()` names for the address
    readers use (settings.PORTAL_PUBLIC_URL; nothing when it is not set), those of them
    that are cached: a page nobody has read waits for its first reader."""
    base = settings.PORTAL_PUBLIC_URL.rstrip("/")
    if base:
        transaction.on_commit(
            lambda: [render_soon(base + path, "") for path in paths()], robust=True
        )


def page_queue() -> rq.Queue | None:
    """The renderer's queue, None where settings.PAGE_RENDER_QUEUE_URL is empty."""
    if not settings.PAGE_RENDER_QUEUE_URL:
        return None
    return rq.Queue(QUEUE_NAME, connection=_connection(settings.PAGE_RENDER_QUEUE_URL))


@functools.cache
def _connection(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def renderer_queue() -> rq.Queue | None:
    """The queue of a renderer that is alive, or None; asked at most every
    RENDERER_CHECK_SECONDS. A renderer that went away costs only the renders handed to it
    since: each such page stays stale until a reader renders it."""
    now = time.monotonic()
    if now - _renderer["checked"] < RENDERER_CHECK_SECONDS:
        return _renderer["queue"]
    pages = page_queue()
    if pages is not None and not _has_live_worker(pages):
        pages = None
    _renderer.update(checked=now, queue=pages)
    return pages


def _has_live_worker(pages: rq.Queue) -> bool:
    try:
        workers = rq.Worker.all(queue=pages)
    except redis.RedisError:
        logger.warning("the page renderer's queue cannot be reached", exc_info=True)
        return False
    now = datetime.now(UTC)
    return any(
        worker.last_heartbeat is not None
        and (now - worker.last_heartbeat).total_seconds() < SILENT_SECONDS
        for worker in workers
    )


def forget_renderer() -> None:
    """Ask again at the next render whether a renderer runs (the tests)."""
    _renderer.update(checked=0.0, queue=None)


def environ_for(url: str, token: str) -> dict:
    """The environ of an anonymous GET of this absolute address."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": parts.query,
        "SERVER_NAME": parts.hostname,
        "SERVER_PORT": str(port),
        "HTTP_HOST": parts.netloc,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": parts.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        RENDER: token,
    }


def wait_until_idle() -> None:
    """Return once every render queued in this process is done (the tests, the benchmark)."""
    _waiting.join()


def _start_worker() -> None:
    global _worker
    with _start:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="page-renderer", daemon=True)
            _worker.start()


def _work() -> None:
    while True:
        url, token = _waiting.get()
        try:
            render_page(url, token)
        except Exception:
            logger.exception("rendering %s in the background failed", url)
        finally:
            if _waiting.empty():  # idle: hold no database connection until the next render
                connections.close_all()
            _waiting.task_done()


def _render(environ: dict):
    if getattr(_state, "handler", None) is None:
        _state.handler = BaseHandler()
        _state.handler.load_middleware()
    with translation.override(translation.get_language()):  # the page activates its own
        return _state.handler.get_response(WSGIRequest(environ))
