"""Staff admin for cities, relationships, protocols and the people and sources behind them.

Every admin is a tabbed translation admin (one tab per language, jQuery UI served from
static/vendor/) with django-simple-history's history and revert views. A change of what
the public sees, on any of their pages, passes sistercities.publishing.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from sistercities import publishing
from sistercities.admin_history import ReadableHistory
from sistercities.admin_numbers import HistoryIdsGuard
from sistercities.admin_publishing import publication_guarded_form, publication_guarded_formset
from sistercities.admin_search import FoldedSearch
from sistercities.admin_widgets import AdminFieldsMixin, DocumentInput
from sistercities.concurrent_edits import EditGuard, guarded_form, with_token_fieldset
from sistercities.date_input import DateFormField
from sistercities.documents import download
from sistercities.models import (
    City,
    CooperationArea,
    FormerCityName,
    Organisation,
    Person,
    Protocol,
    Relationship,
    RelationshipStatus,
    Signatory,
    Source,
    StatusChange,
)

admin.site.site_header = _("Sister-city portal: staff")
admin.site.site_title = _("Sister-city portal")
admin.site.index_title = _("Content")


def in_all_languages(*fields: str) -> tuple[str, ...]:
    """Search a translated field in every language, not only the active one."""
    return tuple(
        build_localized_fieldname(field, language)
        for field in fields
        for language in settings.MODELTRANSLATION_LANGUAGES
    )


class ContentAdmin(
    ReadableHistory,
    FoldedSearch,
    HistoryIdsGuard,
    AdminFieldsMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    """History and revert (SimpleHistoryAdmin) over language tabs (TabbedTranslationAdmin);
    a page someone else saved since it was opened is not saved over them
    (sistercities/concurrent_edits.py); a change of publication needs the Publisher
    (sistercities/publishing.py), on the form, the inlines, deletions and reverts alike."""

    formfield_overrides = {
        **AdminFieldsMixin.formfield_overrides,
        models.DateField: {"form_class": DateFormField},
    }

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.form = guarded_form(self.form, EditGuard.for_admin(self))

    def get_fieldsets(self, request, obj=None):
        return with_token_fieldset(super().get_fieldsets(request, obj), obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return publication_guarded_form(form, request.user)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield publication_guarded_formset(formset, request.user), inline

    def has_delete_permission(self, request, obj=None):
        """Deleting public content is withdrawing it: the delete page, the "delete
        selected" action and the rows a deletion would take with it all ask here."""
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None:
            return publishing.deletion_refusal(user=request.user, instance=obj) is None
        return allowed

    def save_model(self, request, obj, form, change):
        publishing.check_save(user=request.user, instance=obj)
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting is changing: the revert page needs the change permission on the
        object (django-simple-history asks for view or change), and its form passes the
        publication rule like the change page's. The version is restored in one
        transaction, as the change page saves, so that its check can lock the row. Ids
        that are no numbers are refused before (HistoryIdsGuard)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ("title", "language", "publisher", "published_on", "accessed_on")
    search_fields = ("title", "publisher", "url")


class FormerCityNameInline(AdminFieldsMixin, TranslationTabularInline):
    model = FormerCityName
    extra = 0


@admin.register(City)
class CityAdmin(ContentAdmin):
    list_display = ("name", "former_names_column", "country", "region", "wikidata_id")
    list_filter = ("country",)
    search_fields = (*in_all_languages("name", "former_names__name"), "slug", "wikidata_id")
    prepopulated_fields = {"slug": ("name_tr",)}
    inlines = (FormerCityNameInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("former_names")

    @admin.display(description=_("former names"))
    def former_names_column(self, city):
        return ", ".join(former.name for former in city.former_names.all())


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ("name", "short_name", "city")
    list_select_related = ("city",)
    search_fields = in_all_languages("name", "short_name")
    autocomplete_fields = ("city",)


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    list_display = ("name", "slug")
    search_fields = (*in_all_languages("name"), "slug")
    prepopulated_fields = {"slug": ("name_tr",)}


@admin.register(CooperationArea)
class CooperationAreaAdmin(ContentAdmin):
    list_display = ("name", "slug")
    search_fields = (*in_all_languages("name"), "slug")
    prepopulated_fields = {"slug": ("name_tr",)}


class StatusChangeInline(AdminFieldsMixin, TranslationStackedInline):
    model = StatusChange
    extra = 0
    autocomplete_fields = ("sources",)


class ProtocolLinkInline(AdminFieldsMixin, TranslationTabularInline):
    """The relationship's protocols, each linking to its own page with its signatories."""

    model = Protocol
    fields = ("title", "kind", "signed_on", "slug")
    prepopulated_fields = {"slug": ("title_tr",)}
    show_change_link = True
    extra = 0


@admin.register(Relationship)
class RelationshipAdmin(ContentAdmin):
    list_display = ("__str__", "kind", "current_status", "established_on", "is_published")
    list_select_related = ("home_city", "partner_city")
    list_filter = ("is_published", "kind")
    search_fields = (*in_all_languages("home_city__name", "partner_city__name"), "slug")
    autocomplete_fields = ("home_city", "partner_city", "areas", "sources")
    inlines = (StatusChangeInline, ProtocolLinkInline)
    actions = ("publish_selected",)

    def has_publish_permission(self, request):
        return publishing.may_publish(request.user, Relationship)

    def get_readonly_fields(self, request, obj=None):
        """Only a Publisher shows a relationship to the public or hides it again."""
        readonly = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            readonly = (*readonly, "is_published")
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_status()

    @admin.action(description=_("Publish selected relationships"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        for relationship in queryset.filter(is_published=False):
            publishing.relationship_set_published(
                relationship=relationship, published=True, user=request.user
            )

    @admin.display(description=_("current status"), ordering="current_status")
    def current_status(self, relationship):
        status = relationship.current_status
        return RelationshipStatus(status).label if status else None


class SignatoryInline(AdminFieldsMixin, TranslationTabularInline):
    model = Signatory
    autocomplete_fields = ("person", "organisation")
    extra = 0


@admin.register(Protocol)
class ProtocolAdmin(ContentAdmin):
    list_display = ("title", "relationship", "kind", "signed_on")
    list_select_related = ("relationship__home_city", "relationship__partner_city")
    list_filter = ("kind", ("relationship__partner_city", admin.RelatedOnlyFieldListFilter))
    search_fields = (*in_all_languages("title", "summary"), "council_decision_number")
    autocomplete_fields = ("relationship", "areas", "sources")
    prepopulated_fields = {"slug": ("title_tr",)}
    inlines = (SignatoryInline,)

    def get_urls(self):
        document = path(
            "<path:object_id>/document/",
            self.admin_site.admin_view(self.document_view),
            name="sistercities_protocol_document",
        )
        return [document, *super().get_urls()]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "document":
            kwargs["widget"] = DocumentInput(self._document_url)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _document_url(self, file) -> str:
        name = f"{self.admin_site.name}:sistercities_protocol_document"
        return reverse(name, args=[quote(file.instance.pk)])

    def document_view(self, request, object_id):
        """The scanned document, to staff who may view the protocol, published or not."""
        protocol = self.get_object(request, unquote(object_id))
        if protocol is None:
            raise Http404
        if not self.has_view_permission(request, protocol):
            raise PermissionDenied
        return download(protocol)
