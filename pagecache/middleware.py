"""The middleware that answers anonymous readers from the cache.

Only anonymous GET and HEAD requests (no session or message cookie) are answered from the
cache, early in MIDDLEWARE, before sessions, authentication and the locale are looked at:
the page's key is its address, whose prefix names its language. Only a 200 response of a
public page (settings.PAGE_CACHE_NAMESPACES, PAGE_CACHE_SERVICE_PAGES) that sets no cookie,
uses no CSRF token and is not streamed is stored, with a gzip copy for clients that accept
it. Public pages carry an ETag (and, when cached, Last-Modified); a conditional request for
an unchanged page gets 304. A page out of date is rendered once at a time, while other
readers get the previous copy (pagecache.freshness); Cache-Status says which answer a
reader got: "hit", "hit; detail=stale", "fwd=miss; stored". A hit comes from the process's
own copy where it has one (pagecache.local_copies), else from the shared cache.
"""

import gzip
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_path

from pagecache import freshness, local_copies, registry, rendering
from pagecache.accept_encoding import preferred_coding
from pagecache.query import Query, query_of
from pagecache.schedule import publication_times
from pagecache.tags import ALL, LISTS, coming_versions, tag_versions, version_key

# Pages of old versions are never read again; this only bounds the memory they hold.
PAGE_TIMEOUT = 24 * 60 * 60
# How many pages' tags (a few hundred bytes each), and how many addresses' being public, the
# middleware of one process keeps in mind.
MAX_REMEMBERED_PAGES = 20_000
# Headers a cached copy does not keep: the cache sets them for each answer.
UNKEPT_HEADERS = {"content-length", "etag", "last-modified", "cache-control"}


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
        """Whether its tags are still at the versions it was rendered under, or at those a
        withdrawal is about to give them (`tags.versions_to_come`: versions only grow);
        the versions not among `known_versions` (read with the page) cost one more round
        trip."""
        if self.expires is not None and time.time() >= self.expires:
            return False
        missing = self.versions.keys() - known_versions.keys()
        versions = {**known_versions, **(tag_versions(missing) if missing else {})}
        return all(version >= versions[tag] for tag, version in self.versions.items())

    def response(self, request, cache_status: str) -> HttpResponse:
        """The page, with how the cache answered (RFC 9211 Cache-Status)."""
        compressed = self.gzipped is not None and _accepts_gzip(request)
        content = self.gzipped if compressed else self.content
        response = HttpResponse(content, headers=dict(self.headers))
        response["Content-Length"] = len(content)
        response["ETag"] = f'{self.etag[:-1]}-gzip"' if compressed else self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Status"] = f"portal; {cache_status}"
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
        # The parameters each public page seen reads (None for the addresses of other
        # pages): resolving an address costs more than a hit.
        self.public_paths: dict[str, Query | None] = {}

    def __call__(self, request):
        reading = request.method in ("GET", "HEAD")
        query = self._public_query(request.path_info) if reading else None
        if query is not None:
            _keep_only(request, query)
        lookup = settings.PORTAL_PAGE_CACHE and reading
        if not (lookup and _is_anonymous(request) and query is not None):
            return self._answer(request, self.get_response(request))
        key = _page_key(request)
        render = request.META.get(rendering.RENDER)
        if render is not None:  # a render without a reader (pagecache.rendering)
            token, versions = self._render_lock(key, render), {}
            if token is None:
                return HttpResponse(status=204)
        else:
            answer, token, versions = self._look_up(request, key)
            if answer is not None:
                return answer
        lists_version = versions.get(LISTS) or tag_versions([LISTS])[LISTS]
        try:
            return self._answer(request, self.get_response(request), (key, lists_version))
        finally:
            if token is not None:
                freshness.release_render_lock(key, token)

    def _look_up(self, request, key: str):
        """A cached answer, or None, the render lock's token if this request holds it, and
        the tag versions read with the page."""
        cached = local_copies.get(key)
        if cached is not None:
            return _conditional(request, cached.response(request, "hit")), None, {}
        seen = local_copies.generation()
        cached, versions = self._read(key)
        if cached is not None and cached.is_current(versions):
            local_copies.keep(key, cached, seen)
            return _conditional(request, cached.response(request, "hit")), None, versions
        state = freshness.staleness(key, cached.versions) if cached is not None else None
        if state is not None and state.may_be_served():
            token = None
            if not state.renewed_lately and state.render_began is None:
                token = freshness.take_render_lock(key)
            if token is not None and not settings.PAGE_CACHE_RENDER_IN_BACKGROUND:
                return None, token, versions  # this reader renders it
            if token is not None:
                rendering.render_soon(request.build_absolute_uri(), token)
            stale = cached.response(request, "hit; detail=stale")
            return _conditional(request, stale), None, versions
        withdrawn = state.withdrawn_at if state is not None else 0
        token = freshness.take_render_lock(key)
        began = freshness.render_began(key) if token is None else None
        if began is not None and began > withdrawn:  # wait for that render
            page = freshness.wait_for_render(key, previous=cached)
            if page is not None:
                waited = page.response(request, "hit; detail=waited")
                return _conditional(request, waited), None, versions
        return None, token, versions

    def _public_query(self, path: str) -> Query | None:
        """The parameters the public page at `path` reads; None where it is no public page."""
        if path not in self.public_paths:
            if len(self.public_paths) >= MAX_REMEMBERED_PAGES:
                self.public_paths.clear()
            match = _match(path)
            self.public_paths[path] = query_of(match.func) if _is_public(match) else None
        return self.public_paths[path]

    def _render_lock(self, key: str, token: str) -> str | None:
        """The token a render without a reader renders under; None to skip the page:
        nobody read it yet (its first reader renders it), another renders it now, or, but
        for a withdrawal's render (which changed what the page shows before its versions),
        its copy is current already."""
        if token and token != rendering.AFTER_OTHERS:
            return token
        cached, versions = self._read(key)
        if cached is None:
            return None
        if token == rendering.AFTER_OTHERS:
            return freshness.take_render_lock_when_free(key)
        if cached.is_current(versions):
            return None
        return freshness.take_render_lock(key)

    def _answer(self, request, response, to_store=None):
        """The response, stored first when it is a shareable public page."""
        if request.method not in ("GET", "HEAD") or not _is_public(request.resolver_match):
            return response
        if to_store is not None and response.status_code in (404, 410):
            cache.delete(to_store[0])  # withdrawn: no copy of it stays
        if not _is_complete_page(response):
            return response
        if to_store is not None and _is_shareable(request, response):
            page = _store(request, response, *to_store)
            if page is not None:
                self._remember_tags(to_store[0], page)
                return _conditional(request, page.response(request, "fwd=miss; stored"))
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        return _conditional(request, response)

    def _read(self, key: str) -> tuple[CachedPage | None, dict[str, int]]:
        """The cached page and the versions of "lists" and of the tags it had last time."""
        tag_keys = {version_key(tag): tag for tag in (LISTS, *self.tags_of_page.get(key, ()))}
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


def _match(path: str):
    """The address's URL pattern, in the language its prefix names (the locale middleware
    after this one has not activated it yet); None where no pattern matches. Resolved
    before the cache is asked, so that the pages never stored (the admin, the health check)
    cost no round trip and take no render lock that other readers would wait on."""
    with translation.override(get_language_from_path(path)):
        try:
            return resolve(path)
        except Resolver404:
            return None


def _is_public(match) -> bool:
    if match is None:
        return False
    if "service" in match.namespaces:
        return match.url_name in settings.PAGE_CACHE_SERVICE_PAGES
    return not settings.PAGE_CACHE_NAMESPACES.isdisjoint(match.namespaces)


def _is_anonymous(request) -> bool:
    """No staff session and no message waiting: decided without touching the database."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _accepts_gzip(request) -> bool:
    return preferred_coding(request.META.get("HTTP_ACCEPT_ENCODING"), ["gzip"]) == "gzip"


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


def _keep_only(request, query: Query) -> None:
    """Give the page only the parameters it reads, in their canonical form
    (pagecache.query): its key, the address it is rendered again at, and the page itself
    then depend on nothing else in the query string."""
    canonical = query.canonical(request.GET)
    request.GET = canonical
    request.META["QUERY_STRING"] = canonical.urlencode()


def _page_key(request) -> str:
    """The address names the page and, by its prefix, its language ("-" where it has none:
    such pages are the same in every language); its query holds only the parameters the
    page reads (_keep_only)."""
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
    versions |= {tag: version for tag, version in coming_versions().items() if tag in versions}
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
    freshness.renewed(key)
    registry.record(request.build_absolute_uri(), versions)
    return page
