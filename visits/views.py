"""Public pages of visits: the list of reports and the full report. Published visits only."""

from django.db.models import Prefetch, prefetch_related_objects
from django.views.generic import DetailView, ListView

from pagecache.query import Query, number
from pagecache.tags import page_shows
from sistercities.page_tags import relationship_tag
from visits.models import DelegationMember, Meeting, Quote, Visit
from visits.publication import first_published, last_updated
from visits.queries import CARD_DEFERRED


def public_visits():
    """Published visits with what their titles and partner names need, in a fixed count of
    queries: the partner's former names give "Kapchagay (today Konaev)"."""
    return (
        Visit.objects.published()
        .select_related("relationship__home_city", "relationship__partner_city")
        .prefetch_related("relationship__partner_city__former_names")
    )


def visit_cards():
    """public_visits() for lists of visit cards (title, dates, direction, partner, summary)."""
    return public_visits().defer(*CARD_DEFERRED)


class VisitListView(ListView):
    template_name = "visits/visit_list.html"
    context_object_name = "visits"
    paginate_by = 20
    # ?page= as Django's pagination reads it, given only as whole numbers (pagecache.query).
    page_query = Query(page=number(1, 100_000))

    def get_queryset(self):
        return visit_cards()


class VisitDetailView(DetailView):
    template_name = "visits/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        return (
            public_visits()
            .select_related("related_event")
            # Both cities' former names are read in get_object, in one query.
            .prefetch_related(None)
            .prefetch_related(
                "relationship__protocols",
                Prefetch(
                    "delegation",
                    queryset=DelegationMember.objects.select_related("person", "organisation"),
                ),
                Prefetch(
                    "meetings", queryset=Meeting.objects.select_related("organisation", "host")
                ),
                Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
                "photos",
                "sources",
                "corrections",
            )
        )

    def get_object(self, queryset=None):
        visit = super().get_object(queryset)
        page_shows(self.request, relationship_tag(visit.relationship_id))
        # The partner's names give "Kapchagay (today Konaev)", the home city's are those of
        # the city the visit went to in the page's schema.org data.
        cities = [visit.relationship.home_city, visit.relationship.partner_city]
        prefetch_related_objects(cities, "former_names")
        return visit

    def get_context_data(self, **kwargs):
        visit = self.object
        return super().get_context_data(
            hosts=[meeting for meeting in visit.meetings.all() if meeting.host_id],
            published=first_published(visit),
            last_updated=last_updated(visit),
            **kwargs,
        )
