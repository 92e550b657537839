"""A health check for the load balancer: is this process up, and can it reach the database?
It also says whether a page renderer takes this process's renders (pagecache.rendering):
without one the process renders in a thread of its own, which works, only slower."""

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
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    renderer = "running" if rendering.renderer_queue() is not None else "none"
    return JsonResponse({"status": "ok", "database": "ok", "page_renderer": renderer})
