"""A health check for the load balancer: is this process up, and can it reach the database?

Everyone gets the status code (200, or 503 when the database does not answer) and
{"status": "ok"} or {"status": "error"}; only signed-in staff, or a request bearing
settings.PORTAL_HEALTH_TOKEN (`Authorization: Bearer …`), also get what failed and whether a
page renderer takes this process's renders (pagecache.rendering): without one the process
renders in a thread of its own, which works, only slower. While the database, which holds
the sessions, does not answer, only the token shows the detail.
"""

import hmac

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from pagecache import rendering


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        detailed = _bears_the_token(request)
        answer = {"status": "error", **({"database": "unavailable"} if detailed else {})}
        return JsonResponse(answer, status=503)
    if _bears_the_token(request) or request.user.is_staff:
        renderer = "running" if rendering.renderer_queue() is not None else "none"
        return JsonResponse({"status": "ok", "database": "ok", "page_renderer": renderer})
    return JsonResponse({"status": "ok"})


def _bears_the_token(request) -> bool:
    token = settings.PORTAL_HEALTH_TOKEN
    scheme, _, credentials = request.headers.get("Authorization", "").strip().partition(" ")
    if not token or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(credentials.strip().encode(), token.encode())
