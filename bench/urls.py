"""The portal's URLs and /bench/floor/: the least a Django view of this project can do,
through the same middleware, as the benchmark's yardstick."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_patterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *portal_patterns]
