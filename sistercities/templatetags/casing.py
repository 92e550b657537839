"""Django's `capfirst`, `upper` and `lower` filters with the casing rules of the active
language (sistercities.casing), or of the one given: `{{ name|capfirst:"kk" }}`.

A builtin library (TEMPLATES' OPTIONS "builtins" in portal/settings.py), added after
Django's own, so that these replace Django's filters in every template, the admin's and
django-simple-history's included, with no `{% load %}`.
"""

from django import template
from django.template.defaultfilters import stringfilter

from sistercities import casing

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def capfirst(value: str, language: str | None = None) -> str:
    return casing.capfirst(value, language)


@register.filter(is_safe=False)
@stringfilter
def upper(value: str, language: str | None = None) -> str:
    return casing.upper(value, language)


@register.filter(is_safe=True)
@stringfilter
def lower(value: str, language: str | None = None) -> str:
    return casing.lower(value, language)
