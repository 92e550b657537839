from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")

    def ready(self):
        from sistercities import caching

        caching.connect_signals()
