"""When an out-of-date page may still be served, and who renders it anew.

After a change, one render per page and language at a time across every app server: the
first reader to find a page out of date takes its *render lock* (an `add` in the shared
cache, which only one caller wins) and the page is rendered again in the background, while
that reader and every other meanwhile get the previous copy, marked stale. The lock expires
after RENDER_LOCK_SECONDS, so a renderer that crashed blocks nobody for longer.

Under a stream of changes, a page is rendered again at most once every
settings.PAGE_CACHE_RENEWAL_SECONDS (its *renewal mark*): between, readers get the copy of
the last render, so that edits every second do not keep the servers rendering.

A stale copy is served for at most settings.PAGE_CACHE_STALE_SECONDS after a reader first
found it out of date (the page's *stale mark*, also set with `add`); after that, or when
the bound is 0, readers wait for the render under way (RENDER_WAIT_SECONDS at most), as do
the readers of a page not cached at all, and render it themselves when none is. A page
whose content was withdrawn (unpublished, deleted) is never served stale: a withdrawal
also sets the *withdrawal time* of the tags it bumps; a reader of a copy rendered before
it waits only for a render that began after it, and otherwise renders the page at once.
"""

import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from pagecache.tags import withdrawal_key

RENDER_LOCK_SECONDS = 10
# How long a reader who may not have the previous copy waits for another's render.
RENDER_WAIT_SECONDS = 5
WAIT_STEP_SECONDS = 0.01


def lock_key(page_key: str) -> str:
    return f"render-lock:{page_key}"


def stale_mark_key(page_key: str) -> str:
    return f"stale-since:{page_key}"


def take_render_lock(page_key: str) -> str | None:
    """A token if this caller renders the page now; None if another does. The token
    starts with the time the render began, in nanoseconds."""
    token = f"{time.time_ns()}-{uuid.uuid4().hex}"
    return token if cache.add(lock_key(page_key), token, RENDER_LOCK_SECONDS) else None


def take_render_lock_when_free(page_key: str) -> str | None:
    """A token once the render under way, if any, has ended; None if it outlasts its lock."""
    deadline = time.monotonic() + RENDER_LOCK_SECONDS
    while (token := take_render_lock(page_key)) is None and time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
    return token


def release_render_lock(page_key: str, token: str) -> None:
    """Only the holder's own lock: one that expired and was taken by another stays."""
    if cache.get(lock_key(page_key)) == token:
        cache.delete(lock_key(page_key))


def render_began(page_key: str) -> int | None:
    """When the render of this page under way began (ns), None when none is."""
    return _began(cache.get(lock_key(page_key)))


def _began(token: str | None) -> int | None:
    return int(token.split("-", 1)[0]) if token else None


def renewal_key(page_key: str) -> str:
    return f"renewed:{page_key}"


def renewed(page_key: str) -> None:
    """A current copy was stored: it is no longer stale, and is not rendered again for
    PAGE_CACHE_RENEWAL_SECONDS while a stale copy may be served instead."""
    cache.delete(stale_mark_key(page_key))
    if settings.PAGE_CACHE_RENEWAL_SECONDS > 0:
        cache.set(renewal_key(page_key), True, settings.PAGE_CACHE_RENEWAL_SECONDS)


@dataclass(frozen=True)
class Staleness:
    """What the shared cache knows of an out-of-date copy, read in one round trip."""

    withdrawn_at: int  # when content was last withdrawn since it was rendered (ns), or 0
    stale_for: float  # seconds since a reader first found it out of date (0 for this one)
    renewed_lately: bool  # rendered within PAGE_CACHE_RENEWAL_SECONDS
    render_began: int | None  # when the render under way began (ns), None when none is

    def may_be_served(self) -> bool:
        """Whether the copy may still be served while the page is renewed."""
        bound = settings.PAGE_CACHE_STALE_SECONDS
        return bound > 0 and not self.withdrawn_at and self.stale_for <= bound


def staleness(page_key: str, versions: dict[str, int]) -> Staleness:
    """The state of the copy of `page_key` rendered under these tag versions; marks it
    stale from now if no reader did before."""
    withdrawals = {withdrawal_key(tag): version for tag, version in versions.items()}
    marks = [stale_mark_key(page_key), renewal_key(page_key), lock_key(page_key)]
    found = cache.get_many([*withdrawals, *marks])
    now = time.time()
    first_seen = found.get(stale_mark_key(page_key))
    if first_seen is None:
        cache.add(stale_mark_key(page_key), now, RENDER_LOCK_SECONDS * 6)
    token = found.get(lock_key(page_key))
    return Staleness(
        withdrawn_at=max(
            (found[key] for key, version in withdrawals.items() if found.get(key, 0) > version),
            default=0,
        ),
        stale_for=now - (first_seen or now),
        renewed_lately=renewal_key(page_key) in found,
        render_began=_began(token),
    )


def wait_for_render(page_key: str, previous=None):
    """The copy another reader is rendering, once stored; None if it does not come. While
    a render lock is held only the lock is read (the page is stored before its lock is
    released). A copy is stored only when no change came while it was rendered
    (middleware._store), so one newer than `previous` was rendered after whatever made
    `previous` out of date."""
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        if cache.get(lock_key(page_key)) is not None:
            continue
        page = cache.get(page_key)
        if page is not None and (previous is None or page.versions != previous.versions):
            return page
        return None
    return None
