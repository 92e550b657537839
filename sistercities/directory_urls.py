"""The partner directory, its map and figures (namespace "directory")."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from sistercities import directory_views

app_name = "directory"
urlpatterns = [
    path(_("partners/"), directory_views.partner_list, name="partner-list"),
    path(_("partners/map/"), directory_views.partner_map, name="partner-map"),
    path(_("partners/figures/"), directory_views.figures, name="figures"),
]
