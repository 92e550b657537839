"""The Redis cache backend: Django's own, keeping one client instead of one per operation."""

from portal.redis_cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/5"


def test_operations_share_one_client_and_keep_django_semantics():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "redis-cache-test"})
    cache.clear()
    cache.set_many({"page": {"versions": {"all": 1}}, "tag": 7}, timeout=60)
    assert cache.get_many(["page", "tag", "absent"]) == {"page": {"versions": {"all": 1}}, "tag": 7}
    assert cache.add("tag", 8) is False and cache.get("tag") == 7
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert cache.delete("tag") and cache.get("tag", "gone") == "gone"
    cache.clear()
