"""The portal's addresses plus one view that fails, to see the production error page."""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

SECRET_DETAIL = "connection string postgres://portal:hunter2@db/portal"


def broken(request):
    raise RuntimeError(SECRET_DETAIL)


urlpatterns = [path("broken/", broken), *portal_urlpatterns]
