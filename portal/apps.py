from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The configuration package as an app, last: once every app's admin module is
    imported, it adjusts the admin's registry before anything reads it."""

    name = "portal"

    def ready(self):
        from django.contrib import admin

        from portal import axes_admin
        from sistercities.admin_numbers import guard_date_hierarchies

        axes_admin.register(admin.site)
        guard_date_hierarchies(admin.site)
