"""The embeddable timeline, its embed code on the timeline page and the oEmbed endpoint."""

import json
import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import RelationshipFactory, StatusChangeFactory, VisitFactory

pytestmark = pytest.mark.django_db

TIMELINE = "http://testserver/en/relationships/osmangazi-kapchagay/"


def embed_html(client, slug="osmangazi-kapchagay", language="en") -> str:
    with translation.override(language):
        response = client.get(reverse("journalism:embedded-timeline", kwargs={"slug": slug}))
    assert response.status_code == 200
    return response.content.decode()


def oembed(client, **query):
    """The endpoint has no language prefix: its messages follow the reader's browser."""
    return client.get(f"{reverse('service:oembed')}?{urlencode(query)}", HTTP_ACCEPT_LANGUAGE="en")


def entry_titles(html: str) -> list[str]:
    return re.findall(r'<p class="embed__entry-title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_the_embed_shows_the_latest_public_entries_newest_first(
    client, timeline, published, draft, scheduled_later, scheduled_past
):
    html = embed_html(client)

    # Newest first; the status change of unknown date has no place in "latest".
    assert entry_titles(html) == [
        "Scheduled and out",
        "Published visit",
        "Protocol",
        "Relationship becomes active",
    ]
    assert "Draft visit" not in html and "Scheduled for later" not in html
    assert f'<link rel="canonical" href="{TIMELINE}">' in html
    assert f'<a href="{TIMELINE}">' in html
    assert '<base target="_blank">' in html


def test_the_embed_is_compact(client, relationship):
    for day in range(1, 13):
        VisitFactory(
            relationship=relationship,
            start_date=f"2020-01-{day:02d}",
            end_date="",
            title_en=f"Visit of January {day}",
        )
    titles = entry_titles(embed_html(client))
    assert titles == [f"Visit of January {day}" for day in range(12, 4, -1)]


def test_the_embed_is_in_the_language_of_its_address(client, published):
    html = embed_html(client, language="tr")
    assert '<html lang="tr"' in html
    assert "Yayımlanmış ziyaret" in entry_titles(html)


def test_an_unpublished_relationship_has_no_embed(client, db):
    hidden = RelationshipFactory(slug="zqhidden", is_published=False)
    with translation.override("en"):
        url = reverse("journalism:embedded-timeline", kwargs={"slug": hidden.slug})
    assert client.get(url).status_code == 404


def test_oembed_answers_with_a_rich_iframe_of_the_embed(client, published):
    response = oembed(client, url=TIMELINE, format="json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert {k: v for k, v in data.items() if k != "html"} == {
        "version": "1.0",
        "type": "rich",
        "title": "Timeline: Osmangazi – Konaev",
        "provider_name": "Osmangazi Municipality",
        "provider_url": "http://testserver/en/",
        "author_name": "Osmangazi Municipality",
        "width": 560,
        "height": 640,
        "cache_age": 3600,
    }
    (src,) = re.findall(
        r'<iframe src="([^"]+)" width="560" height="640" title="[^"]+"', data["html"]
    )
    assert src == "http://testserver/en/embed/relationships/osmangazi-kapchagay/"
    assert client.get(src).status_code == 200


def test_oembed_keeps_the_language_and_the_consumers_largest_size(client, published):
    with translation.override("kk"):
        kazakh = published.relationship.get_absolute_url()
    data = oembed(
        client,
        url=f"http://testserver{kazakh}",
        maxwidth="400",
        maxheight="9000",
    ).json()
    assert (data["width"], data["height"]) == (400, 640)
    assert 'src="http://testserver/kk/embed/relationships/osmangazi-kapchagay/"' in data["html"]
    assert 'width="400"' in data["html"]


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/en/relationships/no-such-relationship/",
        "http://testserver/en/relationships/zqhidden/",
        "http://elsewhere.example/en/relationships/osmangazi-kapchagay/",
        "http://testserver/en/visits/published-visit/",
        "http://testserver/relationships/osmangazi-kapchagay/",
        "ftp://testserver/en/relationships/osmangazi-kapchagay/",
        "not a url at all",
        "http://[::1/en/relationships/osmangazi-kapchagay/",
    ],
)
def test_oembed_knows_only_published_timelines_of_this_site(client, published, url):
    RelationshipFactory(slug="zqhidden", is_published=False)
    response = oembed(client, url=url)
    assert response.status_code == 404
    assert response.content.decode() == "No published timeline has this address."


def test_oembed_offers_json_only(client, published):
    response = oembed(client, url=TIMELINE, format="xml")
    assert response.status_code == 501
    assert response.content.decode() == "Only format=json is offered."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "Give the address of a timeline page as url=…"),
        ({"url": TIMELINE, "maxwidth": "wide"}, "at least 200"),
        ({"url": TIMELINE, "maxheight": "-5"}, "at least 200"),
        ({"url": TIMELINE, "maxwidth": "50"}, "at least 200"),
    ],
)
def test_oembed_explains_a_bad_request(client, published, query, message):
    response = oembed(client, **query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_oembed_errors_are_in_the_visitors_language(client, published):
    response = client.get(reverse("service:oembed"), {"format": "xml"}, HTTP_ACCEPT_LANGUAGE="tr")
    assert response.content.decode() == "Yalnızca format=json sunulur."


def test_the_timeline_page_announces_its_oembed_and_offers_the_code(client, published):
    with translation.override("en"):
        html = client.get(published.relationship.get_absolute_url()).content.decode()

    (href,) = re.findall(
        r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html
    )
    href = unescape(href)
    assert href == f"http://testserver/oembed?{urlencode({'url': TIMELINE, 'format': 'json'})}"
    data = client.get(href).json()

    (code,) = re.findall(r"<textarea [^>]*readonly data-embed-code>([^<]*)</textarea>", html)
    assert unescape(code) == data["html"]
    assert re.search(
        r'<button type="button" data-copy-embed-code hidden[^>]*>Copy embed code<', html
    )


def test_the_embed_shows_an_ended_relationship_as_such(client, relationship):
    StatusChangeFactory(relationship=relationship, status="ended", date="2021")
    html = embed_html(client)
    assert "ended" in html
    assert json.dumps("Relationship ended")[1:-1] in html
