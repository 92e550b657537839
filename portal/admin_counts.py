"""How many of a model's objects, written as each language writes a count.

Django's admin writes "{{ count }} {{ verbose_name_plural }}": "4 kişiler" in Turkish,
which puts the singular after a number ("4 kişi"), as Kazakh does, while Russian has three
forms ("1 визит", "2 визита", "5 визитов") that no verbose name gives. Each model the
admin shows has its pair here, for ngettext; a test walks the admin's registry so that a
model registered later cannot be missed.
"""

from django.utils.translation import ngettext_lazy

COUNTS = {
    "auth.group": ngettext_lazy("%(count)s group", "%(count)s groups", "count"),
    "auth.user": ngettext_lazy("%(count)s user", "%(count)s users", "count"),
    "sistercities.source": ngettext_lazy("%(count)s source", "%(count)s sources", "count"),
    "sistercities.city": ngettext_lazy("%(count)s city", "%(count)s cities", "count"),
    "sistercities.organisation": ngettext_lazy(
        "%(count)s organisation", "%(count)s organisations", "count"
    ),
    "sistercities.person": ngettext_lazy("%(count)s person", "%(count)s people", "count"),
    "sistercities.cooperationarea": ngettext_lazy(
        "%(count)s area of cooperation", "%(count)s areas of cooperation", "count"
    ),
    "sistercities.relationship": ngettext_lazy(
        "%(count)s relationship", "%(count)s relationships", "count"
    ),
    "sistercities.protocol": ngettext_lazy("%(count)s protocol", "%(count)s protocols", "count"),
    "visits.event": ngettext_lazy("%(count)s event", "%(count)s events", "count"),
    "visits.visit": ngettext_lazy("%(count)s visit", "%(count)s visits", "count"),
    "public.office": ngettext_lazy(
        "%(count)s office contact", "%(count)s office contacts", "count"
    ),
    "public.notice": ngettext_lazy("%(count)s notice", "%(count)s notices", "count"),
    "axes.accesslog": ngettext_lazy("%(count)s access log", "%(count)s access logs", "count"),
    "axes.accessfailurelog": ngettext_lazy(
        "%(count)s access failure", "%(count)s access failures", "count"
    ),
    "axes.accessattempt": ngettext_lazy(
        "%(count)s access attempt", "%(count)s access attempts", "count"
    ),
}


def count_of(opts, count: int) -> str:
    """ "4 kişi", "2 визита": `count` objects of the model whose _meta is `opts`."""
    return COUNTS[opts.label_lower] % {"count": count}
