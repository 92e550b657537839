"""The public pages of cities, relationships and protocols; the path segments are
translated, /tr/iliskiler/… in Turkish. The namespace stays "sistercities", the name every
link and test has used since before these pages had an app of their own."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from public import views
from public.models import NoticeKind

app_name = "sistercities"
urlpatterns = [
    path("", views.home, name="home"),
    path(_("relationships/"), views.RelationshipListView.as_view(), name="relationship-list"),
    path(_("relationships/<slug:slug>/"), views.relationship_detail, name="relationship-detail"),
    path(_("cities/<slug:slug>/"), views.city_detail, name="city-detail"),
    path(_("protocols/<slug:slug>/"), views.ProtocolDetailView.as_view(), name="protocol-detail"),
    path(_("protocols/<slug:slug>/document/"), views.protocol_document, name="protocol-document"),
    path(_("search/"), views.search, name="search"),
    path(_("privacy/"), views.notice, {"kind": NoticeKind.PRIVACY}, name="privacy"),
    path(
        _("accessibility/"), views.notice, {"kind": NoticeKind.ACCESSIBILITY}, name="accessibility"
    ),
]
