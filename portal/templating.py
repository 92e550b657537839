"""The Jinja2 environment of the public pages that render in Jinja2 (templates/jinja2/): the
timeline and the visit report, the pages readers meet most after an edit, where the
profile showed Django's template engine costing a third of an uncached render.

The functions are the ones behind the Django template tags (public.templatetags.portal,
journalism.templatetags.journalism), so both languages write a page the same way. Strings
are marked `_("…")` and formatted with `|format(name=…)`: makemessages reads that form
from these files as it does Django's `{{ _("…") }}`, so the catalogues stay whole.
"""

from django.template.defaultfilters import date, force_escape, linebreaks_filter, linebreaksbr
from django.templatetags.i18n import language_name_translated
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext
from jinja2 import Environment

from journalism import embeds, linked_data
from journalism.citation import citation
from journalism.templatetags.journalism import og_locale
from public.footer import site_footer
from public.templatetags.languages import page_languages
from public.templatetags.portal import date_span, datetime_attribute, partial_date, status_label
from sistercities import casing
from sistercities.translated import translated_field
from visits.publication import lead_photo


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


FILTERS = {
    "capfirst": casing.capfirst,
    "date": date,
    "datetime_attribute": datetime_attribute,
    "force_escape": force_escape,
    "language_name_translated": language_name_translated,
    "lead_photo": lead_photo,
    "linebreaks": linebreaks_filter,
    "linebreaksbr": linebreaksbr,
    "og_locale": og_locale,
    "partial_date": partial_date,
    "status_label": status_label,
    "upper": casing.upper,
    "lower": casing.lower,
}


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(
        _=gettext,
        url=url,
        static=static,
        citation=citation,
        date_span=date_span,
        translated=translated_field,
        page_languages=page_languages,
        site_footer=site_footer,
        json_ld_script=linked_data.json_ld_script,
        relationship_document=linked_data.relationship_document,
        visit_document=linked_data.visit_document,
        timeline_embed=embeds.embed_for,
    )
    env.filters.update(FILTERS)
    return env
