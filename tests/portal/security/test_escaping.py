"""Hostile text typed by staff — script tags, event handlers, javascript: links, broken
markup, right-to-left overrides, very long strings — goes into every text field of the
showcase record, in every language, and comes out escaped on every public page, feed and
export. URL fields refuse javascript: and its kin."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sistercities.models import City, Organisation, Source
from tests.helpers.crawl import crawl
from tests.helpers.records import SHOWCASE_RELATIONSHIP, SHOWCASE_VISIT
from tests.portal.security.corpus import (
    PAYLOADS,
    TRICKY_URL,
    UNSAFE_URLS,
    html_problems,
    text_fields,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "en", "kk", "ru"]
MODELS = [
    apps.get_model(label)
    for label in (
        "sistercities.City",
        "sistercities.FormerCityName",
        "sistercities.CityAlias",
        "sistercities.Organisation",
        "sistercities.Person",
        "sistercities.CooperationArea",
        "sistercities.Relationship",
        "sistercities.StatusChange",
        "sistercities.Protocol",
        "sistercities.Signatory",
        "sistercities.Source",
        "visits.Event",
        "visits.Visit",
        "visits.DelegationMember",
        "visits.Meeting",
        "visits.Quote",
        "visits.Photo",
        "visits.Correction",
    )
]


def poison_every_text_field(round_: int) -> int:
    """Write a payload into each text field of every row (the payload shifts with the
    field and the round, so that each kind of field meets each payload over the rounds).
    Returns how many values were written."""
    written = 0
    payloads = itertools.cycle(PAYLOADS[round_:] + PAYLOADS[:round_])
    for model in MODELS:
        fields = text_fields(model)
        for row in model.objects.all():
            values = {}
            for field in fields:
                payload = next(payloads)
                values[field.attname] = payload[: field.max_length] if field.max_length else payload
            if hasattr(model, "website"):
                values["website"] = TRICKY_URL
            if model is Source:
                values["url"] = TRICKY_URL
            model.objects.filter(pk=row.pk).update(**values)
            written += len(values)
    return written


def start_urls() -> list[str]:
    urls = ["/sitemap.xml", "/robots.txt"]
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("sistercities:home"),
                reverse("sistercities:relationship-list"),
                reverse("visits:visit-list"),
                reverse("journalism:visit-feed"),
                reverse("journalism:upcoming-ics"),
                reverse("visits:visit-detail", args=[SHOWCASE_VISIT]),
                reverse("sistercities:search") + "?q=alert",
                reverse("sistercities:search") + "?q=script",
            ]
            for name in (
                "journalism:relationship-feed",
                "journalism:timeline-json",
                "journalism:timeline-csv",
                "journalism:relationship-upcoming-ics",
            ):
                urls.append(reverse(name, args=[SHOWCASE_RELATIONSHIP]))
    return urls


def feed_problems(xml: str) -> list[str]:
    """In Atom, an element of type="html" holds HTML: its text must be escaped markup."""
    problems = []
    for element in ET.fromstring(xml).iter():
        text = element.text or ""
        if element.get("type") == "html" and html_problems(text):
            problems.append(f"{element.tag}: {html_problems(text)}")
    return problems


@pytest.mark.parametrize("round_", [0, 5, 10])
def test_hostile_text_is_shown_escaped_everywhere(showcase, client, round_):
    written = poison_every_text_field(round_)
    assert written > 150

    pages = crawl(client, start_urls(), search_word="alert", limit=400, variants_per_path=6)

    assert len(pages) > 60
    assert all(page.status < 500 for page in pages.values())
    problems = {}
    for url, page in pages.items():
        body = page.text.split("\n\n", 1)[1]
        if "html" in page.content_type:
            found = html_problems(body)
        elif "atom" in page.content_type or "rss" in page.content_type:
            found = feed_problems(body)
        else:  # JSON, CSV, iCalendar: data, never served as something a browser runs
            found = [] if "html" not in page.content_type else ["served as HTML"]
        if found:
            problems[url] = found
    assert problems == {}


def test_the_payload_is_really_on_the_page(showcase, client):
    """The crawl above would prove nothing if the text did not reach the pages."""
    poison_every_text_field(0)
    with translation.override("en"):
        body = client.get(reverse("visits:visit-detail", args=[SHOWCASE_VISIT])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "onerror=alert(1)&gt;" in body
    assert "<script>alert(1)" not in body


@pytest.mark.parametrize("url", UNSAFE_URLS)
@pytest.mark.parametrize(
    ("model", "field"), [(City, "website"), (Organisation, "website"), (Source, "url")]
)
def test_url_fields_refuse_script_urls(model, field, url):
    with pytest.raises(ValidationError):
        model._meta.get_field(field).clean(url, None)


@pytest.mark.parametrize("url", UNSAFE_URLS[:3])
def test_admin_form_refuses_a_javascript_source_url(publisher_client, url):
    response = publisher_client.post(
        reverse("admin:sistercities_source_add"), {"title_tr": "Haber", "url": url}
    )
    assert response.status_code == 200  # the form again, with the error
    assert "url" in response.context["adminform"].form.errors
    assert not Source.objects.filter(url=url).exists()


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "<" in p and "&lt;" not in p][:8])
def test_the_checker_finds_each_payload_unescaped(payload):
    page = f'<html><head><script src="/static/js/site.js"></script></head><body>{payload}</body>'
    assert html_problems(page)
