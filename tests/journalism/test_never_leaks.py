"""Draft visits, and scheduled visits before their time, appear nowhere public; nor do the
people, organisations, sources and cities known only from them or from an unconfirmed
relationship.

The test builds two published visits (one past, one upcoming), a draft, a draft that was
once public and a visit scheduled for later, each with every text of its own (title,
summary, report, places, delegation titles, meeting topics, quote, photo caption,
correction) carrying its marker word in all four languages, and people, organisations and
a source of its own, named with that marker (its delegation member and the organisation
they stood for, its meeting's host and organisation, its quote's speaker, its related
event's organiser, its source). The unconfirmed relationship holds a protocol whose
signatory, the signatory's organisation and sources are named only there, and its partner
city is in no public relationship. Then it walks
every public address the site can produce, from the sitemap, robots.txt, each language's
home page, the feeds, the exports (the QuickStatements for Wikidata too), the yearly
reports with their PDFs, the embeddable timelines and their oEmbed answers, following each
same-site link and submitting each search form, and looks for the hidden visits' markers,
titles and slugs in every answer, the pages' JSON-LD included. Besides the search form's
word, it searches for each hidden name (and the unconfirmed partner city's).
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from showcase.services import showcase_load
from sistercities.models import Relationship, Signatory, Source
from tests.factories import (
    CityFactory,
    DelegationMemberFactory,
    EventFactory,
    FormerCityNameFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    PhotoFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from tests.helpers.crawl import crawl
from tests.helpers.linked_data import json_ld_documents
from tests.helpers.records import days_from_today
from visits.models import Correction, PublicationStatus, Quote, Visit

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Every visit's title holds this word, so that a search for it would find the hidden ones
# if search let them through.
SEARCH_WORD = "Kestrel"
# The unconfirmed relationship's partner has a Wikidata item (made up), which only a leak
# into the QuickStatements would show.
HIDDEN_ITEM = "Q9990001"


# The titles are in each language's own script, so that an export escaping non-Latin text
# could not hide a leak from the check; the markers are Latin for the same reason.
DELEGATION = {"tr": "heyeti", "en": "delegation", "kk": "делегациясы", "ru": "делегация"}


def translations(field: str, marker: str, text: str | dict[str, str]) -> dict[str, str]:
    """{field_tr: "… marker (tr)", field_en: …} for the four languages."""
    texts = text if isinstance(text, dict) else dict.fromkeys(LANGUAGES, text)
    return {f"{field}_{lang}": f"{texts[lang]} {marker} ({lang})" for lang in LANGUAGES}


def named(marker: str, what: str) -> dict[str, str]:
    """{name_tr: "Kestrel zq…<what>", …}: a name the search word finds, with its marker."""
    return {f"name_{lang}": f"{SEARCH_WORD} {marker}{what}" for lang in LANGUAGES}


def source(marker: str, what: str) -> Source:
    return Source.objects.create(title=f"{SEARCH_WORD} {marker}{what}")


def visit_with_everything(relationship, marker: str, color: str, **fields):
    fields = {"start_date": days_from_today(12), "end_date": days_from_today(14), **fields}
    event = EventFactory(organiser=OrganisationFactory(**named(marker, "organiser")))
    visit = VisitFactory(
        relationship=relationship,
        related_event=event,
        slug=f"{marker}-report",
        **translations("title", marker, {k: f"{SEARCH_WORD} {v}" for k, v in DELEGATION.items()}),
        **translations("summary", marker, "Summary"),
        **translations("report", marker, "Report"),
        **translations("places", marker, "Konaev"),
        **translations("purpose", marker, "Purpose"),
        **fields,
    )
    DelegationMemberFactory(
        visit=visit,
        person=PersonFactory(**named(marker, "member")),
        organisation=OrganisationFactory(**named(marker, "memberorg")),
        **translations("title", marker, "Mayor"),
    )
    MeetingFactory(
        visit=visit,
        host=PersonFactory(**named(marker, "host")),
        organisation=OrganisationFactory(**named(marker, "hostorg")),
        **translations("topics", marker, "Topics"),
    )
    Quote.objects.create(
        visit=visit,
        speaker=PersonFactory(**named(marker, "speaker")),
        **translations("text", marker, "Q"),
    )
    visit.sources.add(source(marker, "source"))
    PhotoFactory(visit=visit, image__color=color, **translations("caption", marker, "Caption"))
    Correction.objects.create(visit=visit, **translations("note", marker, "Corrected"))
    return visit


def built_relationship() -> Relationship:
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
    partner = CityFactory(slug="konaev", name_tr="Konaev", name_en="Konaev", country="KZ")
    FormerCityNameFactory(city=partner, name_tr="Kapchagay", used_until_year=2022)
    relationship = RelationshipFactory(
        slug="osmangazi-konaev", home_city=home, partner_city=partner
    )
    StatusChangeFactory(relationship=relationship, date="2019-08")
    ProtocolFactory(relationship=relationship, signed_on="2019-08-24")
    return relationship


def showcase_relationship() -> Relationship:
    """The real Osmangazi–Kapchagay record, with its own published visit of 2019."""
    showcase_load()
    return Relationship.objects.get(home_city__slug=settings.HOME_CITY_SLUG)


@pytest.fixture(params=[built_relationship, showcase_relationship], ids=["built", "showcase"])
def site(request, db):
    relationship = request.param()
    home = relationship.home_city
    home.wikidata_id = "Q9990002"
    home.save()
    other = RelationshipFactory(
        home_city=home, partner_city=CityFactory(wikidata_id="Q9990003", country="BA")
    )
    # Imported from a list and not yet confirmed by a Publisher: hidden with all it holds.
    imported = RelationshipFactory(
        home_city=relationship.home_city,
        slug="zqimported-pair",
        partner_city=CityFactory(
            slug="zqimportedcity", name_tr="Zqimportedcity", wikidata_id=HIDDEN_ITEM
        ),
        is_published=False,
    )
    # Named only in the unconfirmed relationship: its protocol's signatory, the signatory's
    # organisation, the sources of the relationship, its protocol and its status change.
    protocol = ProtocolFactory(relationship=imported, slug="zqimported-protocol")
    Signatory.objects.create(
        protocol=protocol,
        person=PersonFactory(**named("zqimported", "signatory")),
        organisation=OrganisationFactory(**named("zqimported", "signatoryorg")),
    )
    protocol.sources.add(source("zqimported", "protocolsource"))
    imported.sources.add(source("zqimported", "relationshipsource"))
    change = StatusChangeFactory(relationship=imported, date="2020")
    change.sources.add(source("zqimported", "changesource"))
    # And their published counterparts, which the public does see.
    signed = ProtocolFactory(relationship=relationship, signed_on="2019-08-24")
    Signatory.objects.create(
        protocol=signed,
        person=PersonFactory(**named("zqpublished", "signatory")),
        organisation=OrganisationFactory(**named("zqpublished", "signatoryorg")),
    )
    now = timezone.now()
    published = visit_with_everything(
        relationship, "zqpublished", "navy", start_date="2019-08-24", end_date="2019-08-26"
    )
    # A public organisation in a city the public may not see: shown, but not its city.
    host = published.meetings.get().organisation
    host.city = imported.partner_city
    host.save()
    return {
        "relationships": [relationship, other],
        "hidden_relationships": [imported],
        "published": published,
        "upcoming": visit_with_everything(relationship, "zqupcoming", "teal"),
        "hidden": [
            visit_with_everything(
                relationship,
                "zqdraft",
                "maroon",
                status=PublicationStatus.DRAFT,
                publish_at=None,
            ),
            visit_with_everything(
                relationship,
                "zqscheduled",
                "olive",
                status=PublicationStatus.SCHEDULED,
                publish_at=now + datetime.timedelta(days=3),
            ),
            # A draft that once had a publication time, as after an unpublish.
            visit_with_everything(
                other,
                "zqunpublished",
                "purple",
                status=PublicationStatus.DRAFT,
                publish_at=now - datetime.timedelta(days=3),
            ),
            # Published, but inside a relationship the public may not see yet.
            visit_with_everything(imported, "zqimported", "green"),
        ],
    }


def in_every_language(name: str, **kwargs) -> list[str]:
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            urls.append(reverse(name, kwargs=kwargs))
    return urls


# What each hidden visit names, after its marker, and what only the unconfirmed
# relationship names: the crawl searches for each.
VISIT_NAMES = ["member", "memberorg", "host", "hostorg", "speaker", "organiser", "source"]
RELATIONSHIP_NAMES = ["signatory", "signatoryorg", "protocolsource", "relationshipsource"]


def hidden_names(hidden_visits) -> list[str]:
    markers = [visit.slug.removesuffix("-report") for visit in hidden_visits]
    names = [f"{marker}{what}" for marker in markers for what in VISIT_NAMES]
    names += [f"zqimported{what}" for what in [*RELATIONSHIP_NAMES, "changesource"]]
    return [*names, "Zqimportedcity"]


def searches_for(names) -> list[str]:
    """A search for each name, in every language, without its first letter: the search
    matches within words, and the page repeating the query is then no leak."""
    return [
        f"{url}?{urlencode({'q': name[1:]})}"
        for name in names
        for url in in_every_language("sistercities:search")
    ]


def start_urls(relationships, years) -> list[str]:
    urls = ["/sitemap.xml", "/robots.txt", "/healthz"]
    urls += in_every_language("sistercities:home")
    urls += in_every_language("journalism:visit-feed")
    urls += in_every_language("journalism:upcoming-ics")
    urls += in_every_language("reports:report-list")
    for year in years:
        urls += in_every_language("reports:year-report", year=year)
        urls += in_every_language("reports:year-report-pdf", year=year)
    urls += in_every_language("journalism:quickstatements")
    urls += in_every_language("journalism:quickstatements-skipped")
    for relationship in relationships:
        for name in (
            "journalism:relationship-feed",
            "journalism:timeline-json",
            "journalism:timeline-csv",
            "journalism:relationship-upcoming-ics",
            "journalism:embedded-timeline",
        ):
            urls += in_every_language(name, slug=relationship.slug)
        for page in in_every_language("sistercities:relationship-detail", slug=relationship.slug):
            urls.append(f"/oembed?{urlencode({'url': f'http://testserver{page}'})}")
    return urls


def forbidden_texts(visit) -> list[str]:
    marker = visit.slug.removesuffix("-report")
    titles = [getattr(visit, f"title_{lang}") for lang in LANGUAGES]
    return [marker, visit.slug, *titles]


def test_hidden_visits_appear_in_no_public_answer(client, site):
    # The yearly reports of every year a visit falls in, hidden ones included.
    visits = Visit.objects.filter(pk__in=[v.pk for v in [site["published"], *site["hidden"]]])
    years = {start.year for start in visits.values_list("start_date", flat=True)}
    names = hidden_names(site["hidden"])
    start = start_urls(site["relationships"], years) + searches_for(names)
    pages = crawl(client, start, search_word=SEARCH_WORD)

    forbidden = [text for visit in site["hidden"] for text in forbidden_texts(visit)]
    forbidden += ["zqimported-pair", "zqimportedcity", HIDDEN_ITEM, *names]
    # The upload itself may carry camera and location data; the public gets copies.
    forbidden.append("photos/originals/")
    leaks = [
        (url, text)
        for url, page in pages.items()
        for text in forbidden
        if text.lower() in page.text.lower()
    ]
    assert leaks == []

    # The walk went everywhere the public can: each language's copy of the published
    # report and of its relationship, and search answers with the published report.
    published = site["published"]
    for url in in_every_language("visits:visit-detail", slug=published.slug):
        assert pages[url].status == 200
        assert "zqpublished" in pages[url].text
        (event,) = json_ld_documents(pages[url].text)
        assert "zqpublished" in event["name"]
    relationship = site["relationships"][0]
    for url in in_every_language("sistercities:relationship-detail", slug=relationship.slug):
        assert pages[url].status == 200
    searches = [page for url, page in pages.items() if f"={SEARCH_WORD}" in url]
    assert searches and all("zqpublished" in page.text for page in searches)
    # Search still finds the people and organisations published content names.
    named = ["member", "memberorg", "host", "hostorg", "speaker", "organiser", "signatory"]
    for page in searches:
        for what in [*named, "signatoryorg"]:
            assert f"zqpublished{what}" in page.text, what
    for url in in_every_language("journalism:upcoming-ics"):
        assert "zqupcoming" in pages[url].text
    # The yearly report and its PDF hold the published visit, in each language.
    for name in ("reports:year-report", "reports:year-report-pdf"):
        for url in in_every_language(name, year=2019):
            assert pages[url].status == 200
            assert "zqpublished" in pages[url].text
    # The JSON-LD, the embed and the QuickStatements were read, with the public entries.
    for url in in_every_language("sistercities:relationship-detail", slug=relationship.slug):
        (document,) = json_ld_documents(pages[url].text)
        assert any("zqpublished" in item["name"] for item in document["mentions"])
    for url in in_every_language("journalism:embedded-timeline", slug=relationship.slug):
        assert pages[url].status == 200 and "zqpublished" in pages[url].text
    for url in in_every_language("journalism:quickstatements"):
        assert "Q9990002\tP190\tQ9990003" in pages[url].text
    assert any(url.startswith("/oembed?") and page.status == 200 for url, page in pages.items())
    assert "/sitemap.xml" in pages and len(pages) > 50


def test_hidden_visits_own_pages_are_not_found(client, site):
    for visit in site["hidden"]:
        urls = in_every_language("visits:visit-detail", slug=visit.slug)
        photo = visit.photos.get()
        for name in ("visits:photo-detail", "visits:photo-download"):
            urls += in_every_language(name, slug=visit.slug, pk=photo.pk)
        for url in urls:
            assert client.get(url).status_code == 404, url


def test_an_unconfirmed_relationships_own_pages_are_not_found(client, site):
    (imported,) = site["hidden_relationships"]
    urls = in_every_language("sistercities:city-detail", slug=imported.partner_city.slug)
    for name in (
        "sistercities:relationship-detail",
        "journalism:relationship-feed",
        "journalism:timeline-json",
        "journalism:timeline-csv",
        "journalism:embedded-timeline",
    ):
        urls += in_every_language(name, slug=imported.slug)
    for page in in_every_language("sistercities:relationship-detail", slug=imported.slug):
        urls.append(f"/oembed?{urlencode({'url': f'http://testserver{page}'})}")
    for url in urls:
        assert client.get(url).status_code == 404, url
