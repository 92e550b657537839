"""Feeds and open data, under each language prefix (namespace "journalism").

The path segments stay in English in every language, so that a link to the data reads
the same wherever it is quoted.
"""

from django.urls import path

from journalism import embeds, exports, wikidata
from journalism.feeds import VisitReportsFeed

app_name = "journalism"

feed = VisitReportsFeed()

urlpatterns = [
    path("embed/relationships/<slug:slug>/", embeds.embedded_timeline, name="embedded-timeline"),
    path("feeds/visits/", feed, name="visit-feed"),
    path("feeds/relationships/<slug:slug>/", feed, name="relationship-feed"),
    path("data/visits/upcoming.ics", exports.upcoming_ics, name="upcoming-ics"),
    path(
        "data/relationships/<slug:slug>/timeline.json",
        exports.timeline_json,
        name="timeline-json",
    ),
    path("data/relationships/<slug:slug>/timeline.csv", exports.timeline_csv, name="timeline-csv"),
    path("data/wikidata/quickstatements.txt", wikidata.quickstatements, name="quickstatements"),
    path("data/wikidata/skipped.txt", wikidata.skipped, name="quickstatements-skipped"),
    path(
        "data/relationships/<slug:slug>/upcoming.ics",
        exports.upcoming_ics,
        name="relationship-upcoming-ics",
    ),
]
