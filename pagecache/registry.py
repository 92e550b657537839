"""Which cached pages show each tag: the addresses a withdrawal renders before it takes
effect (pagecache.invalidation), so that no reader waits for them.

Each tag's entry maps the absolute addresses of the pages stored under it to when they were
last stored, newest kept. Two servers storing pages of one tag at once may lose one of the
two additions: the registry is a hint, and a page missing from it is still never served
stale after a withdrawal; its next reader renders it.
"""

import time

from django.core.cache import cache

from pagecache.tags import ALL

KEPT_PER_TAG = 200
TIMEOUT = 24 * 60 * 60


def registry_key(tag: str) -> str:
    return f"page-registry:{tag}"


def record(url: str, tags) -> None:
    """The page at `url` was stored under these tags ("all", which every page shows, aside)."""
    keys = [registry_key(tag) for tag in tags if tag != ALL]
    found = cache.get_many(keys)
    now = time.time_ns()
    entries = {}
    for key in keys:
        pages = found.get(key, {})
        pages[url] = now
        if len(pages) > KEPT_PER_TAG:
            pages = dict(sorted(pages.items(), key=lambda page: page[1])[-KEPT_PER_TAG:])
        entries[key] = pages
    cache.set_many(entries, TIMEOUT)


def pages_showing(tags, most: int) -> list[str]:
    """The addresses of at most `most` pages stored under any of these tags, the most
    recently stored first."""
    stored = {}
    for pages in cache.get_many([registry_key(tag) for tag in tags if tag != ALL]).values():
        for url, when in pages.items():
            stored[url] = max(when, stored.get(url, 0))
    return sorted(stored, key=stored.get, reverse=True)[:most]
