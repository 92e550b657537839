"""What every public page's footer carries: the office's contact and the notices a
municipal site owes its readers (privacy, accessibility), written by staff in the admin."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

OFFICE_ID = 1


class Office(models.Model):
    """The office that runs the portal, as readers reach it. There is one."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=OFFICE_ID, editable=False)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Such as “Foreign Relations Office”.")
    )
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("Readers write here, about an accessibility problem too."),
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("office contact")
        verbose_name_plural = _("office contact")
        constraints = [
            models.CheckConstraint(
                condition=Q(id=OFFICE_ID),
                name="office_is_the_only_one",
                violation_error_message=_("The portal has one office contact."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def phone_uri(self) -> str:
        """tel:+902242222222 for "+90 224 222 22 22": digits and a leading plus only."""
        digits = "".join(char for char in self.phone if char.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}"


class NoticeKind(models.TextChoices):
    PRIVACY = "privacy", _("privacy notice")
    ACCESSIBILITY = "accessibility", _("accessibility statement")


# The URL name of each notice's page (public/urls.py).
NOTICE_PAGES = {NoticeKind.PRIVACY: "privacy", NoticeKind.ACCESSIBILITY: "accessibility"}


class Notice(models.Model):
    """A notice with a page of its own, linked from every footer: one of each kind."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=NoticeKind, unique=True, editable=False
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; an empty line starts a new paragraph.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["kind"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"sistercities:{NOTICE_PAGES[self.kind]}")
