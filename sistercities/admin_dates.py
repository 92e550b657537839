"""The admin's date drill-down (ModelAdmin.date_hierarchy) refuses a date it cannot read.

Django reads ?<field>__year=, __month= and __day= with int() and builds the range with
datetime: a year of twenty digits raises OverflowError, the year 9999 a ValueError past
its end, and both are server errors; int() also takes "٢٠٢٠" or " 12 ". Here each part must
be ASCII digits within its range, or the changelist answers as Django does to any bad
filter: a redirect to ?e=1, the admin's error page.
"""

from datetime import MAXYEAR, MINYEAR

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList

from pagecache.numbers import parse_int

# One year's room on each side, for the range's end and the time zone's offset.
PARTS = {"year": (MINYEAR + 1, MAXYEAR - 1), "month": (1, 12), "day": (1, 31)}


class DateHierarchyChangeList(ChangeList):
    def get_filters(self, request):
        if self.date_hierarchy:
            for part, (minimum, maximum) in PARTS.items():
                value = request.GET.get(f"{self.date_hierarchy}__{part}")
                if value is not None and parse_int(value, minimum=minimum, maximum=maximum) is None:
                    raise IncorrectLookupParameters(f"not a {part}: {value!r}")
        return super().get_filters(request)


class DateHierarchyGuard:
    """For a ModelAdmin: its changelist reads the date drill-down strictly."""

    def get_changelist(self, request, **kwargs):
        return DateHierarchyChangeList


def guard_date_hierarchies(site) -> None:
    """Give every admin registered on `site` with a date hierarchy, the portal's and other
    apps' (django-axes') alike, the guard: run once every admin module is imported."""
    for model, model_admin in list(site._registry.items()):
        if model_admin.date_hierarchy and not isinstance(model_admin, DateHierarchyGuard):
            guarded = type(type(model_admin).__name__, (DateHierarchyGuard, type(model_admin)), {})
            site.unregister(model)
            site.register(model, guarded)
