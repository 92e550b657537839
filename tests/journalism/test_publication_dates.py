"""A report's three dates, each where it belongs: the day it first appeared elsewhere (the
municipality's news item), when this portal published it, and its last change here."""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import VisitFactory
from visits.models import Visit
from visits.publication import last_updated

pytestmark = pytest.mark.django_db

NEWS_ITEM_DAY = datetime.date(2019, 8, 24)


@pytest.fixture
def reprinted(published) -> Visit:
    """A 2019 report put on the portal an hour ago."""
    Visit.objects.filter(pk=published.pk).update(
        originally_published_on=NEWS_ITEM_DAY,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    published.refresh_from_db()
    return published


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def visit_page(client, visit, language="en") -> str:
    with translation.override(language):
        return get(client, visit.get_absolute_url())


def fact(html: str, term: str) -> str:
    """The <dd> of a <dt> in the report's list of facts."""
    match = re.search(rf"<dt>{re.escape(term)}</dt><dd>(.*?)</dd>", html)
    return match and match.group(1)


def moment(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def day_text(value) -> str:
    return f"{value.day} {value:%B %Y}"


def test_visit_page_gives_the_original_day_apart_from_the_portals_own_dates(client, reprinted):
    html = visit_page(client, reprinted)

    assert fact(html, "Published") == '<time datetime="2019-08-24">24 August 2019</time>'
    portal_day = timezone.localtime(reprinted.publish_at)
    assert fact(html, "On this portal since") == (
        f'<time datetime="{moment(reprinted.publish_at)}">{day_text(portal_day)}</time>'
    )
    assert moment(last_updated(reprinted)) in fact(html, "Last updated")


def test_a_report_first_published_here_is_dated_by_the_portal(client, published):
    html = visit_page(client, published)

    assert moment(published.publish_at) in fact(html, "Published")
    assert fact(html, "On this portal since") is None


def test_the_turkish_page_names_the_news_items_day(client, reprinted):
    html = visit_page(client, reprinted, "tr")

    assert fact(html, "Yayım tarihi") == '<time datetime="2019-08-24">24 Ağustos 2019</time>'


def test_cite_block_cites_the_report_as_published_on_the_original_day(client, reprinted):
    html = visit_page(client, reprinted)

    start = html.index('aria-labelledby="cite-heading"')
    block = html[start : html.index("</section>", start)]
    assert '<time datetime="2019-08-24">24 August 2019</time>' in block
    assert "published 24 August 2019," in unescape(block)
    assert f'<time datetime="{moment(last_updated(reprinted))}">' in block


def test_social_card_gives_the_original_day_and_the_last_change(client, reprinted):
    html = visit_page(client, reprinted)

    def meta(key):
        return re.findall(rf'<meta property="{key}" content="([^"]*)"', html)

    assert meta("article:published_time") == ["2019-08-24"]
    assert meta("article:modified_time") == [moment(last_updated(reprinted))]


def test_feed_entry_is_published_on_the_original_day_and_ordered_by_the_portals(
    client, relationship, reprinted
):
    newer_original = VisitFactory(
        relationship=relationship,
        title_en="Published here first, earlier",
        originally_published_on=datetime.date(2024, 1, 10),
        publish_at=timezone.now() - datetime.timedelta(days=3),
    )
    feed = feedparser.parse(get(client, "/en/feeds/visits/"))

    assert [entry.title for entry in feed.entries] == [reprinted.title, newer_original.title]
    entry = feed.entries[0]
    assert entry.published == "2019-08-24T00:00:00+03:00"
    assert entry.updated == last_updated(reprinted).isoformat()


def test_timeline_exports_give_each_date_of_publication(client, timeline, reprinted):
    with translation.override("en"):
        json_url = reverse("journalism:timeline-json", kwargs={"slug": timeline.slug})
        csv_url = reverse("journalism:timeline-csv", kwargs={"slug": timeline.slug})
    entries = json.loads(get(client, json_url))["entries"]
    rows = list(csv.DictReader(io.StringIO(get(client, csv_url))))

    [visit] = [entry for entry in entries if entry["kind"] == "visit"]
    dates = {
        "originally_published": "2019-08-24",
        "published_on_portal": moment(reprinted.publish_at),
        "updated": moment(last_updated(reprinted)),
    }
    assert {name: visit[name] for name in dates} == dates
    [visit_row] = [row for row in rows if row["kind"] == "visit"]
    assert {name: visit_row[name] for name in dates} == dates
    protocol_row = next(row for row in rows if row["kind"] == "protocol")
    assert [protocol_row[name] for name in dates] == ["", "", ""]


def test_sitemap_lastmod_is_the_last_change_here_not_the_original_day(client, reprinted):
    root = ET.fromstring(get(client, "/sitemap.xml"))
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmods = {
        url.findtext(f"{namespace}loc"): url.findtext(f"{namespace}lastmod")
        for url in root.iter(f"{namespace}url")
    }

    with translation.override("en"):
        loc = f"http://testserver{reprinted.get_absolute_url()}"
    assert lastmods[loc] == f"{timezone.localtime(last_updated(reprinted)):%Y-%m-%d}"
    assert lastmods[loc] != "2019-08-24"
