from django.urls import path
from django.utils.translation import gettext_lazy as _

from visits import photo_views, views

app_name = "visits"

urlpatterns = [
    path(_("visits/"), views.VisitListView.as_view(), name="visit-list"),
    path(_("visits/<slug:slug>/"), views.VisitDetailView.as_view(), name="visit-detail"),
    path(
        _("visits/<slug:slug>/photos/<int:pk>/"),
        photo_views.photo_detail,
        name="photo-detail",
    ),
    path(
        _("visits/<slug:slug>/photos/<int:pk>/download/"),
        photo_views.photo_download,
        name="photo-download",
    ),
]
