"""What keeps the portal safe on the open internet, beyond Django's own middleware.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy and
Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware sends X-Frame-Options; this module
adds a strict Content-Security-Policy and a Permissions-Policy to every response, refuses
NUL bytes in addresses, finds the visitor's address behind the proxy for django-axes, and
renders axes' lock-out page (the lock-outs themselves: portal/lockouts.py).

A view may state directives of its own in its response's Content-Security-Policy (the
embeddable timeline its frame-ancestors, journalism/framing.py): they replace the strict
policy's directives of the same name, and the rest of the strict policy still applies. Its
own headers come back from the page cache, where attributes of the response would not.
"""

import base64
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.shortcuts import render

from portal.lockouts import is_address_locked_out

# Features no page of the portal uses: the browser refuses them to every frame and script.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


def _style_hash(declarations: str) -> str:
    digest = hashlib.sha256(declarations.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


# The one style attribute the admin writes: django-simple-history's history list has
# <p class="paginator" style="border-top: 0">. Allowed by its hash, in the admin only.
ADMIN_STYLE_ATTRIBUTES = ["'unsafe-hashes'", _style_hash("border-top: 0")]


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _origins(*urls: str) -> list[str]:
    return list(dict.fromkeys(origin for origin in map(_origin, urls) if origin))


def content_security_policy(*, admin_site: bool) -> str:
    """Scripts, styles, images and fonts from the site itself, nothing inline. Static files
    may come from a CDN in STATIC_URL, photos from the object storage (or its CDN domain)
    that serves uploads; uploads are images only, never scripts or styles. The admin,
    translation tabs included, runs under the same policy but for one known style attribute.
    """
    static = ["'self'", *_origins(settings.STATIC_URL)]
    media = _origins(default_storage.url("photos/renditions/"))
    directives = {
        "default-src": ["'self'"],
        "script-src": static,
        "style-src": static,
        "img-src": list(dict.fromkeys([*static, *media])),
        "font-src": static,
        "media-src": ["'self'", *media],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    if admin_site:
        directives["style-src-attr"] = ADMIN_STYLE_ATTRIBUTES
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _directives(policy: str) -> dict[str, str]:
    """{"frame-ancestors": "'none'", …} of a policy's text."""
    parts = (part.strip().partition(" ") for part in policy.split(";"))
    return {name.lower(): sources.strip() for name, _space, sources in parts if name}


def with_own_directives(policy: str, own: str) -> str:
    """The policy, with the directives a view stated replacing those of the same name."""
    merged = {**_directives(policy), **_directives(own)}
    return "; ".join(f"{name} {sources}" for name, sources in merged.items())


def _in_admin(path: str) -> bool:
    """Is this address the admin's, under any language prefix?"""
    admin_path = settings.ADMIN_PATH.strip("/")
    head, _slash, rest = path.lstrip("/").partition("/")
    return rest == admin_path or rest.startswith(f"{admin_path}/") or head == admin_path


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response, static files and
    error pages included (it sits before WhiteNoise in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policies = {
            in_admin: content_security_policy(admin_site=in_admin) for in_admin in (False, True)
        }

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = _in_admin(request.path)
        policy = self.policies[in_admin]
        own = response.headers.get("Content-Security-Policy")
        framed_by = "'none'"
        if own:
            policy = with_own_directives(policy, own)
            framed_by = _directives(own).get("frame-ancestors", framed_by)
        response.headers["Content-Security-Policy"] = policy
        if in_admin:
            # Kept out of search engines by a header, so robots.txt need not name the path.
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Static files answered by WhiteNoise never reach XFrameOptionsMiddleware; a page
        # that names who may frame it must not be denied to them by X-Frame-Options.
        if framed_by == "'none'":
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


class NulByteInAddress(SuspiciousOperation):
    """No address of the portal holds a NUL byte, and PostgreSQL refuses one in a query."""


class RejectNulBytesMiddleware:
    """Answer 400 Bad Request to a NUL byte in the path or the query string, before any
    view puts it into a database query (Django's forms already refuse it in posted data)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameters = (part for key, values in request.GET.lists() for part in (key, *values))
        if "\x00" in request.path or any("\x00" in part for part in parameters):
            raise NulByteInAddress("NUL byte in the request address")
        return self.get_response(request)


def client_ip(request) -> str | None:
    """The visitor's address for django-axes (AXES_CLIENT_IP_CALLABLE).

    Behind TRUSTED_PROXY_COUNT proxies, each appending the address it saw to
    X-Forwarded-For, the visitor is that many entries from the right; anything further left
    was written by the client and is not trusted.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, response=None, credentials=None):
    """Axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): the admin's own page
    saying why (the account from this address, or the address) and for how long, with
    status 429."""
    address_locked = is_address_locked_out(request)
    context = {
        **admin.site.each_context(request),
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "address_locked": address_locked,
        "failure_limit": (
            settings.AXES_ADDRESS_FAILURE_LIMIT if address_locked else settings.AXES_FAILURE_LIMIT
        ),
    }
    return render(request, "admin/locked_out.html", context, status=429)
