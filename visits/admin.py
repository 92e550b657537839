"""Staff admin for visits and events.

Publishing is the Publisher's right (permission visits.publish_visit): the rule lives in
sistercities.publishing (visits' part in visits/publication.py), which every ContentAdmin
form, inline, deletion and revert asks; the "publish" action goes through
visits.services.visit_publish. VisitAdminForm offers an Editor only the statuses they may
choose, and asks for a correction note when a public report's text changes.
"""

import copy
from functools import cached_property

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from sistercities import publishing
from sistercities.admin import ContentAdmin, in_all_languages
from sistercities.admin_widgets import AdminFieldsMixin
from visits.models import (
    Correction,
    DelegationMember,
    Event,
    Meeting,
    Photo,
    PublicationStatus,
    Quote,
    Visit,
    is_released_by,
)
from visits.publication import missing_for_publication
from visits.services import visit_publish


@admin.register(Event)
class EventAdmin(ContentAdmin):
    list_display = ("name", "place", "country", "start_date", "end_date", "organiser")
    list_select_related = ("organiser",)
    list_filter = ("country",)
    search_fields = in_all_languages("name", "place")
    autocomplete_fields = ("organiser",)


class DelegationMemberInline(AdminFieldsMixin, TranslationTabularInline):
    model = DelegationMember
    fields = ("order", "person", "role", "title", "organisation")
    autocomplete_fields = ("person", "organisation")
    extra = 0


class MeetingInline(AdminFieldsMixin, TranslationStackedInline):
    model = Meeting
    fields = ("order", "date", "organisation", "host", "host_title", "topics")
    autocomplete_fields = ("organisation", "host")
    extra = 0


class QuoteInline(AdminFieldsMixin, TranslationStackedInline):
    model = Quote
    autocomplete_fields = ("speaker",)
    extra = 0


class PhotoInline(AdminFieldsMixin, TranslationStackedInline):
    model = Photo
    fields = ("order", "image", "caption", "alt_text", "credit")
    extra = 0


class CorrectionInline(AdminFieldsMixin, TranslationStackedInline):
    model = Correction
    extra = 0


# A public report's texts. Rewriting one that was written, in any language, is either a
# correction (a change of fact, logged for readers with a note) or not (a translation or
# wording fixed), and the editor says which; writing one that was empty (adding a
# translation) is neither.
REPORT_TEXT_FIELDS = ("title", "places", "purpose", "summary", "report")


class VisitAdminForm(forms.ModelForm):
    correction_note = forms.CharField(
        label=_("correction note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "When you change a fact in a report that is already public: a short note of "
            "what changed, shown to readers in the report's correction log."
        ),
    )
    no_change_of_fact = forms.BooleanField(
        label=_("no change of fact"),
        required=False,
        help_text=_(
            "Tick when you rewrote a public report's text without changing a fact (a "
            "translation or the wording): nothing is logged. Adding a missing translation "
            "needs neither."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The user is the one ContentAdmin gives every form (sistercities.admin_publishing).
        if not publishing.may_publish(self.publication_user, Visit):
            stored_status = self._stored[0]
            self.fields["status"].widget.choices = [
                (value, label)
                for value, label in PublicationStatus.choices
                if value in (PublicationStatus.DRAFT, stored_status)
            ]

    @cached_property
    def _stored(self):
        """Status and publication time in the database, whatever version the form shows
        (the revert view fills it from an old one)."""
        stored = None
        if self.instance.pk is not None:
            stored = (
                Visit.objects.filter(pk=self.instance.pk)
                .values_list("status", "publish_at")
                .first()
            )
        return stored or (PublicationStatus.DRAFT, None)

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if status is None:
            return cleaned_data
        self._check_correction_note(
            cleaned_data.get("correction_note"), cleaned_data.get("no_change_of_fact")
        )
        if status != PublicationStatus.DRAFT:
            visit = construct_instance(self, copy.copy(self.instance))
            missing = missing_for_publication(visit)
            if missing:
                raise ValidationError(
                    _("Missing before publication: %(fields)s"),
                    code="missing_for_publication",
                    params={"fields": ", ".join(missing)},
                )
        return cleaned_data

    def _check_correction_note(self, note, no_change_of_fact):
        stored_status, stored_publish_at = self._stored
        if not is_released_by(stored_status, stored_publish_at):
            return
        rewritten = [
            name
            for name in self.changed_data
            if name.rsplit("_", 1)[0] in REPORT_TEXT_FIELDS and (self.initial.get(name) or "")
        ]
        if note and no_change_of_fact:
            raise ValidationError(
                {
                    "no_change_of_fact": _(
                        "A correction note logs a change of fact: give the note or tick "
                        "“no change of fact”, not both."
                    )
                },
                code="correction_or_not",
            )
        if rewritten and not (note or no_change_of_fact):
            raise ValidationError(
                {
                    "correction_note": _(
                        "This report is public: say in a few words which fact you changed, "
                        "or tick “no change of fact” for a translation or wording."
                    )
                },
                code="correction_note_required",
            )


@admin.register(Visit)
class VisitAdmin(ContentAdmin):
    form = VisitAdminForm
    list_display = (
        "title",
        "relationship",
        "direction",
        "start_date",
        "status",
        "publish_at",
        "texts_complete",
    )
    list_select_related = ("relationship__home_city", "relationship__partner_city")
    list_filter = (
        "status",
        "direction",
        ("relationship__partner_city", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = "publish_at"
    search_fields = (*in_all_languages("title", "places", "summary"), "slug")
    autocomplete_fields = ("relationship", "related_event", "sources")
    prepopulated_fields = {"slug": ("title_tr",)}
    fieldsets = (
        (None, {"fields": ("relationship", "direction", "start_date", "end_date", "places")}),
        (_("Report"), {"fields": ("title", "slug", "summary", "purpose", "report")}),
        (_("Context and sources"), {"fields": ("related_event", "sources")}),
        (
            _("Publication"),
            {
                "fields": (
                    "status",
                    "publish_at",
                    "originally_published_on",
                    "correction_note",
                    "no_change_of_fact",
                )
            },
        ),
    )
    inlines = (DelegationMemberInline, MeetingInline, QuoteInline, PhotoInline, CorrectionInline)
    actions = ("publish_selected",)

    def has_publish_permission(self, request):
        return publishing.may_publish(request.user, Visit)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        note = form.cleaned_data.get("correction_note")
        if note:
            Correction.objects.create(visit=obj, note=note)

    @admin.display(description=_("texts complete"), boolean=True)
    def texts_complete(self, visit):
        return not missing_for_publication(visit)

    @admin.action(description=_("Publish selected visits now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        published, incomplete = 0, []
        for visit in queryset.exclude(status=PublicationStatus.PUBLISHED):
            if visit_publish(visit=visit, user=request.user):
                published += 1
            else:
                incomplete.append(str(visit))
        if published:
            self.message_user(
                request,
                ngettext("%(count)d visit published.", "%(count)d visits published.", published)
                % {"count": published},
                messages.SUCCESS,
            )
        if incomplete:
            self.message_user(
                request,
                _("Not published, texts missing: %(visits)s") % {"visits": "; ".join(incomplete)},
                messages.WARNING,
            )
