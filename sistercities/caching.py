"""The public pages, cached per language in Django's cache and invalidated by content changes.

Invalidation is by *tags*. Every cached page is stored with the versions of the tags it
shows: "all" (every page), and either the tags of the one relationship or city it is about
or, for every other page (home, lists, search, feeds, sitemap), "lists". A page whose
recorded versions are not the current ones is rendered again. The versions live in the
cache itself, so every app server sharing it (Redis in production) sees a change at once;
a version is the time of the change in nanoseconds and doubles as Last-Modified.

A content change bumps, once its transaction commits, exactly the tags of what it touches:
"lists" always; a visit, protocol or status change (or one of their parts: photos,
delegation, meetings, quotes, corrections, signatories, sources) the tag of its
relationship and of that relationship's two cities; a relationship its own tags likewise;
a city (or a former name) its tag and the tags of each of its relationships. A change
whose reach is not known so precisely (people, organisations, events, sources, areas, the
home city, whose name every page carries) bumps "all". Signals of every content model of
both apps are followed (saves, deletions, many-to-many changes); the state before a save
or deletion counts too, so a visit moved to another relationship leaves both. Bulk writes
send no signals: whatever writes through `bulk_create`, `QuerySet.update()` or raw SQL calls
`content_changed()`, which bumps "all".

A scheduled visit goes public at its `publish_at` without any save: a page is only kept
until the next such moment, found with one query per version of "lists".

Only anonymous GET and HEAD requests (no session or message cookie) are answered from the
cache, early in MIDDLEWARE, before sessions, authentication and the locale are looked at:
the page's key is its address, whose prefix names its language. Only a 200 response of a
public page that sets no cookie, uses no CSRF token and is not streamed is stored, with a
gzip copy for clients that accept it. Public pages carry an ETag (and, when cached,
Last-Modified); a conditional request for an unchanged page gets 304.
"""

import gzip
import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Min, Q
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_path
from simple_history.models import HistoricalChanges

ALL = "all"
LISTS = "lists"
CONTENT_APPS = ("sistercities", "visits")
# The URL namespaces of the public pages, and the service pages that show content.
PUBLIC_NAMESPACES = {"sistercities", "visits", "journalism"}
PUBLIC_SERVICE_PAGES = {"sitemap", "robots-txt"}
# Pages of old versions are never read again; this only bounds the memory they hold.
PAGE_TIMEOUT = 24 * 60 * 60
# How many pages' tags the middleware of one process keeps in mind (a few hundred bytes each).
MAX_REMEMBERED_PAGES = 20_000
# Headers a cached copy does not keep: the cache sets them for each answer.
UNKEPT_HEADERS = {"content-length", "etag", "last-modified", "cache-control"}
# How an object of a content model reaches the relationships whose pages show it.
RELATIONSHIP_PATHS = {
    "relationship_id": "pk",
    "visit_id": "visits",
    "protocol_id": "protocols",
    "statuschange_id": "status_changes",
}


def relationship_tag(pk: int) -> str:
    """The tag of a relationship's pages: timeline, visits, protocols, photos, exports."""
    return f"relationship:{pk}"


def city_tag(pk: int) -> str:
    return f"city:{pk}"


def page_shows(request, *tags: str) -> None:
    """Called by a view: its page shows only what these tags cover (and "all"), rather
    than "lists". A page that names no tag is a list, invalidated by every change."""
    request._page_tags = tags


# Tags and their versions ------------------------------------------------------------------


def _key(tag: str) -> str:
    return f"page-tag:{tag}"


def tag_versions(tags) -> dict[str, int]:
    """The current version of each tag, one cache round trip when they all exist."""
    keys = {_key(tag): tag for tag in tags}
    found = cache.get_many(keys)
    for key in keys.keys() - found.keys():
        cache.add(key, time.time_ns(), timeout=None)
        found[key] = cache.get(key)
    return {tag: found[key] for key, tag in keys.items()}


def bump(tags) -> None:
    """New versions for these tags and "lists", in one write."""
    now = time.time_ns()
    cache.set_many({_key(tag): now for tag in {*tags, LISTS}}, timeout=None)


def content_changed(**_signal_arguments) -> None:
    """Invalidate every cached page once the current transaction commits (at once outside
    one). Call it after any write that sends no signals: bulk_create, update(), raw SQL."""
    _bump_on_commit({ALL})


def _bump_on_commit(tags: set[str]) -> None:
    transaction.on_commit(lambda: bump(tags), robust=True)


def tags_of(instance) -> set[str]:
    """The tags of the pages that show this object of a content model."""
    from sistercities.models import City, FormerCityName, Relationship

    if isinstance(instance, City):
        return _city_tags(instance.pk)
    if isinstance(instance, FormerCityName):
        return _city_tags(instance.city_id)
    if isinstance(instance, Relationship):
        return _relationship_tags([(instance.pk, instance.home_city_id, instance.partner_city_id)])
    for attribute, path in RELATIONSHIP_PATHS.items():
        value = getattr(instance, attribute, None)
        if value is not None:
            rows = Relationship.objects.filter(**{path: value}).values_list(
                "pk", "home_city_id", "partner_city_id"
            )
            return _relationship_tags(rows)
    return {ALL}


def _relationship_tags(rows) -> set[str]:
    tags = set()
    for pk, home_city_id, partner_city_id in rows:
        tags |= {relationship_tag(pk), city_tag(home_city_id), city_tag(partner_city_id)}
    return tags


def _city_tags(pk: int) -> set[str]:
    from sistercities.models import City, Relationship

    if City.objects.filter(pk=pk, slug=settings.HOME_CITY_SLUG).exists():
        return {ALL}  # its name is in every page's header
    rows = Relationship.objects.filter(Q(home_city=pk) | Q(partner_city=pk)).values_list(
        "pk", "home_city_id", "partner_city_id"
    )
    return {city_tag(pk), *_relationship_tags(rows)}


def _is_content_model(model) -> bool:
    return model._meta.app_label in CONTENT_APPS and not issubclass(model, HistoricalChanges)


def connect_signals() -> None:
    """Called from SisterCitiesConfig.ready(): every content model invalidates on change."""
    for model in apps.get_models(include_auto_created=True):
        if not _is_content_model(model):
            continue
        uid = f"page-cache-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        if model._meta.auto_created:  # the through table of a many-to-many field
            m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=f"{uid}-m2m")
    City = apps.get_model("sistercities", "City")
    post_save.connect(_forget_home_city, sender=City, dispatch_uid="site-facts-city-save")
    pre_delete.connect(_forget_home_city, sender=City, dispatch_uid="site-facts-city-delete")


def _before_save(sender, instance, raw=False, **kwargs):
    """The pages that showed the object as it was: it may leave them (a visit moved)."""
    if raw or instance._state.adding:
        return
    before = sender._base_manager.filter(pk=instance.pk).first()
    instance._page_tags_before = tags_of(before) if before is not None else set()


def _saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_page_tags_before", set())
    _bump_on_commit({ALL} if raw else before | tags_of(instance))


def _deleted(sender, instance, **kwargs):
    _bump_on_commit(tags_of(instance))


def _m2m_changed(action, instance, reverse, **kwargs):
    if action.startswith("post_"):
        _bump_on_commit({ALL} if reverse else tags_of(instance))


# Facts of the whole site ----------------------------------------------------------------

HOME_CITY_KEY = "site-facts:home-city"


def home_city():
    """The home city (or None), whose name every page's header carries: read from the
    database once per version of "all", which each of its changes bumps, rather than once
    per page. The version is read before the row, so a change made meanwhile leaves the
    entry under an older version, never a newer one."""
    from sistercities.models import City

    all_key = _key(ALL)
    found = cache.get_many([all_key, HOME_CITY_KEY])
    version = found.get(all_key) or tag_versions([ALL])[ALL]
    known = found.get(HOME_CITY_KEY)
    if known is not None and known[0] == version:
        return known[1]
    city = City.objects.filter(slug=settings.HOME_CITY_SLUG).first()
    cache.set(HOME_CITY_KEY, (version, city), PAGE_TIMEOUT)
    return city


def _forget_home_city(sender, **kwargs):
    """A city saved or deleted: drop the entry at once, not only when the transaction
    commits, so that the writer's own next page (or a test's) reads it afresh."""
    cache.delete(HOME_CITY_KEY)


# Scheduled publication ------------------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    """The latest publication time passed and the next one to come, as timestamps."""

    last: float
    next: float | None


def publication_times(version: int) -> Publication:
    """One query per version of "lists", and again each time a scheduled visit goes public."""
    key = f"publication-times:{version}"
    known = cache.get(key)
    now = time.time()
    if known is not None and (known.next is None or now < known.next):
        return known
    from visits.models import PublicationStatus, Visit

    moment = datetime.fromtimestamp(now, UTC)
    times = Visit.objects.exclude(status=PublicationStatus.DRAFT).aggregate(
        last=Max("publish_at", filter=Q(publish_at__lte=moment)),
        next=Min("publish_at", filter=Q(publish_at__gt=moment)),
    )
    known = Publication(
        last=times["last"].timestamp() if times["last"] else 0.0,
        next=times["next"].timestamp() if times["next"] else None,
    )
    cache.set(key, known, PAGE_TIMEOUT)
    return known


# The middleware ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedPage:
    versions: dict[str, int]  # the tags the page shows, at the versions it was rendered under
    expires: float | None  # the next scheduled publication
    last_modified: float
    etag: str
    headers: tuple[tuple[str, str], ...]
    content: bytes
    gzipped: bytes | None  # None where compression would not make it smaller

    def is_current(self, known_versions: dict[str, int]) -> bool:
        """Whether its tags are still at the versions it was rendered under; the versions
        not among `known_versions` (read with the page) cost one more round trip."""
        if self.expires is not None and time.time() >= self.expires:
            return False
        missing = self.versions.keys() - known_versions.keys()
        versions = {**known_versions, **(tag_versions(missing) if missing else {})}
        return all(versions[tag] == version for tag, version in self.versions.items())

    def response(self, request) -> HttpResponse:
        compressed = self.gzipped is not None and _accepts_gzip(request)
        content = self.gzipped if compressed else self.content
        response = HttpResponse(content, headers=dict(self.headers))
        response["Content-Length"] = len(content)
        response["ETag"] = f'{self.etag[:-1]}-gzip"' if compressed else self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        if compressed:
            response["Content-Encoding"] = "gzip"
        if self.gzipped is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        return response


class PublicPageCacheMiddleware:
    """Early in MIDDLEWARE (after the security headers and WhiteNoise, before sessions):
    a cached page is answered without the work of the middleware after it, and a page to
    store comes back with their headers."""

    def __init__(self, get_response):
        self.get_response = get_response
        # The tags each page was last seen with in this process, so that the page and the
        # versions of its tags come in one round trip. Only a hint: a page whose tags
        # differ costs a second one.
        self.tags_of_page: dict[str, tuple[str, ...]] = {}

    def __call__(self, request):
        lookup = settings.PORTAL_PAGE_CACHE and request.method in ("GET", "HEAD")
        if lookup and _is_anonymous(request):
            key = _page_key(request)
            cached, versions = self._read(key)
            if cached is not None and cached.is_current(versions):
                return _conditional(request, cached.response(request))
            lists_version = versions.get(LISTS) or tag_versions([LISTS])[LISTS]
            request._page_to_store = (key, lists_version)
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or not _is_public(request.resolver_match):
            return response
        if not _is_complete_page(response):
            return response
        to_store = getattr(request, "_page_to_store", None)
        if to_store is not None and _is_shareable(request, response):
            page = _store(request, response, *to_store)
            if page is not None:
                self._remember_tags(to_store[0], page)
                return _conditional(request, page.response(request))
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        return _conditional(request, response)

    def _read(self, key: str) -> tuple[CachedPage | None, dict[str, int]]:
        """The cached page and the versions of "lists" and of the tags it had last time."""
        tag_keys = {_key(tag): tag for tag in (LISTS, *self.tags_of_page.get(key, ()))}
        found = cache.get_many([key, *tag_keys])
        cached = found.pop(key, None)
        if cached is not None:
            self._remember_tags(key, cached)
        return cached, {tag_keys[name]: version for name, version in found.items()}

    def _remember_tags(self, key: str, page: CachedPage) -> None:
        if len(self.tags_of_page) >= MAX_REMEMBERED_PAGES:
            self.tags_of_page.clear()
        self.tags_of_page[key] = tuple(page.versions)


def _conditional(request, response):
    patch_cache_control(response, no_cache=True)
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _is_public(match) -> bool:
    if match is None:
        return False
    if "service" in match.namespaces:
        return match.url_name in PUBLIC_SERVICE_PAGES
    return bool(PUBLIC_NAMESPACES.intersection(match.namespaces))


def _is_anonymous(request) -> bool:
    """No staff session and no message waiting: decided without touching the database."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _is_complete_page(response) -> bool:
    return response.status_code == 200 and not response.streaming


def _is_shareable(request, response) -> bool:
    """Nothing in the response belongs to one visitor."""
    session = getattr(request, "session", None)
    return not (
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or request.META.get("CSRF_COOKIE_USED")
        or (session is not None and session.modified)
        or "private" in response.get("Cache-Control", "")
        or "no-store" in response.get("Cache-Control", "")
        or response.has_header("Content-Encoding")
    )


def _page_key(request) -> str:
    """The address names the page and, by its prefix, its language ("-" where it has none:
    such pages are the same in every language)."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page:{get_language_from_path(request.path_info) or '-'}:{digest}"


def _etag(content: bytes) -> str:
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def _store(request, response, key: str, lists_version: int) -> CachedPage | None:
    """Store the page with the versions of its tags, unless content changed while it was
    rendered: every change bumps "lists", so an unchanged "lists" proves the versions read
    now are no newer than the content the page was built from."""
    tags = getattr(request, "_page_tags", None) or (LISTS,)
    versions = tag_versions([ALL, LISTS, *tags])
    if versions.pop(LISTS) != lists_version:
        return None
    if LISTS in tags:
        versions[LISTS] = lists_version
    publication = publication_times(lists_version)
    compressed = gzip.compress(response.content, compresslevel=6, mtime=0)
    page = CachedPage(
        versions=versions,
        expires=publication.next,
        last_modified=max(max(versions.values()) / 1e9, publication.last),
        etag=_etag(response.content),
        headers=tuple(
            (name, value) for name, value in response.items() if name.lower() not in UNKEPT_HEADERS
        ),
        content=response.content,
        gzipped=compressed if len(compressed) < len(response.content) else None,
    )
    timeout = PAGE_TIMEOUT
    if page.expires is not None:
        timeout = max(1, min(timeout, int(page.expires - time.time()) + 1))
    cache.set(key, page, timeout)
    return page
