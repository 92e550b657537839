"""How the page cache follows visits (pagecache.invalidation.follow): which saves withdraw
a report from the public, and which pages to render again once a change commits."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from visits.models import Visit, is_released_by


def withdraws(before, after) -> bool:
    """A visit taken back from the public: made a draft or scheduled for later."""
    if not isinstance(before, Visit):
        return False
    was_public = is_released_by(before.status, before.publish_at)
    return was_public and not is_released_by(after.status, after.publish_at)


def pages_of(instance) -> list[str]:
    """The pages a public visit (or a part of one) is read on most, in every language:
    its report, its relationship's timeline and the home page."""
    visit = instance if isinstance(instance, Visit) else getattr(instance, "visit", None)
    if not isinstance(visit, Visit) or not visit.is_public:
        return []
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [
                visit.get_absolute_url(),
                visit.relationship.get_absolute_url(),
                reverse("sistercities:home"),
            ]
    return paths
