"""The site's URLs plus the local serving of renditions, as sistercities/urls.py is to
mount it while media stay in a local folder."""

from django.urls import path

from sistercities.urls import urlpatterns as site_urlpatterns
from visits.photo_views import serve_rendition

urlpatterns = [
    path("media/<path:name>", serve_rendition, name="photo-rendition"),
    *site_urlpatterns,
]
