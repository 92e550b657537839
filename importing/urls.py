"""The admin's relationship import (namespace "relationship-import")."""

from django.urls import path

from importing import views

app_name = "relationship-import"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<str:token>/", views.preview, name="preview"),
    path("<str:token>/confirm/", views.confirm, name="confirm"),
]
