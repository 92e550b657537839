"""Tags name what a page shows; a tag's version changes with every change of what it covers.

Every cached page is stored with the versions of the tags it shows: "all" (every page), and
either the tags a view names with `page_shows()` (the one relationship or city it is about)
or, for every other page (home, lists, search, feeds, sitemap), "lists". A page whose
recorded versions are not the current ones is rendered again. The versions live in the
cache itself, so every app server sharing it (Redis in production) sees a change at once;
a version is the time of the change in nanoseconds and doubles as Last-Modified.
"""

import threading
import time
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

from pagecache import local_copies

ALL = "all"
LISTS = "lists"


def page_shows(request, *tags: str) -> None:
    """Called by a view: its page shows only what these tags cover (and "all"), rather
    than "lists". A page that names no tag is a list, invalidated by every change."""
    request._page_tags = tags


def version_key(tag: str) -> str:
    return f"page-tag:{tag}"


def tag_versions(tags) -> dict[str, int]:
    """The current version of each tag, one cache round trip when they all exist."""
    keys = {version_key(tag): tag for tag in tags}
    found = cache.get_many(keys)
    for key in keys.keys() - found.keys():
        cache.add(key, time.time_ns(), timeout=None)
        found[key] = cache.get(key)
    return {tag: found[key] for key, tag in keys.items()}


def withdrawal_key(tag: str) -> str:
    return f"page-withdrawn:{tag}"


def bump(tags, withdrawal: bool = False, version: int | None = None) -> None:
    """New versions for these tags and "lists", in one write: `version`, or now, and in
    any case above every version they had (the servers' clocks may differ a little). A
    withdrawal (content unpublished or deleted) also marks them so that no older copy is
    served stale."""
    tags = {*tags, LISTS}
    known = cache.get_many([version_key(tag) for tag in tags]).values()
    now = max(version or time.time_ns(), max(known, default=0) + 1)
    entries = {version_key(tag): now for tag in tags}
    if withdrawal:
        entries |= {withdrawal_key(tag): now for tag in tags}
    cache.set_many(entries, timeout=None)
    local_copies.publish()


_coming = threading.local()


@contextmanager
def versions_to_come(tags, version: int):
    """Pages stored in this thread meanwhile record `version` for these tags (and
    "lists"): the version `bump` is about to give them, so they are current once it has."""
    _coming.versions = dict.fromkeys({*tags, LISTS}, version)
    try:
        yield
    finally:
        _coming.versions = {}


def coming_versions() -> dict[str, int]:
    return getattr(_coming, "versions", {})


def bump_on_commit(tags: set[str], withdrawal: bool = False) -> None:
    transaction.on_commit(lambda: bump(tags, withdrawal), robust=True)


def content_changed(**_signal_arguments) -> None:
    """Invalidate every cached page once the current transaction commits (at once outside
    one). Call it after any write that sends no signals: bulk_create, update(), raw SQL.
    What such a write removed is not known, so no older copy is served stale."""
    bump_on_commit({ALL}, withdrawal=True)
