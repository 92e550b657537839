"""What a visit needs before the public may see it; shared by the admin and the public site."""

from django.conf import settings
from django.utils.translation import gettext as _

from visits.models import Visit

# A public report is read by Turkish and English readers first; Kazakh and Russian follow.
REQUIRED_FIELDS = ("title", "report")
REQUIRED_LANGUAGES = ("tr", "en")


def missing_for_publication(visit: Visit) -> list[str]:
    """The texts still empty, named in the active language: ["title (English)", …]."""
    language_names = dict(settings.LANGUAGES)
    return [
        _("%(field)s (%(language)s)")
        % {
            "field": Visit._meta.get_field(field).verbose_name,
            "language": language_names[language],
        }
        for field in REQUIRED_FIELDS
        for language in REQUIRED_LANGUAGES
        if not (getattr(visit, f"{field}_{language}") or "").strip()
    ]
