"""Scheduled content goes public at its time without any save: a cached page is only kept
until the next such moment, asked of the content app once per version of "lists"."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache

# Pages of old versions are never read again; this only bounds the memory they hold.
ENTRY_TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class Publication:
    """The latest publication time passed and the next one to come, as timestamps."""

    last: float
    next: float | None


# moment -> (the latest publication time up to it, the first after it), datetimes or None.
Source = Callable[[datetime], tuple[datetime | None, datetime | None]]
_source: Source | None = None


def set_source(source: Source) -> None:
    """Called by the app whose content is published on a schedule."""
    global _source
    _source = source


def publication_times(version: int) -> Publication:
    """One query per version of "lists", and again each time scheduled content goes public."""
    key = f"publication-times:{version}"
    known = cache.get(key)
    now = time.time()
    if known is not None and (known.next is None or now < known.next):
        return known
    last, upcoming = _source(datetime.fromtimestamp(now, UTC)) if _source else (None, None)
    known = Publication(
        last=last.timestamp() if last else 0.0,
        next=upcoming.timestamp() if upcoming else None,
    )
    cache.set(key, known, ENTRY_TIMEOUT)
    return known
