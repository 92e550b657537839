"""The public pages, cached per language in Django's cache and invalidated by content changes.

Every cached page is stored with the *content version* it was rendered under. The version
lives in the cache itself (key "content-version"), so every app server sharing the cache
(Redis in production) sees a change at once: a page whose version is not the current one is
rendered again. The version is the time of the last change in nanoseconds; it doubles as the
pages' Last-Modified.

Content changes are noticed by the signals of every content model of both apps (saves,
deletions, many-to-many changes), after the transaction commits. Bulk writes send no
signals: whatever writes through `bulk_create`, `QuerySet.update()` or raw SQL calls
`content_changed()`.

A scheduled visit goes public at its `publish_at` without any save: a page is only kept
until the next such moment, found with one query per content version.

Only anonymous GET and HEAD requests (no session or message cookie) of the public pages
are answered from the cache, and only a 200 response that sets no cookie, uses no CSRF
token and is not streamed is stored. Public pages carry an ETag (and, when cached,
Last-Modified); a conditional request for an unchanged page gets 304.
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language
from simple_history.models import HistoricalChanges

VERSION_KEY = "content-version"
CONTENT_APPS = ("sistercities", "visits")
# The URL namespaces of the public pages, and the service pages that show content.
PUBLIC_NAMESPACES = {"sistercities", "visits", "journalism"}
PUBLIC_SERVICE_PAGES = {"sitemap", "robots-txt"}
# Pages of old versions are never read again; this only bounds the memory they hold.
PAGE_TIMEOUT = 24 * 60 * 60
# Headers of the view's response that a cached copy keeps.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Access-Control-Allow-Origin", "Vary")


def content_changed(**_signal_arguments) -> None:
    """Invalidate every cached page once the current transaction commits (at once outside
    one). Call it after any write that sends no signals: bulk_create, update(), raw SQL."""
    transaction.on_commit(bump_version, robust=True)


def bump_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _is_content_model(model) -> bool:
    return model._meta.app_label in CONTENT_APPS and not issubclass(model, HistoricalChanges)


def connect_signals() -> None:
    """Called from SisterCitiesConfig.ready(): every content model invalidates on change."""
    for model in apps.get_models(include_auto_created=True):
        if not _is_content_model(model):
            continue
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
        if model._meta.auto_created:  # the through table of a many-to-many field
            m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def _m2m_changed(action, **kwargs):
    if action.startswith("post_"):
        content_changed()


# Scheduled publication ------------------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    """The latest publication time passed and the next one to come, as timestamps."""

    last: float
    next: float | None


def publication_times(version: int) -> Publication:
    """One query per content version, and again each time a scheduled visit goes public."""
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
    version: int
    expires: float | None  # the next scheduled publication
    last_modified: float
    etag: str
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @property
    def is_fresh(self) -> bool:
        return self.expires is None or time.time() < self.expires

    def response(self) -> HttpResponse:
        return self.label(HttpResponse(self.content, headers=dict(self.headers)))

    def label(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        return response


class PublicPageCacheMiddleware:
    """Last in MIDDLEWARE: the outer middleware add their headers to cached pages too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "_public_page", False) or not _is_complete_page(response):
            return response
        to_store = getattr(request, "_page_to_store", None)
        if to_store is not None and _is_shareable(request, response):
            _store(response, *to_store).label(response)
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        patch_cache_control(response, no_cache=True)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not _is_public(request.resolver_match):
            return None
        request._public_page = True
        if not settings.PORTAL_PAGE_CACHE or not _is_anonymous(request):
            return None
        key = _page_key(request)
        version = current_version()
        cached = cache.get(key)
        if cached is not None and cached.version == version and cached.is_fresh:
            return cached.response()
        request._page_to_store = (key, version)
        return None


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
    )


def _page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page:{get_language()}:{digest}"


def _etag(content: bytes) -> str:
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def _store(response, key: str, version: int) -> CachedPage:
    publication = publication_times(version)
    page = CachedPage(
        version=version,
        expires=publication.next,
        last_modified=max(version / 1e9, publication.last),
        etag=_etag(response.content),
        headers=tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name)),
        content=response.content,
    )
    timeout = PAGE_TIMEOUT
    if page.expires is not None:
        timeout = max(1, min(timeout, int(page.expires - time.time()) + 1))
    cache.set(key, page, timeout)
    return page
