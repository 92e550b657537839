import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from journalism.feeds import publisher_name
from tests.factories import PhotoFactory, RelationshipFactory, VisitFactory

pytestmark = pytest.mark.django_db


def fetch_feed(client, language="en", **kwargs):
    with translation.override(language):
        name = "journalism:relationship-feed" if kwargs else "journalism:visit-feed"
        url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def absolute(url):
    return f"http://testserver{url}"


def test_feed_holds_published_reports_only(
    client, published, draft, scheduled_later, scheduled_past
):
    feed = fetch_feed(client)

    titles = {entry.title for entry in feed.entries}
    assert titles == {"Published visit", "Scheduled and out"}


def test_feed_entry_has_dates_author_link_and_lead_photo(client, published):
    entry = fetch_feed(client).entries[0]

    with translation.override("en"):
        link = absolute(published.get_absolute_url())
        author = publisher_name(published.relationship.home_city)
    assert entry.link == link
    assert entry.id == link
    assert entry.summary == "The delegation met the mayor &amp; the council."
    assert entry.author == author
    assert entry.published == published.publish_at.isoformat()
    assert entry.updated == published.updated_at.isoformat()
    lead = published.photos.get(order=0)
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href == absolute(lead.picture.largest.url)
    assert enclosure.type == "image/jpeg"


def test_feed_never_points_at_an_original_upload(client, published):
    response = client.get("/en/feeds/visits/")

    assert b"photos/originals/" not in response.content


def test_feed_is_written_in_the_language_of_its_address(client, published):
    turkish = fetch_feed(client, "tr")

    assert turkish.feed.language == "tr"
    assert turkish.entries[0].title == "Yayımlanmış ziyaret"
    assert turkish.entries[0].link.startswith("http://testserver/tr/")


def test_feed_names_its_municipality_as_author(client, published):
    feed = fetch_feed(client)

    with translation.override("en"):
        assert feed.feed.author == publisher_name(published.relationship.home_city)
    assert feed.feed.author_detail.href == "https://osmangazi.bel.tr"


def test_relationship_feed_holds_only_that_relationships_reports(client, published):
    VisitFactory(title_en="Elsewhere", relationship=RelationshipFactory())

    feed = fetch_feed(client, slug=published.relationship.slug)

    assert [entry.title for entry in feed.entries] == ["Published visit"]
    with translation.override("en"):
        assert feed.feed.link == absolute(published.relationship.get_absolute_url())


def test_feed_of_an_unknown_relationship_is_not_found(client):
    assert client.get("/en/feeds/relationships/nowhere/").status_code == 404


def test_feed_query_count_does_not_grow_with_its_entries(client, relationship):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            fetch_feed(client)
        return len(captured)

    for _ in range(2):
        PhotoFactory(visit=VisitFactory(relationship=relationship))
    few = queries()
    for _ in range(6):
        PhotoFactory(visit=VisitFactory(relationship=RelationshipFactory()))
    assert queries() == few
