"""Numbers the admin reads from its addresses, read strictly (pagecache.numbers).

The date drill-down (ModelAdmin.date_hierarchy): Django reads ?<field>__year=, __month=
and __day= with int() and builds the range with datetime: a year of twenty digits raises
OverflowError, the year 9999 a ValueError past its end, and both are server errors; int()
also takes "٢٠٢٠" or " 12 ". Here each part must be ASCII digits within its range, or the
changelist answers as Django does to any bad filter: a redirect to ?e=1, its error page.

The history pages (django-simple-history) look an object and a version up by the ids in
their address without checking them: "¹" was a server error. Here it is a 404.
"""

from datetime import MAXYEAR, MINYEAR

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.http import Http404

from pagecache.numbers import MAX_ID, parse_int

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


def _id_or_404(text: str) -> None:
    if parse_int(unquote(text), minimum=1, maximum=MAX_ID) is None:
        raise Http404


class HistoryIdsGuard:
    """For a SimpleHistoryAdmin of a model with whole-number ids: the history and the
    version pages of an id that is no number are not found."""

    def history_view(self, request, object_id, extra_context=None):
        _id_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _id_or_404(object_id)
        _id_or_404(version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
