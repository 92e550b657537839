from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The configuration package as an app, last: what it changes in other apps' admin is
    in place before anything reads the admin's registry."""

    name = "portal"

    def ready(self):
        from django.contrib import admin

        from portal import axes_admin

        axes_admin.register(admin.site)
