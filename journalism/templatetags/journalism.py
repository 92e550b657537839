"""Template helpers for journalists' needs: citations, social cards, feed and data links."""

from dataclasses import dataclass
from datetime import date, datetime

from django import template

from journalism import embeds, linked_data
from journalism.feeds import page_description, publisher_name
from visits.models import Visit
from visits.publication import first_published, last_updated, lead_photo

register = template.Library()

# OpenGraph wants language_TERRITORY.
_OG_LOCALES = {"tr": "tr_TR", "en": "en_GB", "kk": "kk_KZ", "ru": "ru_RU"}


@dataclass(frozen=True)
class Citation:
    title: str
    description: str
    publisher: str
    published: date | datetime  # the original's day, or this portal's publication
    updated: datetime
    url: str


@register.simple_tag(takes_context=True)
def citation(context, visit: Visit) -> Citation:
    """{% citation visit as cite %}: what a reader needs to cite or share the report."""
    return Citation(
        title=visit.title,
        description=page_description(visit),
        publisher=publisher_name(visit.relationship.home_city),
        published=first_published(visit),
        updated=last_updated(visit),
        url=context["request"].build_absolute_uri(visit.get_absolute_url()),
    )


@register.simple_tag(takes_context=True)
def absolute_uri(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def feed_relationship(context):
    """The relationship whose own feed a page announces: its own, or its visit's."""
    visit = context.get("visit")
    return context.get("relationship") or getattr(visit, "relationship", None)


register.filter("page_description", page_description)


@register.filter(name="lead_photo")
def lead_photo_filter(visit: Visit):
    return lead_photo(visit)


@register.filter
def og_locale(language_code: str) -> str:
    return _OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def visit_json_ld(context, visit: Visit):
    """The visit report's schema.org Event, as a JSON-LD script."""
    return linked_data.json_ld_script(linked_data.visit_document(context["request"], visit))


@register.simple_tag(takes_context=True)
def city_json_ld(context, city):
    return linked_data.json_ld_script(linked_data.city_document(context["request"], city))


@register.simple_tag(takes_context=True)
def relationship_json_ld(context, relationship, entries):
    """The relationship's page with the timeline entries it shows."""
    document = linked_data.relationship_document(context["request"], relationship, entries)
    return linked_data.json_ld_script(document)


@register.simple_tag(takes_context=True)
def timeline_embed(context, relationship):
    """{% timeline_embed relationship as embed %}: its oEmbed address and embed code."""
    return embeds.embed_for(context["request"], relationship)
