from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The configuration package as an app, last: once every app's admin module is
    imported, it adjusts the admin's registry before anything reads it."""

    name = "portal"
    default = True  # the module holds AxesConfig too

    def ready(self):
        from django.contrib import admin

        from portal import axes_admin
        from sistercities.admin_numbers import guard_date_hierarchies

        axes_admin.register(admin.site)
        guard_date_hierarchies(admin.site)


class AxesConfig(AxesAppConfig):
    """django-axes under a name staff read in their language, not its label "Axes"."""

    verbose_name = _("Sign-in control")
