"""The admin's relationship import (namespace "relationship-import")."""

from django.urls import path

from sistercities import import_views

app_name = "relationship-import"
urlpatterns = [
    path("", import_views.upload, name="upload"),
    path("<str:token>/", import_views.preview, name="preview"),
    path("<str:token>/confirm/", import_views.confirm, name="confirm"),
]
