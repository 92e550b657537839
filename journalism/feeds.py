"""Atom feeds of published visit reports: all of them, and those of one relationship.

A feed is served under each language prefix and written in that language. Only
Visit.objects.published() ever reaches a feed.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Case, F, Prefetch, Q, Value, When, Window
from django.db.models.functions import RowNumber, Substr
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from pagecache.tags import page_shows
from sistercities.home_city import home_city
from sistercities.models import City, Relationship
from sistercities.page_tags import relationship_tag
from sistercities.translated import localized_names, translated_field
from visits.models import Photo, Visit
from visits.publication import first_published_moment, last_updated, lead_photo
from visits.queries import CARD_DEFERRED, latest_first

FEED_LENGTH = 50


def home_municipality() -> City:
    """The municipality that runs the portal, which publishes every report."""
    city = home_city()
    if city is None:
        raise Http404("The home city is not recorded yet.")
    return city


def publisher_name(city: City) -> str:
    """The municipality that publishes the reports: "Osmangazi Municipality"."""
    return _("%(city)s Municipality") % {"city": city.name}


# A feed reads no more of a report than its opening: far more than 60 words' worth.
OPENING_LENGTH = 2000


def report_description(visit: Visit) -> str:
    """The visit's summary, or the report's opening words where there is none (from the
    openings a feed annotates, else from the report itself)."""
    if visit.summary:
        return visit.summary
    if hasattr(visit, build_localized_fieldname("report_opening", LANGUAGES[0])):
        return Truncator(translated_field(visit, "report_opening").value).words(60)
    return Truncator(visit.report).words(60)


def page_description(visit: Visit) -> str:
    """What a report page's meta tags describe it with, written in the page's language as
    they cannot mark another: its summary, else the report's opening, else its title; the
    feed's description where none of them is in that language yet."""
    for field in ("summary", "report", "title"):
        text = translated_field(visit, field)
        if text.value and not text.fell_back:
            return Truncator(text.value).words(60)
    return report_description(visit)


def with_report_openings(visits):
    """Visits without their long texts, with report_opening_<lang>: the opening of each
    language's report, read only for a visit without a summary in any language."""
    no_summary = Q()
    for name in localized_names("summary"):
        no_summary &= Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
    return visits.defer(*CARD_DEFERRED).annotate(
        **{
            build_localized_fieldname("report_opening", lang): Case(
                When(
                    no_summary,
                    then=Substr(build_localized_fieldname("report", lang), 1, OPENING_LENGTH),
                ),
                default=Value(""),
            )
            for lang in LANGUAGES
        }
    )


@dataclass(frozen=True)
class FeedSubject:
    publisher: City
    relationship: Relationship | None = None


class VisitReportsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug=None):
        if slug is None:
            return FeedSubject(publisher=home_municipality())
        relationship = get_object_or_404(
            Relationship.objects.published().select_related("home_city", "partner_city"),
            slug=slug,
        )
        page_shows(request, relationship_tag(relationship.pk))
        return FeedSubject(publisher=relationship.home_city, relationship=relationship)

    def get_feed(self, obj, request):
        """Photos are stored with site-relative URLs; a feed reader needs absolute ones."""
        feed = super().get_feed(obj, request)
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in item["enclosures"]
            ]
        return feed

    def title(self, obj):
        if obj.relationship:
            return _("Visit reports: %(relationship)s") % {
                "relationship": obj.relationship.public_name
            }
        return _("Visit reports of %(publisher)s") % {"publisher": publisher_name(obj.publisher)}

    def subtitle(self, obj):
        return _("Reports of the delegations sent and received by %(publisher)s.") % {
            "publisher": publisher_name(obj.publisher)
        }

    def link(self, obj):
        if obj.relationship:
            return obj.relationship.get_absolute_url()
        return reverse("visits:visit-list")

    def feed_url(self, obj):
        if obj.relationship:
            return reverse("journalism:relationship-feed", kwargs={"slug": obj.relationship.slug})
        return reverse("journalism:visit-feed")

    def author_name(self, obj):
        return publisher_name(obj.publisher)

    def author_link(self, obj):
        return obj.publisher.website or None

    def items(self, obj):
        visits = Visit.objects.published()
        if obj.relationship:
            visits = visits.for_relationship(obj.relationship)
        visits = visits.select_related("relationship__home_city", "relationship__partner_city")
        # Only each visit's lead photo (lead_photo() below), chosen by the database.
        photos = (
            Photo.objects.filter(renditions__jpeg__0__isnull=False)
            .annotate(
                rank=Window(RowNumber(), partition_by=F("visit_id"), order_by=["order", "pk"])
            )
            .filter(rank=1)
            .only("visit_id", "renditions", "order")
        )
        return latest_first(with_report_openings(visits), FEED_LENGTH).prefetch_related(
            Prefetch("photos", queryset=photos)
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The summary element holds HTML; the report's text is plain.
        return escape(report_description(item))

    def item_pubdate(self, item):
        return first_published_moment(item)

    def item_updateddate(self, item):
        return last_updated(item)

    def item_author_name(self, item):
        return publisher_name(item.relationship.home_city)

    def item_author_link(self, item):
        return item.relationship.home_city.website or None

    def item_categories(self, item):
        return [str(item.relationship)]

    def item_enclosures(self, item):
        photo = lead_photo(item)
        if photo is None:
            return []
        # The length is advisory; 0 says "unknown" without asking the storage for each photo.
        return [Enclosure(photo.picture.largest.url, "0", "image/jpeg")]
