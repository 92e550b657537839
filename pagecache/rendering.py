"""Pages rendered again without a reader waiting: a stale page a reader found
(pagecache.freshness), and, once a write commits, the pages of what it changed.

One daemon thread per process takes the requests from a queue and answers each through
Django's request handler, with every middleware, as if an anonymous reader had asked; the
page cache middleware renders the page and stores it. A thread rather than a task queue:
the work is a few renders this process could do anyway, it needs no broker, and what a
dying process loses costs only a render by the next reader. With
settings.PAGE_CACHE_RENDER_IN_BACKGROUND off (the tests), the renders run at once instead.
"""

import io
import logging
import queue
import sys
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import close_old_connections, transaction
from django.utils import translation

logger = logging.getLogger(__name__)

# Set in a request's environ: render (and store) the page instead of looking it up. The
# value is the render lock's token when the reader who found the page stale took it, ""
# when the render takes the lock itself (and skips the page if another renders it).
RENDER = "pagecache.render"
MAX_WAITING = 500

_waiting: queue.Queue = queue.Queue(MAX_WAITING)
_start = threading.Lock()
_state = threading.local()
_worker: threading.Thread | None = None


def render_soon(environ: dict) -> None:
    """Render the page of this environ in the background (or at once, see above)."""
    if not settings.PAGE_CACHE_RENDER_IN_BACKGROUND:
        _render(environ)
        return
    _start_worker()
    try:
        _waiting.put_nowait(environ)
    except queue.Full:  # the next reader renders it
        logger.warning("page renders are queued faster than they are done")


def render_on_commit(paths: Callable[[], list[str]]) -> None:
    """Once the transaction commits, render the pages `paths()` names for the address
    readers use (settings.PORTAL_PUBLIC_URL; nothing when it is not set), those of them
    that are cached: a page nobody has read waits for its first reader."""
    base = settings.PORTAL_PUBLIC_URL.rstrip("/")
    if base:
        transaction.on_commit(
            lambda: [render_soon(environ_for(base + path, token="")) for path in paths()],
            robust=True,
        )


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
    """Return once every queued render is done (the tests, the benchmark)."""
    _waiting.join()


def _start_worker() -> None:
    global _worker
    with _start:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="page-renderer", daemon=True)
            _worker.start()


def _work() -> None:
    while True:
        environ = _waiting.get()
        try:
            _render(environ)
        except Exception:
            logger.exception("rendering %s in the background failed", environ["PATH_INFO"])
        finally:
            close_old_connections()
            _waiting.task_done()


def _render(environ: dict) -> None:
    if getattr(_state, "handler", None) is None:
        _state.handler = BaseHandler()
        _state.handler.load_middleware()
    with translation.override(translation.get_language()):  # the page activates its own
        _state.handler.get_response(WSGIRequest(environ))
