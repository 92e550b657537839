"""Translated fields (django-modeltranslation), then history (see sistercities/translation.py)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from public.models import Notice, Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "address", "opening_hours")


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = ("title", "body")


for model in (Office, Notice):
    register_history(model, app=model._meta.app_label)
