"""The partner directory, its map and figures (namespace "directory")."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from directory import views

app_name = "directory"
urlpatterns = [
    path(_("partners/"), views.partner_list, name="partner-list"),
    path(_("partners/map/"), views.partner_map, name="partner-map"),
    path(_("partners/figures/"), views.figures, name="figures"),
]
