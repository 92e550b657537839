"""The journalists' parts of the public pages: feed links, social cards, citation, data."""

import re
from html import unescape

import pytest
from django.utils import translation
from django.utils.timezone import localtime

from journalism.feeds import publisher_name
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def page(client, obj, language="en") -> str:
    with translation.override(language):
        response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def meta(html: str, key: str) -> list[str]:
    pattern = rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, html)]


def feed_links(html: str) -> list[str]:
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml" [^>]*href="([^"]+)"', html
    )


def test_every_page_announces_the_feed_of_all_reports(client, relationship):
    response = client.get("/en/")

    assert feed_links(response.content.decode()) == ["/en/feeds/visits/"]


def test_visit_page_announces_its_relationships_feed_too(client, published):
    html = page(client, published)

    assert feed_links(html) == [
        "/en/feeds/visits/",
        "/en/feeds/relationships/osmangazi-kapchagay/",
    ]


def test_visit_page_carries_a_social_card_with_the_lead_photo(client, published):
    html = page(client, published)

    lead = published.photos.get(order=0).picture.largest
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == ["Published visit"]
    assert meta(html, "og:description") == ["The delegation met the mayor & the council."]
    assert meta(html, "og:url") == ["http://testserver/en/visits/published-visit/"]
    assert meta(html, "og:locale") == ["en_GB"]
    assert meta(html, "og:image") == [f"http://testserver{lead.url}"]
    assert meta(html, "og:image:width") == [str(lead.width)]
    assert meta(html, "og:image:alt") == ["The delegation in front of the town hall."]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert meta(html, "twitter:image") == meta(html, "og:image")
    assert meta(html, "article:published_time") == [
        localtime(published.publish_at).isoformat(timespec="seconds")
    ]


def test_visit_without_photos_gets_a_small_card(client, relationship):
    html = page(client, VisitFactory(relationship=relationship))

    assert meta(html, "twitter:card") == ["summary"]
    assert meta(html, "og:image") == []


def test_visit_page_offers_a_citation_with_a_stable_link(client, published):
    html = page(client, published)

    start = html.index('aria-labelledby="cite-heading"')
    block = html[start : html.index("</section>", start)]
    with translation.override("en"):
        publisher = publisher_name(published.relationship.home_city)
    assert "<cite>Published visit</cite>" in block
    assert publisher in block
    assert '<a href="http://testserver/en/visits/published-visit/">' in block
    published_at = localtime(published.publish_at).isoformat(timespec="seconds")
    assert f'<time datetime="{published_at}">' in block


def test_relationship_page_links_to_its_feed_and_data(client, published):
    html = page(client, published.relationship)

    for path in (
        "/en/feeds/relationships/osmangazi-kapchagay/",
        "/en/data/relationships/osmangazi-kapchagay/timeline.json",
        "/en/data/relationships/osmangazi-kapchagay/timeline.csv",
        "/en/data/relationships/osmangazi-kapchagay/upcoming.ics",
    ):
        assert f'href="{path}"' in html
