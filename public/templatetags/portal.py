"""Template tags of the public pages: partial dates, translated text, optional parts."""

import datetime

from django import template
from django.utils import timezone

from public.footer import site_footer
from public.position_map import position_map_context
from public.templatetags import languages
from sistercities.models import RelationshipStatus
from sistercities.partial_dates import format_partial_date
from sistercities.translated import fallback_lang, translated_field

register = template.Library()


@register.filter
def datetime_attribute(value) -> str:
    """A <time> element's datetime: "2019-08-24" for a day, "2026-12-03T10:00:00+03:00"
    for a moment, in the portal's time zone."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat() if value else ""


@register.filter
def partial_date(value) -> str:
    """A PartialDate at the precision it is known: "2019", "August 2019", "24 August 2019"."""
    return format_partial_date(value)


@register.simple_tag
def date_span(start, end) -> str:
    """ "24 August 2019", or "19 August 2019 – 23 August 2019" for several days."""
    if end and end != start:
        return f"{format_partial_date(start)} – {format_partial_date(end)}"
    return format_partial_date(start)


@register.simple_tag
def translated(obj, field):
    """{% translated visit "report" as report %}: report.value, report.lang, report.fell_back."""
    return translated_field(obj, field)


register.filter("fallback_lang", fallback_lang)


@register.inclusion_tag("includes/position_map.html")
def position_map(city, others=()):
    """A small map of the city and its partners, drawn as inline SVG without any tiles."""
    return position_map_context(city, others)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """{% page_languages as page %}: page.switcher, page.alternates, page.canonical_url."""
    return languages.page_languages(context["request"])


@register.simple_tag
def footer():
    """{% footer as footer %}: the office, the notices and the home city's name, read once
    per version."""
    return site_footer()


@register.filter
def status_label(value) -> str:
    """The translated label of a relationship status value ("active" → "aktif")."""
    return RelationshipStatus(value).label if value in RelationshipStatus.values else ""
