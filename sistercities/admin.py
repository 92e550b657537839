"""Staff admin for cities, relationships, protocols and the people and sources behind them.

Every admin is a tabbed translation admin (one tab per language, jQuery UI served from
static/vendor/) with django-simple-history's history and revert views.
"""

from django.conf import settings
from django.contrib import admin
from django.db import router, transaction
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from sistercities.admin_numbers import HistoryIdsGuard
from sistercities.admin_widgets import SafeAutocompleteMixin
from sistercities.concurrent_edits import EditGuard, guarded_form, with_token_fieldset
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
    HistoryIdsGuard, SafeAutocompleteMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    """History and revert (SimpleHistoryAdmin) over language tabs (TabbedTranslationAdmin);
    a page someone else saved since it was opened is not saved over them
    (sistercities/concurrent_edits.py)."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.form = guarded_form(self.form, EditGuard.for_admin(self))

    def get_fieldsets(self, request, obj=None):
        return with_token_fieldset(super().get_fieldsets(request, obj), obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restore a version in one transaction, as the change page saves, so that its
        check can lock the row."""
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ("title", "language", "publisher", "published_on", "accessed_on")
    search_fields = ("title", "publisher", "url")


class FormerCityNameInline(SafeAutocompleteMixin, TranslationTabularInline):
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


class StatusChangeInline(SafeAutocompleteMixin, TranslationStackedInline):
    model = StatusChange
    extra = 0
    autocomplete_fields = ("sources",)


class ProtocolLinkInline(SafeAutocompleteMixin, TranslationTabularInline):
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
        return request.user.has_perm("sistercities.publish_relationship")

    def get_readonly_fields(self, request, obj=None):
        """Only a Publisher shows a relationship to the public or hides it again."""
        readonly = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            readonly = (*readonly, "is_published")
        return readonly

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            obj.is_published = False
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_status()

    @admin.action(description=_("Publish selected relationships"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        for relationship in queryset.filter(is_published=False):
            relationship.is_published = True
            relationship._history_user = request.user
            relationship.save(update_fields=["is_published"])

    @admin.display(description=_("current status"), ordering="current_status")
    def current_status(self, relationship):
        status = relationship.current_status
        return RelationshipStatus(status).label if status else None


class SignatoryInline(SafeAutocompleteMixin, TranslationTabularInline):
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
