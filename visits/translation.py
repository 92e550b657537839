"""Translated fields (django-modeltranslation), then history (see sistercities/translation.py)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from visits.models import Correction, DelegationMember, Event, Meeting, Photo, Quote, Visit


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "place")


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = ("title", "places", "purpose", "summary", "report", "search_text")


@register(DelegationMember)
class DelegationMemberTranslation(TranslationOptions):
    fields = ("role", "title")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("host_title", "topics")


@register(Quote)
class QuoteTranslation(TranslationOptions):
    fields = ("text",)


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "alt_text")


@register(Correction)
class CorrectionTranslation(TranslationOptions):
    fields = ("note",)


for model in (Event, Visit, DelegationMember, Meeting, Quote, Photo, Correction):
    register_history(model, app=model._meta.app_label)
