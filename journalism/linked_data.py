"""schema.org descriptions of the public pages as JSON-LD, for search engines and the
tools journalists use: a visit report as an Event, a city as a City, a relationship's page
as a WebPage about its two cities with its timeline's visits and protocols.

Each function reads only what its page's view has already loaded (cities with their former
names, the delegation with people and organisations, the prefetched photos), so the data
costs the page no query. Texts are in the page's language, with the same fallbacks.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from journalism.feeds import publisher_name, report_description
from public.timeline import Kind, TimelineEntry
from sistercities.models import City, Relationship
from sistercities.partial_dates import PartialDate
from visits.models import DelegationMember, Direction, Visit
from visits.publication import lead_photo

SCHEMA = "https://schema.org"
WIKIDATA_ITEM_URL = "https://www.wikidata.org/wiki/{}"

# What json_script escapes, so that no text can close the <script> element or open a
# comment; non-ASCII text stays as it is, readable in the page's source. Replaced one by
# one: str.translate walks a non-ASCII text a character at a time, ten times slower.
_SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


def json_ld_script(data: dict) -> SafeString:
    """<script type="application/ld+json">…</script>, escaped as json_script escapes."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _compact(node: dict) -> dict:
    """The node without its unknown values: schema.org has no use for null or ""."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def _date(value: PartialDate | None) -> str | None:
    """ISO 8601 at the precision known: "2019", "2019-08" or "2019-08-24"."""
    return value.isoformat() if value else None


# ISO 3166-1's user-assigned codes: the portal names Kosovo XK and the KKTC XN with them
# (portal/settings.py), codes that mean nothing to a reader of schema.org.
USER_ASSIGNED = re.compile(r"AA|Q[M-Z]|X[A-Z]|ZZ")


def address_country(city: City) -> str | dict:
    """The ISO code of the city's country, as schema.org advises; for a user-assigned code,
    the country by its name, which schema.org also allows."""
    country = city.country
    if USER_ASSIGNED.fullmatch(country.code):
        return {"@type": "Country", "name": str(country.name)}
    return country.code


def wikidata_url(city: City) -> str | None:
    return WIKIDATA_ITEM_URL.format(city.wikidata_id) if city.wikidata_id else None


def municipality(city: City) -> dict:
    """The municipality of a city, which publishes the portal and organises its visits."""
    return _compact(
        {"@type": "GovernmentOrganization", "name": publisher_name(city), "url": city.website}
    )


def city_node(request, city: City, *, described: bool = False) -> dict:
    """The city (with the former names prefetched), and its Wikidata item as sameAs."""
    url = request.build_absolute_uri(city.get_absolute_url())
    geo = None
    if city.latitude is not None and city.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        }
    return _compact(
        {
            "@type": "City",
            "@id": f"{url}#city",
            "url": url,
            "name": city.name,
            "alternateName": [former.name for former in city.former_names.all()],
            "description": city.description if described else None,
            "address": _compact(
                {
                    "@type": "PostalAddress",
                    "addressRegion": city.region,
                    "addressCountry": address_country(city),
                }
            ),
            "geo": geo,
            "sameAs": wikidata_url(city),
        }
    )


def city_document(request, city: City) -> dict:
    return {
        "@context": SCHEMA,
        **city_node(request, city, described=True),
        "inLanguage": get_language(),
    }


def _performer(member: DelegationMember) -> dict:
    """A member of the delegation, with the title and organisation they had then."""
    return _compact(
        {
            "@type": "Person",
            "name": member.person.name,
            "jobTitle": member.title,
            "worksFor": member.organisation
            and {"@type": "Organization", "name": str(member.organisation)},
        }
    )


def visit_document(request, visit: Visit) -> dict:
    """The visit as an Event in the city it went to, under that city's name of the time."""
    relationship = visit.relationship
    url = request.build_absolute_uri(visit.get_absolute_url())
    outgoing = visit.direction == Direction.OUTGOING
    host = relationship.partner_city if outgoing else relationship.home_city
    year = visit.start_date.year if visit.start_date else None
    photo = lead_photo(visit)
    location = {
        "@type": "Place",
        "name": visit.places or host.name_at(year),
        "address": _compact(
            {
                "@type": "PostalAddress",
                "addressLocality": host.name_in_year(year) if year else host.name,
                "addressRegion": host.region,
                "addressCountry": address_country(host),
            }
        ),
        "containedInPlace": city_node(request, host),
    }
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "@id": f"{url}#visit",
            "url": url,
            "name": visit.title,
            "description": report_description(visit),
            "inLanguage": get_language(),
            "startDate": _date(visit.start_date),
            "endDate": _date(visit.end_date),
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": location,
            "organizer": municipality(relationship.home_city),
            "performer": [_performer(member) for member in visit.delegation.all()],
            "image": photo and request.build_absolute_uri(photo.picture.largest.url),
        }
    )


def _timeline_item(request, entry: TimelineEntry) -> dict | None:
    url = request.build_absolute_uri(entry.url)
    if entry.kind == Kind.VISIT:
        node = {"@type": "Event", "@id": f"{url}#visit", "startDate": _date(entry.date)}
    elif entry.kind == Kind.PROTOCOL:
        node = {"@type": "CreativeWork", "dateCreated": _date(entry.date)}
    else:
        return None  # status changes and renames are no things of their own
    return _compact({**node, "name": entry.title, "url": url})


def relationship_document(request, relationship: Relationship, entries) -> dict:
    """The relationship's page, about its two cities, with the visits and protocols of the
    timeline's entries it shows."""
    url = request.build_absolute_uri(relationship.get_absolute_url())
    home, partner = relationship.home_city, relationship.partner_city
    items = [item for entry in entries if (item := _timeline_item(request, entry))]
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": f"{home.name} – {partner.name}",
            "description": relationship.summary,
            "inLanguage": get_language(),
            "about": [city_node(request, home), city_node(request, partner)],
            "publisher": municipality(home),
            "mentions": items,
        }
    )
