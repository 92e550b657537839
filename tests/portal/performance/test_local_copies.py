"""Each process answers hits from its own copies while it hears every change over Redis
(pagecache/local_copies.py); a change, here or in another process, and a lost connection
make it ask the shared cache again."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.test import Client, RequestFactory

from pagecache import local_copies
from pagecache.middleware import _page_key
from sistercities.page_tags import relationship_tag
from tests.portal.performance.conftest import retitle, url_of

REDIS_URL = "redis://127.0.0.1:6379/4"


def wait_until(condition, seconds=5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def shared_cache(settings, monkeypatch):
    """The page cache on, in Redis, with this process hearing its changes; a copy is
    kept for a minute, so that only what it hears makes it forget one."""
    monkeypatch.setattr(local_copies, "MAX_AGE_SECONDS", 60)
    settings.PORTAL_PAGE_CACHE = True
    settings.PAGE_CACHE_STALE_SECONDS = 0
    settings.PAGE_CACHE_RENEWAL_SECONDS = 0
    settings.CACHES = {
        "default": {"BACKEND": "portal.redis_cache.RedisCache", "LOCATION": REDIS_URL}
    }
    cache.clear()
    assert wait_until(lambda: local_copies.generation() is not None), "not subscribed"
    yield cache
    cache.clear()
    local_copies.forget()


def kept_locally(url: str) -> str:
    """Read the page until this process keeps a copy; then drop the shared cache's copy,
    so that only the local copy can answer "hit"."""
    Client().get(url)
    Client().get(url)
    key = _page_key(RequestFactory().get(url))
    assert local_copies.get(key) is not None
    cache.delete(key)
    return key


def status(url: str) -> str:
    return Client().get(url)["Cache-Status"]


def test_a_hit_is_answered_from_the_process_own_copy(committed, shared_cache):
    url = url_of(committed.visit)
    kept_locally(url)
    assert status(url) == "portal; hit"


def test_a_change_made_in_this_process_forgets_its_copies_at_once(committed, shared_cache):
    url = url_of(committed.visit)
    kept_locally(url)
    retitle(committed.visit, "Corrected title")
    answer = Client().get(url)
    assert answer["Cache-Status"] == "portal; fwd=miss; stored"
    assert b"Corrected title" in answer.content


def test_a_change_made_by_another_process_is_heard(committed, shared_cache):
    url = url_of(committed.visit)
    kept_locally(url)
    bump = (
        "import django; django.setup(); from pagecache import tags; "
        f"tags.bump({{{relationship_tag(committed.relationship.pk)!r}}})"
    )
    environment = {**os.environ, "REDIS_URL": REDIS_URL}
    environment["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    subprocess.run([sys.executable, "-c", bump], env=environment, check=True, cwd=settings.BASE_DIR)
    assert wait_until(lambda: status(url) != "portal; hit", seconds=0.5)


def test_a_copy_is_kept_for_a_bounded_time_even_if_no_change_is_heard(
    committed, shared_cache, monkeypatch
):
    monkeypatch.setattr(local_copies, "MAX_AGE_SECONDS", 0.2)
    url = url_of(committed.visit)
    kept_locally(url)
    time.sleep(0.3)
    assert status(url) == "portal; fwd=miss; stored"


def test_a_lost_connection_drops_the_copies_until_it_is_back(committed, shared_cache):
    url = url_of(committed.visit)
    kept_locally(url)
    redis.Redis.from_url(REDIS_URL).client_kill_filter(_type="pubsub")
    assert wait_until(lambda: status(url) != "portal; hit", seconds=0.5)
    assert wait_until(lambda: local_copies.generation() is not None)
    kept_locally(url)
    assert status(url) == "portal; hit"
