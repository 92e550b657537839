from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalismConfig(AppConfig):
    name = "journalism"
    verbose_name = _("Journalism")
