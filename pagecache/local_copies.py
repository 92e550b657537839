"""Each process's own copies of the pages it answered last: a hit then costs no round trip
to the shared cache, which is most of what a hit costs.

A copy is answered only while this process hears every change. `tags.bump` publishes on
the cache's own Redis channel (`channel()`) once it has written new versions; a daemon
thread of each process listens, and every message forgets every copy (changes are rare
next to reads). The process that bumps forgets its own copies at once, so that it never
answers from one after its own write; the others hear of it within a round trip. While
the thread is not subscribed (starting, or its connection lost) no copy is kept or
answered, and a copy is kept for MAX_AGE_SECONDS at most, which bounds what a lost
message or an evicted version could cost. Only with Django's Redis cache backend, and
settings.PAGE_CACHE_LOCAL_BYTES above 0.
"""

import hashlib
import logging
import os
import threading
import time

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

MAX_AGE_SECONDS = 1.0
RECONNECT_SECONDS = 1.0


class _Copies:
    def __init__(self):
        self.pid = os.getpid()
        self.pages: dict[str, tuple[object, int, float]] = {}  # page, generation, kept at
        self.size = 0
        self.generation = 0  # one more with every change heard
        self.listening = False
        self.listener: threading.Thread | None = None
        self.lock = threading.Lock()


_copies = _Copies()
_start = threading.Lock()


def enabled() -> bool:
    return settings.PAGE_CACHE_LOCAL_BYTES > 0 and isinstance(caches["default"], RedisCache)


def channel() -> str:
    """Named after the cache's address: channels are shared by every Redis database."""
    location = hashlib.sha256(str(caches["default"]._servers).encode()).hexdigest()[:16]
    return f"page-tags-bumped:{location}"


def _client(write: bool = False):
    return caches["default"]._cache.get_client(write=write)


def generation() -> int | None:
    """The count of changes heard, read before a page is read from the shared cache and
    handed back to `keep`; None when no copy may be kept now."""
    copies = _current()
    return copies.generation if copies.listening and enabled() else None


def get(key: str):
    """This process's copy of the page, if it is still known to be current."""
    copies = _current()
    entry = copies.pages.get(key)
    if entry is None or not (copies.listening and enabled()):
        return None
    page, seen, kept_at = entry
    now = time.monotonic()
    current = seen == copies.generation and now - kept_at < MAX_AGE_SECONDS
    if not current or (page.expires is not None and time.time() >= page.expires):
        return None
    return page


def keep(key: str, page, seen: int | None) -> None:
    """Keep a copy read from the shared cache as current; `seen`: `generation()` before."""
    copies = _current()
    if seen is None or seen != copies.generation:
        return
    size = len(page.content) + len(page.gzipped or b"")
    with copies.lock:
        if copies.size + size > settings.PAGE_CACHE_LOCAL_BYTES:
            copies.pages.clear()
            copies.size = 0
        copies.pages[key] = (page, seen, time.monotonic())
        copies.size += size


def forget() -> None:
    with _copies.lock:
        _copies.generation += 1
        _copies.pages.clear()
        _copies.size = 0


def publish() -> None:
    """Tell every process that versions changed (`tags.bump`, after writing them)."""
    forget()
    if not enabled():
        return
    try:
        _client(write=True).publish(channel(), b"")
    except redis.RedisError:
        logger.warning("a change could not be published to the other processes", exc_info=True)


def _current() -> _Copies:
    """This process's copies, with their listener started (again after a fork)."""
    global _copies
    if _copies.pid != os.getpid():
        _copies = _Copies()
    if not (_copies.listener and _copies.listener.is_alive()) and enabled():
        with _start:
            if not (_copies.listener and _copies.listener.is_alive()):
                _copies.listener = threading.Thread(
                    target=_listen, args=(_copies,), name="page-copies", daemon=True
                )
                _copies.listener.start()
    return _copies


def _listen(copies: _Copies) -> None:
    while True:
        if not enabled():  # the settings changed (the tests)
            time.sleep(RECONNECT_SECONDS)
            continue
        try:
            subscription = _client().pubsub()
            subscription.subscribe(channel())
            for _message in subscription.listen():
                forget()  # after the subscription is confirmed too: nothing missed is kept
                copies.listening = True
        except redis.RedisError:
            logger.warning("no longer hearing of changes; answering from the cache", exc_info=True)
        finally:
            copies.listening = False
            forget()
        time.sleep(RECONNECT_SECONDS)
