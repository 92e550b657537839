"""Cities, the people and organisations that act for them, their relationships and protocols."""

from dataclasses import dataclass

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from sistercities import documents
from sistercities.addresses import slug_url
from sistercities.mentions import named_publicly
from sistercities.partial_dates import PartialDate, PartialDateField
from sistercities.search_text import Searchable


def language_choices() -> list[tuple[str, str]]:
    """Every language Django can name, by its name in the active language."""
    named = [code for code, info in LANG_INFO.items() if "name" in info]
    return sorted(
        ((code, get_language_info(code)["name_translated"]) for code in named),
        key=lambda choice: choice[1],
    )


class MentionedQuerySet(models.QuerySet):
    def public(self):
        """Those that published content names (sistercities.mentions): a person known only
        from a draft visit or an unconfirmed relationship stays unknown to the public."""
        return self.filter(named_publicly(self.model))


class Source(models.Model):
    """Where a public fact comes from: a news report, a council decision, a list."""

    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language"),
        max_length=15,
        blank=True,
        choices=language_choices,
        help_text=_(
            "The language the source is written in (and its title, as it gives it). Pages "
            "in other languages say so."
        ),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published_on = PartialDateField(_("date published"))
    accessed_on = models.DateField(_("date accessed"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = MentionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]

    def __str__(self):
        return f"{self.title} — {self.publisher}" if self.publisher else self.title


def is_home_city() -> Q:
    """The municipality that runs the portal, named by its slug (PORTAL_HOME_CITY): the one
    statement of which city is home."""
    return Q(slug=settings.HOME_CITY_SLUG)


class CityQuerySet(models.QuerySet):
    def home(self):
        """The home city; City.DoesNotExist until it is recorded."""
        return self.get(is_home_city())

    def public(self):
        """The home city and the cities of published relationships: an imported city waits
        for its relationship to be confirmed, and a public organisation's city is not made
        public for that (its page would have no relationship to show)."""
        published = Relationship.objects.published()
        return self.filter(
            is_home_city()
            | Q(pk__in=published.values("home_city"))
            | Q(pk__in=published.values("partner_city"))
        )


# A Wikidata item: "Q" and a number without leading zeros (Q42, never Q042 or Q0). Python
# and PostgreSQL both read \Z as the very end ("$" would let a final newline through).
WIKIDATA_ITEM = r"^Q[1-9][0-9]*\Z"


class City(Searchable, models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("current name"), max_length=150)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=150, blank=True)
    search_text = models.TextField(editable=False, default="")
    SEARCHED = ("name", "region")
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    coat_of_arms = models.ImageField(_("coat of arms"), upload_to="cities/", blank=True)
    description = models.TextField(_("description"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata item"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                WIKIDATA_ITEM,
                message=_("A Wikidata item is Q followed by its number, such as Q64."),
                code="wikidata_item",
            )
        ],
        help_text=_("The city's item on Wikidata, such as Q64; empty if it is not known."),
    )

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="city_latitude_in_range",
                violation_error_message=_("Latitude lies between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="city_longitude_in_range",
                violation_error_message=_("Longitude lies between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=WIKIDATA_ITEM),
                name="city_wikidata_id_is_an_item",
                violation_error_message=_(
                    "A Wikidata item is Q followed by its number, such as Q64."
                ),
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="city_wikidata_id_once",
                violation_error_message=_("Another city already has this Wikidata item."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("sistercities:city-detail", self.slug)

    def clean(self):
        if self.wikidata_id:
            holder = City.objects.filter(wikidata_id=self.wikidata_id).exclude(pk=self.pk).first()
            if holder is not None:
                message = _("%(city)s already has this Wikidata item.") % {"city": holder}
                raise ValidationError(
                    {"wikidata_id": ValidationError(message, code="wikidata_item_taken")}
                )

    def name_in_year(self, year: int | None) -> str:
        """The name the city bore in a given year (Kapchagay in 2019, Konaev in 2023); in a
        year not known, its latest former name, the one older records use."""
        former = list(self.former_names.all())
        if year is None:
            latest = max(
                former,
                key=lambda name: (name.used_until_year is not None, name.used_until_year or 0),
                default=None,
            )
            return latest.name if latest else self.name
        for name in sorted(
            (name for name in former if name.used_until_year is not None),
            key=lambda name: name.used_until_year,
        ):
            if year < name.used_until_year:
                return name.name
        return self.name

    def name_at(self, year: int | None) -> str:
        """The name of the time, with today's after it if it has changed since: "Kapchagay
        (today Konaev)". The one way the public pages write a renamed city; a time not
        known (None) names the latest former name, so that the reader learns both."""
        old = self.name_in_year(year)
        if old == self.name:
            return self.name
        return str(_("%(old)s (today %(name)s)") % {"old": old, "name": self.name})


class FormerCityName(Searchable, models.Model):
    """A name the city bore before: Kapchagay, used until the 2022 rename to Konaev."""

    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("city")
    )
    name = models.CharField(_("former name"), max_length=150)
    search_text = models.TextField(editable=False, default="")
    SEARCHED = ("name",)
    used_until_year = models.PositiveSmallIntegerField(
        _("used until (year)"), null=True, blank=True, help_text=_("The year of the rename.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["city", "used_until_year"]

    def __str__(self):
        return self.name


class CityAlias(models.Model):
    """Another spelling of one place, merged explicitly and never by a fuzzy guess.

    Lists spell the same place differently ("Stari Grad (Sarajevo)" for "Sarajevo – Stari
    Grad"); an import reads `name` in `country` as `same_as`, the spelling it keeps.
    """

    name = models.CharField(_("alias"), max_length=150)
    country = CountryField(_("country"))
    same_as = models.CharField(
        _("same place as"), max_length=150, help_text=_("The spelling the portal keeps.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("city alias")
        verbose_name_plural = _("city aliases")
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="city_alias_once_per_country"),
            models.CheckConstraint(
                condition=~Q(name=F("same_as")),
                name="city_alias_differs_from_its_city",
                violation_error_message=_("An alias differs from the spelling it stands for."),
            ),
        ]

    def __str__(self):
        return f"{self.name} → {self.same_as}"


class Organisation(Searchable, models.Model):
    name = models.CharField(_("name"), max_length=250)
    search_text = models.TextField(editable=False, default="")
    SEARCHED = ("name", "short_name")
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("An acronym such as TDBB.")
    )
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("city"),
    )
    website = models.URLField(_("website"), blank=True)

    objects = MentionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Person(Searchable, models.Model):
    """A person; the title held at a given time lives where that time is recorded."""

    name = models.CharField(_("name"), max_length=150)
    search_text = models.TextField(editable=False, default="")
    SEARCHED = ("name",)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)

    objects = MentionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CooperationArea(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RelationshipKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("sister city")
    FRIENDSHIP = "friendship", _("friendship")
    COOPERATION = "cooperation", _("cooperation")


class RelationshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    ENDED = "ended", _("ended")


class RelationshipQuerySet(models.QuerySet):
    def published(self):
        """Relationships the public may see; imported ones wait for a Publisher."""
        return self.filter(is_published=True)

    def involving(self, city):
        """Relationships in which `city` (a city or its id) takes either side."""
        return self.filter(Q(home_city=city) | Q(partner_city=city))

    def with_current_status(self):
        """Annotate `current_status` from the latest status change."""
        latest = StatusChange.objects.filter(relationship=models.OuterRef("pk")).order_by(
            "-date", "-pk"
        )
        return self.annotate(current_status=models.Subquery(latest.values("status")[:1]))

    def between(self, city, other):
        return self.filter(
            Q(home_city=city, partner_city=other) | Q(home_city=other, partner_city=city)
        )


def latest_status(changes) -> str | None:
    """What with_current_status() annotates, from a relationship's status changes already
    read: the status of the latest by the stored date text (where an unknown date, "",
    is the earliest), then as entered."""
    latest = max(
        changes,
        key=lambda change: (change.date.isoformat() if change.date else "", change.pk),
        default=None,
    )
    return latest.status if latest else None


@dataclass(frozen=True)
class Founding:
    """When a relationship was established, and the protocol that founded it (either may
    be unknown)."""

    date: PartialDate | None
    protocol: "Protocol | None"


class Relationship(models.Model):
    """A relationship between the home municipality and a partner city."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    home_city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="+", verbose_name=_("home city")
    )
    partner_city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner city")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=RelationshipKind, default=RelationshipKind.SISTER_CITY
    )
    established_on = PartialDateField(_("established"))
    areas = models.ManyToManyField(
        CooperationArea, blank=True, related_name="relationships", verbose_name=_("areas")
    )
    summary = models.TextField(_("summary"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Shown on the public pages. Imported relationships wait for a Publisher."),
    )

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["partner_city__name"]
        permissions = [("publish_relationship", _("Can publish relationships"))]
        indexes = [
            # The few published relationships among the thousands an import brings.
            models.Index(
                fields=["partner_city"],
                condition=Q(is_published=True),
                name="relationship_published",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(home_city=F("partner_city")),
                name="relationship_city_is_not_its_own_sister",
                violation_error_message=_("A city cannot be its own sister."),
            ),
            models.UniqueConstraint(
                Least("home_city", "partner_city"),
                Greatest("home_city", "partner_city"),
                name="relationship_one_per_pair_of_cities",
                violation_error_message=_("These two cities already have a relationship."),
            ),
        ]

    def __str__(self):
        return f"{self.home_city} – {self.partner_city}"

    def get_absolute_url(self):
        return slug_url("sistercities:relationship-detail", self.slug)

    @cached_property
    def founding(self) -> Founding:
        """Its own date of establishment, else the earliest known signing of a protocol of
        its kind (a sister-city protocol for sister cities), which founds it; that protocol
        is named even where no date is known. Reads the prefetched protocols of a list."""
        founding = sorted(
            (protocol for protocol in self.protocols.all() if protocol.kind == self.kind),
            key=lambda p: (not p.signed_on, p.signed_on.isoformat() if p.signed_on else "", p.pk),
        )
        protocol = founding[0] if founding else None
        return Founding(
            date=self.established_on or (protocol.signed_on if protocol else None),
            protocol=protocol,
        )

    @property
    def public_name(self) -> str:
        """Both cities as they were called when it was founded, with today's names where
        they changed since: "Osmangazi – Kapchagay (today Konaev)" (City.name_at)."""
        date = self.founding.date
        year = date.year if date else None
        return f"{self.home_city.name_at(year)} – {self.partner_city.name_at(year)}"

    def clean(self):
        if self.home_city_id and self.home_city_id == self.partner_city_id:
            raise ValidationError(
                {
                    "partner_city": ValidationError(
                        _("A city cannot be its own sister."), code="own_sister"
                    )
                }
            )
        if self.home_city_id and self.partner_city_id:
            pair = Relationship.objects.between(self.home_city_id, self.partner_city_id)
            if pair.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "partner_city": ValidationError(
                            _("These two cities already have a relationship."),
                            code="duplicate_pair",
                        )
                    }
                )


class StatusChange(models.Model):
    """A dated change of a relationship's status and the decision behind it.

    Turkish municipalities need a council decision, and for a relationship abroad the
    ministry's approval (Municipal Law 5393, art. 74).
    """

    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("relationship"),
    )
    status = models.CharField(_("status"), max_length=20, choices=RelationshipStatus)
    date = PartialDateField(_("date"))
    council_decision_number = models.CharField(
        _("council decision number"), max_length=50, blank=True
    )
    council_decision_date = PartialDateField(_("council decision date"))
    ministry_approval = models.CharField(
        _("ministry approval"),
        max_length=200,
        blank=True,
        help_text=_("Reference of the approval, where Municipal Law 5393 art. 74 asks for one."),
    )
    ministry_approval_date = PartialDateField(_("ministry approval date"))
    note = models.TextField(_("note"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["relationship", "date", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.date or _('date unknown')})"


class ProtocolKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("sister-city protocol")
    FRIENDSHIP = "friendship", _("friendship protocol")
    COOPERATION = "cooperation", _("cooperation memorandum")
    OTHER = "other", _("other agreement")


class ProtocolQuerySet(models.QuerySet):
    def published(self):
        """Protocols the public may see: those of published relationships."""
        return self.filter(relationship__is_published=True)


class Protocol(models.Model):
    """A signed agreement within a relationship."""

    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="protocols",
        verbose_name=_("relationship"),
    )
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProtocolKind)
    title = models.CharField(_("title"), max_length=250)
    signed_on = PartialDateField(_("signed on"))
    signed_at = models.CharField(_("place of signing"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    document = documents.DocumentField(
        _("scanned document"),
        upload_to="protocols/",
        blank=True,
        validators=[documents.validate_document],
        help_text=_(
            "A PDF without scripts or attached files, or a JPEG or PNG scan. The public may "
            "download it while the relationship is published."
        ),
    )
    council_decision_number = models.CharField(
        _("council decision number"), max_length=50, blank=True
    )
    council_decision_date = PartialDateField(_("council decision date"))
    ministry_approval = models.CharField(_("ministry approval"), max_length=200, blank=True)
    areas = models.ManyToManyField(
        CooperationArea, blank=True, related_name="protocols", verbose_name=_("areas")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")
        ordering = ["relationship", "signed_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sistercities:protocol-detail", kwargs={"slug": self.slug})


class PersonInRole(models.Model):
    """A person as they took part in something: with the title and the organisation they
    had then, which a later change of office does not rewrite."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, verbose_name=_("person"))
    title = models.CharField(_("title at the time"), max_length=250, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("organisation at the time"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.person}, {self.title}" if self.title else str(self.person)


class Signatory(PersonInRole):
    protocol = models.ForeignKey(
        Protocol, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("protocol")
    )

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["protocol", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "person"], name="signatory_once_per_protocol"
            )
        ]
