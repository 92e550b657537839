"""Open data: a relationship's timeline as JSON and CSV, upcoming visits as iCalendar.

Every export is written in the active language (the URL's prefix) and holds only what the
public pages show: the timeline has published visits only, the calendar too.
"""

import csv
import datetime

import icalendar
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from journalism.feeds import home_municipality, publisher_name
from pagecache.tags import page_shows
from public.timeline import Kind, timeline_for
from sistercities.models import Relationship
from sistercities.page_tags import relationship_tag
from sistercities.partial_dates import Precision
from visits.models import Visit
from visits.publication import last_updated

# A visit's three dates of publication, each for what it means: the day the report first
# appeared elsewhere (the news item), when this portal published it, its last change here.
PUBLICATION_COLUMNS = ["originally_published", "published_on_portal", "updated"]
CSV_COLUMNS = ["kind", "date", "precision", "title", "summary", "url", *PUBLICATION_COLUMNS]
# A cell starting so is run as a formula by spreadsheets (OWASP "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """`value`, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _relationship(request, slug: str) -> Relationship:
    relationship = get_object_or_404(
        Relationship.objects.published().select_related("home_city", "partner_city"), slug=slug
    )
    page_shows(request, relationship_tag(relationship.pk))
    return relationship


def open_data(response: HttpResponse) -> HttpResponse:
    """Anyone may read the data, from any site's scripts too."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def timeline_rows(request, relationship: Relationship) -> list[dict]:
    """The timeline entries as plain values: ISO partial dates with their precision."""
    return [
        {
            "kind": entry.kind,
            "date": entry.date.isoformat() if entry.date else None,
            "precision": entry.date.precision.value if entry.date else None,
            "title": entry.title,
            "summary": entry.summary,
            "url": request.build_absolute_uri(entry.url),
            **publication_dates(entry.object if entry.kind == Kind.VISIT else None),
        }
        for entry in timeline_for(relationship)
    ]


def publication_dates(visit: Visit | None) -> dict:
    """The visit's dates of publication in ISO 8601 (None for entries of other kinds)."""
    if visit is None:
        return dict.fromkeys(PUBLICATION_COLUMNS)
    original = visit.originally_published_on
    return {
        "originally_published": original.isoformat() if original else None,
        "published_on_portal": _moment(visit.publish_at),
        "updated": _moment(last_updated(visit)),
    }


def _moment(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def timeline_json(request, slug):
    relationship = _relationship(request, slug)
    data = {
        "relationship": {
            "slug": relationship.slug,
            "name": relationship.public_name,
            "home_city": relationship.home_city.name,
            "partner_city": relationship.partner_city.name,
            "url": request.build_absolute_uri(relationship.get_absolute_url()),
        },
        "language": get_language(),
        "publisher": publisher_name(relationship.home_city),
        "entries": timeline_rows(request, relationship),
    }
    return open_data(JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2}))


def timeline_csv(request, slug):
    relationship = _relationship(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{relationship.slug}-timeline-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in timeline_rows(request, relationship):
        values = {name: "" if value is None else value for name, value in row.items()}
        writer.writerow({key: spreadsheet_safe(str(value)) for key, value in values.items()})
    return open_data(response)


def upcoming_ics(request, slug=None):
    """Published visits still to come, with a known day: a calendar cannot hold "2026"."""
    visits = Visit.objects.published().upcoming()
    if slug is None:
        publisher = home_municipality()
        name = _("Upcoming visits of %(publisher)s") % {"publisher": publisher_name(publisher)}
    else:
        relationship = _relationship(request, slug)
        publisher = relationship.home_city
        visits = visits.for_relationship(relationship)
        name = _("Upcoming visits: %(relationship)s") % {"relationship": relationship.public_name}

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{publisher_name(publisher)}//{get_language()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for visit in visits.order_by("start_date", "pk"):
        if visit.start_date.precision == Precision.DAY:
            calendar.add_component(_visit_event(request, visit))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="upcoming-visits-{get_language()}.ics"'
    return open_data(response)


def _visit_event(request, visit: Visit) -> icalendar.Event:
    start = visit.start_date.first_day
    end = visit.end_date
    last = end.first_day if end and end.precision == Precision.DAY else start
    url = request.build_absolute_uri(visit.get_absolute_url())
    event = icalendar.Event()
    event.add("uid", f"visit-{visit.pk}@{request.get_host()}")
    # Without a METHOD, DTSTAMP is when the event last changed: the same answer every time.
    updated = last_updated(visit).astimezone(datetime.UTC)
    event.add("dtstamp", updated)
    event.add("last-modified", updated)
    event.add("dtstart", start)
    event.add("dtend", last + datetime.timedelta(days=1))  # an all-day end is exclusive
    event.add("summary", visit.title)
    event.add("description", "\n\n".join(part for part in (visit.summary, url) if part))
    event.add("url", url)
    if visit.places:
        event.add("location", visit.places)
    return event
