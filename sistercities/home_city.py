"""The home city, whose name every page's header carries, read once per version of "all"."""

from django.core.cache import cache

from pagecache.tags import ALL, tag_versions, version_key
from sistercities.models import City, is_home_city

HOME_CITY_KEY = "site-facts:home-city"
ENTRY_TIMEOUT = 24 * 60 * 60


def home_city() -> City | None:
    """Read from the database once per version of "all", which each of its changes bumps,
    rather than once per page. The version is read before the row, so a change made
    meanwhile leaves the entry under an older version, never a newer one."""
    all_key = version_key(ALL)
    found = cache.get_many([all_key, HOME_CITY_KEY])
    version = found.get(all_key) or tag_versions([ALL])[ALL]
    known = found.get(HOME_CITY_KEY)
    if known is not None and known[0] == version:
        return known[1]
    city = City.objects.filter(is_home_city()).first()
    cache.set(HOME_CITY_KEY, (version, city), ENTRY_TIMEOUT)
    return city


def forget_home_city(sender, **kwargs):
    """A city saved or deleted: drop the entry at once, not only when the transaction
    commits, so that the writer's own next page (or a test's) reads it afresh."""
    cache.delete(HOME_CITY_KEY)
