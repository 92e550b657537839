"""What a visit needs before the public may see it, what the public sees of its
publication (the rules sistercities.publishing applies to visits and their corrections),
and when it was published; shared by the admin, the visit pages, the feeds and the
exports."""

import datetime

from django.conf import settings
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sistercities.publishing import PublicationRule, register
from visits.models import RELEASED, Correction, Visit

# What a report needs before it goes public, in each of settings.PUBLICATION_LANGUAGES
# (the portal's first language unless configured): the other languages' readers get the
# text of another with the notice that says so.
REQUIRED_FIELDS = ("title", "report")


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
        for language in settings.PUBLICATION_LANGUAGES
        if not (getattr(visit, f"{field}_{language}") or "").strip()
    ]


def first_published(visit: Visit) -> datetime.date | datetime.datetime:
    """When the report first appeared: the day of the original (the municipality's news
    item) where staff gave it, else the moment this portal published it."""
    return visit.originally_published_on or visit.publish_at


def first_published_moment(visit: Visit) -> datetime.datetime:
    """first_published() as a moment, for what needs one (Atom): the original's day from
    its start in the portal's time zone."""
    day = visit.originally_published_on
    if day is None:
        return visit.publish_at
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def last_updated(visit: Visit):
    """When the public version last changed: a scheduled report edited before it went
    public was last updated when it appeared."""
    return max(visit.updated_at, visit.publish_at)


def lead_photo(visit: Visit):
    """The visit's first photo with public copies, from the prefetched photos. The upload
    itself is never shown: it may carry camera and location data (visits/images.py)."""
    return next((photo for photo in visit.photos.all() if photo.picture), None)


def publication_moments(moment):
    """The latest publication time of a released visit up to `moment` and the first after
    it: the cached pages are kept until then (pagecache.schedule)."""
    times = Visit.objects.released().aggregate(
        last=Max("publish_at", filter=Q(publish_at__lte=moment)),
        next=Min("publish_at", filter=Q(publish_at__gt=moment)),
    )
    return times["last"], times["next"]


def visit_face(visit: Visit):
    """What the public sees of a visit's publication: nothing of a draft; of a released
    visit its status, its time (to the second, the admin widget's precision) and the
    relationship whose timeline shows it."""
    if visit.status not in RELEASED:
        return None
    moment = visit.publish_at.replace(microsecond=0) if visit.publish_at else None
    return visit.status, moment, visit.relationship_id


def correction_face(correction: Correction):
    """A public report's correction notes, in every language, are part of its record."""
    released = Visit.objects.filter(pk=correction.visit_id, status__in=RELEASED).exists()
    if not released:
        return None
    notes = tuple(value for name, value in vars(correction).items() if name.startswith("note"))
    return correction.visit_id, notes


def register_rules() -> None:
    """Tell sistercities.publishing what publication means for visits (VisitsConfig.ready)."""
    register(
        Visit,
        PublicationRule(
            permission="visits.publish_visit",
            face=visit_face,
            message=gettext_lazy(
                "Only a publisher can schedule, publish or withdraw a visit, change its "
                "publication time or move a released visit to another relationship."
            ),
            field="status",
            public_when_created=lambda visit: visit.status in RELEASED,
        ),
    )
    register(
        Correction,
        PublicationRule(
            permission="visits.publish_visit",
            face=correction_face,
            message=gettext_lazy(
                "Only a publisher can change or delete the correction notes of a released "
                "report; add a new note instead."
            ),
        ),
    )
