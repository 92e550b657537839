"""The home city, whose name every page's header carries, read once per version of "all"."""

from django.core.cache import cache

from pagecache.facts import site_fact
from sistercities.models import City, is_home_city

HOME_CITY_KEY = "site-facts:home-city"


def home_city() -> City | None:
    """Read from the database once per version of "all", which each of its changes bumps,
    rather than once per page (pagecache.facts)."""
    return site_fact(HOME_CITY_KEY, lambda: City.objects.filter(is_home_city()).first())


def forget_home_city(sender, **kwargs):
    """A city saved or deleted: drop the entry at once, not only when the transaction
    commits, so that the writer's own next page (or a test's) reads it afresh."""
    cache.delete(HOME_CITY_KEY)
