"""Visits inside a relationship: who went, whom they met, what was said, the photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from sistercities.addresses import slug_url
from sistercities.models import Organisation, Person, PersonInRole, Relationship, Source
from sistercities.partial_dates import PartialDateField
from sistercities.search_text import Searchable
from visits import images


class Event(models.Model):
    """An event a delegation attended around a visit (a symposium on the way)."""

    name = models.CharField(_("name"), max_length=250)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    start_date = PartialDateField(_("start date"))
    end_date = PartialDateField(_("end date"))
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("organiser"),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date="") | Q(end_date__gte=F("start_date")),
                name="event_ends_on_or_after_it_starts",
                violation_error_message=_("An event ends on or after the day it starts."),
            )
        ]

    def __str__(self):
        return self.name


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("outgoing")
    INCOMING = "incoming", _("incoming")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    PUBLISHED = "published", _("published")


# A visit is public once it is released (published, or scheduled) and its publication time
# has come, within a published relationship. This is the one statement of that rule: the
# queryset, the instance check, the admin and the page cache use it, and the partial index
# of the public visits is built on RELEASED.
RELEASED = [PublicationStatus.PUBLISHED, PublicationStatus.SCHEDULED]


def is_released_by(status: str, publish_at, moment=None) -> bool:
    """Whether a visit with this status and publication time is public at `moment` (now)
    as far as its own publication goes; its relationship must be published too."""
    moment = moment or timezone.now()
    return status in RELEASED and publish_at is not None and publish_at <= moment


class VisitQuerySet(models.QuerySet):
    def released(self):
        """Visits that are public or will become so by themselves at their time."""
        return self.filter(status__in=RELEASED)

    def _released_and_due(self):
        return self.released().filter(publish_at__lte=timezone.now())

    def published(self):
        """Visits the public may see: released, their time come, their relationship public."""
        return self._released_and_due().filter(relationship__is_published=True)

    def for_relationship(self, relationship):
        return self.filter(relationship=relationship)

    def published_of(self, relationship):
        """published().for_relationship(relationship), the relationship's flag read from
        the instance rather than joined into the query."""
        if not relationship.is_published:
            return self.none()
        return self._released_and_due().filter(relationship=relationship)

    def upcoming(self):
        return self.filter(start_date__gte=timezone.localdate().isoformat())


class Visit(Searchable, models.Model):
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.PROTECT,
        related_name="visits",
        verbose_name=_("relationship"),
    )
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction)
    title = models.CharField(_("title"), max_length=250)
    start_date = PartialDateField(_("start date"))
    end_date = PartialDateField(_("end date"))
    places = models.CharField(_("places"), max_length=250, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and feeds.")
    )
    report = models.TextField(_("report"), blank=True)
    search_text = models.TextField(editable=False, default="")
    SEARCHED = ("title", "summary", "report", "places")
    related_event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("related event"),
    )
    status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=PublicationStatus,
        default=PublicationStatus.DRAFT,
    )
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("When a scheduled visit goes public; set on publication otherwise."),
    )
    # The report's own first appearance, kept apart from this record's publication and
    # changes (publish_at, updated_at): a 2019 news item loaded in 2026 is cited as of 2019.
    originally_published_on = models.DateField(
        _("originally published"),
        null=True,
        blank=True,
        help_text=_(
            "The day the report first appeared elsewhere, such as the municipality's news "
            "item. Leave empty if it first appears on this portal."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "-pk"]
        permissions = [("publish_visit", _("Can publish visits"))]
        indexes = [
            # The latest public reports (home page, feeds): read backwards, LIMIT n.
            models.Index(
                fields=["publish_at", "id"],
                condition=Q(status__in=RELEASED),
                name="visit_public_by_publish_at",
            ),
            # A relationship's visits in the timeline's order, and its visits by year. With
            # what makes a visit public alongside (PostgreSQL only), the timeline counts
            # them from the index alone, without reading the rows and their four reports.
            models.Index(
                fields=["relationship", "start_date", "id"],
                include=["status", "publish_at"],
                name="visit_relationship_by_date",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date="") | Q(end_date__gte=F("start_date")),
                name="visit_ends_on_or_after_it_starts",
                violation_error_message=_("A visit ends on or after the day it starts."),
            ),
            models.CheckConstraint(
                condition=Q(status=PublicationStatus.DRAFT) | Q(publish_at__isnull=False),
                name="visit_public_has_publication_time",
                violation_error_message=_("A scheduled or published visit needs a time."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("visits:visit-detail", self.slug)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": ValidationError(
                        _("A visit ends on or after the day it starts."), code="ends_before_start"
                    )
                }
            )
        if self.status == PublicationStatus.SCHEDULED and not self.publish_at:
            raise ValidationError(
                {
                    "publish_at": ValidationError(
                        _("Give the time at which the scheduled visit goes public."),
                        code="scheduled_without_time",
                    )
                }
            )
        if self.status == PublicationStatus.PUBLISHED and not self.publish_at:
            self.publish_at = timezone.now()

    @property
    def is_public(self) -> bool:
        """The instance's answer to VisitQuerySet.published()."""
        return is_released_by(self.status, self.publish_at) and self.relationship.is_published

    @property
    def partner_name_at_the_time(self) -> str:
        """The partner city as it was called then: "Kapchagay (today Konaev)"."""
        year = self.start_date.year if self.start_date else None
        return self.relationship.partner_city.name_at(year)


class DelegationMember(PersonInRole):
    """A member of the delegation, with the title held at the time of the visit."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="delegation", verbose_name=_("visit")
    )
    role = models.CharField(
        _("role in the delegation"), max_length=100, blank=True, help_text=_("Head, member…")
    )

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["visit", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "person"], name="delegation_member_once_per_visit"
            )
        ]


class Meeting(models.Model):
    """One stop of a visit: where the delegation went, who hosted it, what was discussed."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("visit")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    date = PartialDateField(_("date"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, verbose_name=_("organisation visited")
    )
    host = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("host")
    )
    host_title = models.CharField(_("host's title at the time"), max_length=250, blank=True)
    topics = models.TextField(_("topics"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["visit", "order", "pk"]

    def __str__(self):
        return str(self.organisation)


class Quote(models.Model):
    """Words said during a visit, as the source reports them."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("visit")
    )
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, verbose_name=_("speaker"))
    text = models.TextField(_("quoted words"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["visit", "order", "pk"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"


class PhotoQuerySet(models.QuerySet):
    def published(self):
        """Photos of visits the public may see."""
        return self.filter(visit__in=Visit.objects.published())


class Photo(models.Model):
    """A photo of a visit. The upload is kept private; the public sees the metadata-free
    renditions made when it is saved (visits/images.py)."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="photos", verbose_name=_("visit")
    )
    # A FileField judged by validate_photo: Django's ImageField would decode the upload to
    # read its size before our limits are checked.
    image = models.FileField(
        _("image"),
        upload_to=images.original_name,
        max_length=200,
        validators=[images.validate_photo],
        help_text=_(
            "A JPEG, PNG or WebP photo. The public only sees copies without camera or "
            "location data."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt_text = models.CharField(
        _("alt text"), max_length=300, help_text=_("What the photo shows, for screen readers.")
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["visit", "order", "pk"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        """Make the public copies of a new upload (or of one that has none yet) once."""
        if self.image and not (self.image._committed and self.renditions):
            self.renditions = images.make_renditions(images.read_upload(self.image))
            self.width, self.height = self.renditions["width"], self.renditions["height"]
            if self.image._committed:
                self.image.close()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:photo-detail", kwargs={"slug": self.visit.slug, "pk": self.pk})

    @cached_property
    def picture(self) -> images.Picture:
        return images.Picture(self.renditions)


class Correction(models.Model):
    """A public note of what changed in a published report."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("visit")
    )
    made_at = models.DateTimeField(_("made at"), default=timezone.now)
    note = models.TextField(_("what changed"))

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["visit", "made_at"]

    def __str__(self):
        return self.note[:80]
