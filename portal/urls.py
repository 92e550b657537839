from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from visits import photo_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("portal.service_urls")),
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
        include("importing.urls"),
    ),
    path(f"{settings.ADMIN_PATH}reports/", include("reports.admin_urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("public.urls")),
    path("", include("directory.urls")),
    path("", include("visits.urls")),
    path("", include("journalism.urls")),
    path("", include("reports.urls")),
)
