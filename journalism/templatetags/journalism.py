"""Template helpers for journalists' needs on the pages in Django's templates: feed links,
social cards, linked data."""

from django import template

from journalism import linked_data

register = template.Library()

# OpenGraph wants language_TERRITORY.
_OG_LOCALES = {"tr": "tr_TR", "en": "en_GB", "kk": "kk_KZ", "ru": "ru_RU"}


@register.simple_tag(takes_context=True)
def feed_relationship(context):
    """The relationship whose own feed a page announces: its own, or its visit's."""
    visit = context.get("visit")
    return context.get("relationship") or getattr(visit, "relationship", None)


@register.filter
def og_locale(language_code: str) -> str:
    return _OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def city_json_ld(context, city):
    return linked_data.json_ld_script(linked_data.city_document(context["request"], city))
