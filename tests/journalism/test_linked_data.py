"""The schema.org JSON-LD of the visit report, the city page and the relationship page,
read as a consumer reads it: out of the HTML, expanded by PyLD under schema.org's context."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sistercities.models import City, Relationship
from tests.factories import (
    DelegationMemberFactory,
    FormerCityNameFactory,
    OrganisationFactory,
    PersonFactory,
    ProtocolFactory,
    VisitFactory,
)
from tests.helpers.linked_data import expand, json_ld_documents, schema, to_nquads
from visits.models import Visit

pytestmark = pytest.mark.django_db

WIKIDATA_KONAEV = "Q4000001"  # made up for the test: the showcase stores no item it cannot prove


def the_document(client, obj, language="en") -> dict:
    with translation.override(language):
        response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    documents = json_ld_documents(response.content.decode())
    assert len(documents) == 1
    return documents[0]


def the_node(document: dict) -> dict:
    (node,) = expand(document)
    return node


def values(node: dict, term: str) -> list:
    return [value.get("@value", value.get("@id")) for value in node.get(schema(term), [])]


def nodes(node: dict, term: str) -> list[dict]:
    return node.get(schema(term), [])


@pytest.fixture
def mayor(published):
    """The mayor with the title he had on the visit, and a later one on another visit."""
    person = PersonFactory(name_tr="Mustafa Dündar")
    DelegationMemberFactory(
        visit=published,
        person=person,
        title_tr="Osmangazi Belediye Başkanı",
        title_en="Mayor of Osmangazi",
        organisation=OrganisationFactory(
            name_tr="Osmangazi Belediyesi", name_en="Osmangazi Municipality"
        ),
    )
    later = VisitFactory(relationship=published.relationship, start_date="2024-05", end_date="")
    DelegationMemberFactory(visit=later, person=person, title_en="Former mayor")
    return person


def test_a_visit_report_is_an_event_in_the_city_it_went_to(client, published, mayor):
    partner = published.relationship.partner_city
    FormerCityNameFactory(
        city=partner, name_tr="Kapçagay", name_en="Kapchagay", used_until_year=2022
    )
    partner.wikidata_id = WIKIDATA_KONAEV
    partner.save()

    document = the_document(client, published)
    event = the_node(document)

    assert document["@context"] == "https://schema.org"
    assert event["@type"] == [schema("Event")]
    assert event["@id"] == "http://testserver/en/visits/published-visit/#visit"
    assert values(event, "url") == ["http://testserver/en/visits/published-visit/"]
    assert values(event, "name") == ["Published visit"]
    assert values(event, "description") == ["The delegation met the mayor & the council."]
    assert values(event, "startDate") == ["2019-08-24"]
    assert values(event, "endDate") == ["2019-08-26"]
    assert values(event, "inLanguage") == ["en"]

    (place,) = nodes(event, "location")
    assert place["@type"] == [schema("Place")]
    assert values(place, "name") == ["Kapchagay (today Konaev)"]
    (address,) = nodes(place, "address")
    assert values(address, "addressLocality") == ["Kapchagay"]
    assert values(address, "addressCountry") == ["KZ"]
    (city,) = nodes(place, "containedInPlace")
    assert city["@type"] == [schema("City")]
    assert values(city, "name") == ["Konaev"]
    assert values(city, "sameAs") == [f"https://www.wikidata.org/wiki/{WIKIDATA_KONAEV}"]

    (organizer,) = nodes(event, "organizer")
    assert organizer["@type"] == [schema("GovernmentOrganization")]
    assert values(organizer, "name") == ["Osmangazi Municipality"]
    assert values(organizer, "url") == ["https://osmangazi.bel.tr"]

    (performer,) = nodes(event, "performer")
    assert performer["@type"] == [schema("Person")]
    assert values(performer, "name") == ["Mustafa Dündar"]
    assert values(performer, "jobTitle") == ["Mayor of Osmangazi"]  # not the later title
    (employer,) = nodes(performer, "worksFor")
    assert values(employer, "name") == ["Osmangazi Municipality"]

    lead = published.photos.get(order=0).picture.largest
    assert values(event, "image") == [f"http://testserver{lead.url}"]


def test_the_json_ld_is_rdf_every_term_of_it_in_schema_org(client, published, mayor):
    quads = to_nquads(the_document(client, published))

    event = "<http://testserver/en/visits/published-visit/#visit>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    assert f"{event} {rdf_type} <http://schema.org/Event>" in quads
    predicates = {line.split(" ")[1] for line in quads.splitlines()}
    assert predicates and all(
        p.startswith("<http://schema.org/") or p == rdf_type for p in predicates
    )


def test_an_incoming_visit_takes_place_at_home(client, relationship):
    visit = VisitFactory(relationship=relationship, direction="incoming", places_en="Town hall")
    (place,) = nodes(the_node(the_document(client, visit)), "location")
    assert values(place, "name") == ["Town hall"]
    (city,) = nodes(place, "containedInPlace")
    assert values(city, "name") == ["Osmangazi"]


def test_the_visit_data_is_in_the_pages_language(client, published):
    published.title_kk = "Қонаевқа сапар"
    published.save()
    event = the_node(the_document(client, published, "kk"))
    assert values(event, "name") == ["Қонаевқа сапар"]
    assert values(event, "inLanguage") == ["kk"]
    (organizer,) = nodes(event, "organizer")
    assert values(organizer, "name") == ["Osmangazi муниципалитеті"]


def test_no_text_can_close_the_script(client, relationship):
    title = '</script><script>alert("x")</script> & <!-- more'
    visit = VisitFactory(relationship=relationship, title_en=title)
    with translation.override("en"):
        html = client.get(visit.get_absolute_url()).content.decode()

    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    assert json_ld_documents(html)[0]["name"] == title


def test_a_city_page_is_a_city_the_same_as_its_wikidata_item(client, relationship):
    partner = relationship.partner_city
    partner.wikidata_id = WIKIDATA_KONAEV
    partner.region_en = "Almaty Region"
    partner.latitude, partner.longitude = "43.85520", "77.06150"
    partner.description_en = "A city on the Ili."
    partner.save()
    FormerCityNameFactory(
        city=partner, name_tr="Kapçagay", name_en="Kapchagay", used_until_year=2022
    )

    city = the_node(the_document(client, partner))

    assert city["@type"] == [schema("City")]
    assert city["@id"] == "http://testserver/en/cities/konaev/#city"
    assert values(city, "name") == ["Konaev"]
    assert values(city, "alternateName") == ["Kapchagay"]
    assert values(city, "description") == ["A city on the Ili."]
    assert values(city, "sameAs") == [f"https://www.wikidata.org/wiki/{WIKIDATA_KONAEV}"]
    (geo,) = nodes(city, "geo")
    assert geo["@type"] == [schema("GeoCoordinates")]
    assert values(geo, "latitude") == [43.8552]
    (address,) = nodes(city, "address")
    assert values(address, "addressRegion") == ["Almaty Region"]
    assert values(address, "addressCountry") == ["KZ"]


def test_a_city_without_a_wikidata_item_claims_no_sameas(client, relationship):
    city = the_node(the_document(client, relationship.home_city))
    assert schema("sameAs") not in city
    assert values(city, "name") == ["Osmangazi"]


def test_a_relationship_page_is_about_its_two_cities_and_mentions_its_public_entries(
    client, relationship, published, draft, scheduled_later
):
    relationship.summary_en = "Two sisters."
    relationship.save()
    relationship.home_city.wikidata_id = "Q4000002"
    relationship.home_city.save()
    ProtocolFactory(relationship=relationship, signed_on="2012-05", title_en="Sister-city protocol")

    page = the_node(the_document(client, relationship))

    assert page["@type"] == [schema("WebPage")]
    assert page["@id"] == "http://testserver/en/relationships/osmangazi-kapchagay/"
    assert values(page, "name") == ["Osmangazi – Konaev"]
    assert values(page, "description") == ["Two sisters."]
    home, partner = nodes(page, "about")
    assert [home["@type"], partner["@type"]] == [[schema("City")]] * 2
    assert values(home, "sameAs") == ["https://www.wikidata.org/wiki/Q4000002"]
    assert values(partner, "name") == ["Konaev"]
    (publisher,) = nodes(page, "publisher")
    assert publisher["@type"] == [schema("GovernmentOrganization")]

    mentioned = {(m["@type"][0], values(m, "name")[0]) for m in nodes(page, "mentions")}
    assert mentioned == {
        (schema("CreativeWork"), "Sister-city protocol"),
        (schema("Event"), "Published visit"),
    }


def test_the_visited_city_s_former_names_cost_the_page_no_query(client, published):
    """The home city's names are prefetched with the visit, as the partner's are: an
    incoming visit's page makes as many queries as an outgoing one's."""
    home = published.relationship.home_city
    FormerCityNameFactory(city=home, name_en="Old Osmangazi", used_until_year=1990)
    with translation.override("en"):
        url = published.get_absolute_url()
    client.get(url)  # the site facts, cached from then on
    counts = {}
    for direction in ("outgoing", "incoming"):
        Visit.objects.filter(pk=published.pk).update(direction=direction)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        counts[direction] = len(queries)
    assert counts["incoming"] == counts["outgoing"]
    (place,) = nodes(the_node(json_ld_documents(html)[0]), "location")
    (city,) = nodes(place, "containedInPlace")
    assert values(city, "alternateName") == ["Old Osmangazi"]


@pytest.mark.parametrize("language", ["tr", "en", "kk", "ru"])
def test_every_page_with_json_ld_gives_one_valid_document_in_every_language(
    client, showcase, language
):
    for obj, kind in (
        (Visit.objects.get(), "Event"),
        (City.objects.get(slug="konaev"), "City"),
        (Relationship.objects.get(), "WebPage"),
    ):
        node = the_node(the_document(client, obj, language))
        assert node["@type"] == [schema(kind)]
        assert values(node, "inLanguage") == [language]
