"""Facts every page shows (the home city's name, the footer), read from the database once
per version of "all", which every change of content bumps, rather than once per page."""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from pagecache.tags import ALL, tag_versions, version_key

ENTRY_TIMEOUT = 24 * 60 * 60
Fact = TypeVar("Fact")


def site_fact(key: str, read: Callable[[], Fact]) -> Fact:
    """The fact cached under `key`, read afresh once "all" has a new version. The version
    is read before the fact, so a change made meanwhile leaves the entry under an older
    version, never a newer one."""
    all_key = version_key(ALL)
    found = cache.get_many([all_key, key])
    version = found.get(all_key) or tag_versions([ALL])[ALL]
    known = found.get(key)
    if known is not None and known[0] == version:
        return known[1]
    fact = read()
    cache.set(key, (version, fact), ENTRY_TIMEOUT)
    return fact
