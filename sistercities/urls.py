from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from sistercities import views
from visits import photo_views

# The public pages of cities, relationships and protocols (namespace "sistercities"); the
# path segments are translated, /tr/iliskiler/… in Turkish.
site_patterns = [
    path("", views.home, name="home"),
    path(_("relationships/"), views.RelationshipListView.as_view(), name="relationship-list"),
    path(_("relationships/<slug:slug>/"), views.relationship_detail, name="relationship-detail"),
    path(_("cities/<slug:slug>/"), views.city_detail, name="city-detail"),
    path(_("protocols/<slug:slug>/"), views.ProtocolDetailView.as_view(), name="protocol-detail"),
    path(_("search/"), views.search, name="search"),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("sistercities.service_urls")),
]
if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # Photos' public renditions from the local media folder; object storage serves its own.
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.lstrip('/')}<path:name>",
            photo_views.serve_rendition,
            name="photo-rendition",
        )
    )
urlpatterns += i18n_patterns(
    path(
        f"{settings.ADMIN_PATH}sistercities/relationship/import/",
        include("sistercities.import_urls"),
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include((site_patterns, "sistercities"))),
    path("", include("sistercities.directory_urls")),
    path("", include("visits.urls")),
    path("", include("sistercities.journalism_urls")),
)
