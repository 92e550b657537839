"""Translated fields (django-modeltranslation), then history for every model.

History is registered here, after the translation fields exist, so that the history
tables carry the _tr/_en/_kk/_ru columns too.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from sistercities.models import (
    City,
    CityAlias,
    CooperationArea,
    FormerCityName,
    Organisation,
    Person,
    Protocol,
    Relationship,
    Signatory,
    Source,
    StatusChange,
)


@register(City)
class CityTranslation(TranslationOptions):
    fields = ("name", "region", "description", "search_text")


@register(FormerCityName)
class FormerCityNameTranslation(TranslationOptions):
    fields = ("name", "note", "search_text")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "search_text")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "search_text")


@register(CooperationArea)
class CooperationAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Relationship)
class RelationshipTranslation(TranslationOptions):
    fields = ("summary",)


@register(StatusChange)
class StatusChangeTranslation(TranslationOptions):
    fields = ("note",)


@register(Protocol)
class ProtocolTranslation(TranslationOptions):
    fields = ("title", "signed_at", "summary")


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("title",)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("note",)


for model in (
    City,
    CityAlias,
    FormerCityName,
    Organisation,
    Person,
    CooperationArea,
    Relationship,
    StatusChange,
    Protocol,
    Signatory,
    Source,
):
    register_history(model, app=model._meta.app_label)
