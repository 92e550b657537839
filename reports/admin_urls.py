"""The staff's reports inside the admin (namespace "reports-admin")."""

from django.urls import path

from reports import admin_views

app_name = "reports-admin"
urlpatterns = [
    path("health/", admin_views.relationship_health_page, name="relationship-health"),
]
