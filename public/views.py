"""Public pages of relationships, cities and protocols, the home page, the search and the
footer's notices."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from pagecache.numbers import parse_int
from pagecache.query import Choices, Query, Single, number, reads, text
from pagecache.tags import ALL, page_shows
from public.models import Notice
from public.timeline import (
    UNDATED,
    Kind,
    Page,
    TimelineEntry,
    TimelinePage,
    former_names_in_order,
    group_by_year,
    timeline_page,
    year_parameter,
)
from sistercities.casing import capfirst
from sistercities.documents import download
from sistercities.models import (
    City,
    FormerCityName,
    Organisation,
    Person,
    Protocol,
    Relationship,
    Signatory,
    latest_status,
)
from sistercities.page_tags import city_tag, relationship_tag
from sistercities.search_text import LANGUAGES, words_begin
from sistercities.translated import localized_names
from visits.models import DelegationMember, Visit
from visits.queries import latest_first
from visits.views import public_visits, visit_cards

SHOWCASE_SLUG = "osmangazi-kapchagay"
LATEST_VISITS = 6
SEARCH_MIN_LENGTH = 2
SEARCH_LIMIT = 50


def _relationships():
    """Relationships with their cities and the cities' former names, current status and
    count of published visits."""
    published = (
        Visit.objects.published()
        .filter(relationship=OuterRef("pk"))
        .order_by()
        .values("relationship")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Relationship.objects.published()
        .with_current_status()
        .annotate(visit_count=Coalesce(Subquery(published), 0))
        .select_related("home_city", "partner_city")
        .prefetch_related("home_city__former_names", "partner_city__former_names", "protocols")
    )


def home(request):
    """The showcase relationship in full, the latest reports and the other partners as a
    compact list of links: the relationship list holds every card."""
    partners = list(
        Relationship.objects.published()
        .select_related("partner_city")
        .only(
            "slug",
            "partner_city",
            "partner_city__slug",
            "partner_city__country",
            *_names("partner_city"),
        )
    )
    chosen = next(
        (r for r in partners if r.slug == SHOWCASE_SLUG), partners[0] if partners else None
    )
    showcase = None
    if chosen is not None:
        showcase = _relationships().get(pk=chosen.pk)
    return render(
        request,
        "public/home.html",
        {
            "showcase": showcase,
            "other_relationships": [r for r in partners if r is not chosen],
            "latest_visits": latest_first(visit_cards(), LATEST_VISITS),
        },
    )


def _names(path: str) -> list[str]:
    return [f"{path}__{name}" for name in localized_names("name")]


class RelationshipListView(ListView):
    template_name = "public/relationship_list.html"
    context_object_name = "relationships"

    def get_queryset(self):
        return _relationships()


def _timeline_year(text: str) -> str | None:
    """?year= of a timeline page: a year, or the entries without a date."""
    if text == UNDATED:
        return UNDATED
    year = parse_int(text, minimum=1, maximum=9999)
    return None if year is None else year_parameter(year)


TIMELINE_QUERY = Query(
    kind=Choices(tuple(Kind.values)),
    year=Single(_timeline_year),
    part=number(1, 100_000),
)


@reads(TIMELINE_QUERY)
def relationship_detail(request, slug):
    """The relationship's timeline, year by year, filtered by kind through ?kind=…, a page
    of years at a time through ?year=… (and &part=… for a year too long for one page)."""
    relationship = get_object_or_404(
        Relationship.objects.published()
        .select_related("home_city", "partner_city")
        .prefetch_related("areas", "sources", "protocols", "status_changes"),
        slug=slug,
    )
    # The timeline reads the status changes anyway: a subquery for the latest costs more.
    relationship.current_status = latest_status(relationship.status_changes.all())
    # Both cities' former names in one query, which the milestones use too.
    prefetch_related_objects(
        [relationship.home_city, relationship.partner_city], former_names_in_order()
    )
    page_shows(request, relationship_tag(relationship.pk))
    query = TIMELINE_QUERY.read(request.GET)
    chosen = query["kind"]
    timeline = timeline_page(
        relationship, kinds=chosen or None, year=query["year"], part=query["part"]
    )
    return render(
        request,
        "public/relationship_detail.html",
        {
            "relationship": relationship,
            "timeline": timeline,
            **_timeline_links(timeline, chosen),
            "years": [(year, _rows(group)) for year, group in group_by_year(timeline.entries)],
            "entry_count_text": ngettext(
                "%(counter)s entry", "%(counter)s entries", timeline.entry_count
            )
            % {"counter": timeline.entry_count},
            "kinds": [
                {"value": value, "label": label, "checked": not chosen or value in chosen}
                for value, label in Kind.choices
            ],
            "filtered": bool(chosen) and len(chosen) < len(Kind.values),
        },
    )


def _rows(entries: list[TimelineEntry]) -> list[dict]:
    """What the page shows of each entry, worked out once: behind each property are the
    fallback languages or a lazy label, and a dict is the template's quickest lookup."""
    return [
        {
            "kind": entry.kind,
            "anchor": f"{entry.kind}-{entry.object.pk}",
            "kind_label": entry.kind_label,
            "date_text": entry.date_text,
            "direction": capfirst(entry.direction_label),
            "url": entry.url,
            "title": entry.title,
            "title_lang": entry.title_lang,
            "summary": entry.summary,
            "summary_lang": entry.summary_lang if entry.summary else "",
        }
        for entry in entries
    ]


def _timeline_links(timeline: TimelinePage, kinds: list[str]) -> dict:
    """The addresses of the timeline's years and of its neighbouring pages, keeping the
    kind filter. Made here rather than with {% querystring %}: two dozen years of links
    cost the page more than its fifty entries."""
    filter_query = [("kind", kind) for kind in kinds]

    def address(page: Page | None, year: str) -> str:
        query = [*filter_query, ("year", year)]
        if page is not None and page.part is not None:
            query.append(("part", page.part))
        return f"?{urlencode(query)}"

    earlier, later = timeline.previous, timeline.next
    return {
        "year_links": [
            {
                "year": year,
                "count": count,
                "anchor": f"year-{year_parameter(year)}",
                "href": address(None, year_parameter(year)),
                "current": year in timeline.page.years,
            }
            for year, count in timeline.years
        ],
        "earlier_href": earlier and address(earlier, earlier.year_parameters[0]),
        "later_href": later and address(later, later.year_parameters[0]),
    }


def city_detail(request, slug):
    city = get_object_or_404(City.objects.public().prefetch_related("former_names"), slug=slug)
    page_shows(request, city_tag(city.pk))
    relationships = list(_relationships().involving(city))
    partners = [r.partner_city if r.home_city_id == city.pk else r.home_city for r in relationships]
    visits = public_visits().filter(
        relationship__in=Relationship.objects.involving(city).values("pk")
    )
    return render(
        request,
        "public/city_detail.html",
        {"city": city, "relationships": relationships, "partners": partners, "visits": visits},
    )


class ProtocolDetailView(DetailView):
    template_name = "public/protocol_detail.html"
    context_object_name = "protocol"

    def get_object(self, queryset=None):
        protocol = super().get_object(queryset)
        page_shows(self.request, relationship_tag(protocol.relationship_id))
        return protocol

    def get_queryset(self):
        return (
            Protocol.objects.published()
            .select_related("relationship__home_city", "relationship__partner_city")
            .prefetch_related(
                "relationship__home_city__former_names",
                "relationship__partner_city__former_names",
                "relationship__protocols",
                Prefetch(
                    "signatories",
                    queryset=Signatory.objects.select_related("person", "organisation"),
                ),
                "areas",
                "sources",
            )
        )


@require_safe
def protocol_document(request, slug):
    """A published protocol's scanned document, as a download (staff get any protocol's
    from its admin page)."""
    protocol = get_object_or_404(Protocol.objects.published().only("slug", "document"), slug=slug)
    return download(protocol)


def notice(request, kind):
    """The privacy notice or the accessibility statement, as staff wrote it; it shows only
    what every page shows, the footer's rows (base.html gives them as `footer`)."""
    page_shows(request, ALL)
    return render(request, "public/notice.html", {"notice": get_object_or_404(Notice, kind=kind)})


SEARCH_QUERY = Query(q=text())


@reads(SEARCH_QUERY)
def search(request):
    query = SEARCH_QUERY.read(request.GET)["q"] or ""
    results = None
    if len(query) >= SEARCH_MIN_LENGTH:
        results = _search(query)
    return render(
        request,
        "public/search.html",
        {"query": query, "results": results, "min_length": SEARCH_MIN_LENGTH},
    )


def _search(query):
    """Matches where each word of the query begins a word, whatever its accents and case
    (sistercities.search_text): of a visit's text as the visitor reads it in the active
    language; of a name in any language, since a place or person is looked for by the
    name one knows (Қапшағай, Капчагай or Kapçağay)."""
    visits = visit_cards().filter(words_begin(query))
    matches = words_begin(query, languages=LANGUAGES)
    former_names = FormerCityName.objects.filter(matches)
    cities = (
        City.objects.public()
        .filter(matches | Q(pk__in=former_names.values("city")))
        .prefetch_related("former_names")
    )
    memberships = DelegationMember.objects.filter(
        visit__in=Visit.objects.published()
    ).select_related("visit")
    people = (
        Person.objects.public()
        .filter(matches)
        .prefetch_related(
            Prefetch("delegationmember_set", queryset=memberships, to_attr="public_memberships")
        )
    )
    # An organisation's city is named only where the public may see that city.
    organisations = (
        Organisation.objects.public()
        .filter(matches)
        .select_related("city")
        .annotate(city_is_public=Exists(City.objects.public().filter(pk=OuterRef("city"))))
    )
    return {
        "visits": visits[:SEARCH_LIMIT],
        "cities": cities[:SEARCH_LIMIT],
        "people": people[:SEARCH_LIMIT],
        "organisations": organisations[:SEARCH_LIMIT],
    }
