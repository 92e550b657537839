"""Every public page and every admin list costs the same number of queries with 10 visits
as with 1,000, and a visit's pages the same with 5 photos as with 500."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.portal.performance.conftest import add_photos
from visits.models import Visit

FEW, MANY = 10, 1000


def public_pages(record) -> dict[str, str]:
    slug = record.relationship.slug
    with translation.override("en"):
        return {
            "home": reverse("sistercities:home"),
            "relationship list": reverse("sistercities:relationship-list"),
            "timeline": record.relationship.get_absolute_url(),
            "timeline of visits": record.relationship.get_absolute_url() + "?kind=visit",
            "visit list": reverse("visits:visit-list"),
            "visit report": record.visit.get_absolute_url(),
            "city": record.partner.get_absolute_url(),
            "home city": record.home.get_absolute_url(),
            "protocol": record.protocol.get_absolute_url(),
            "search": reverse("sistercities:search") + "?q=visit",
            "search of people": reverse("sistercities:search") + "?q=Kişi",
            "feed": reverse("journalism:visit-feed"),
            "relationship feed": reverse("journalism:relationship-feed", args=[slug]),
            "timeline.json": reverse("journalism:timeline-json", args=[slug]),
            "timeline.csv": reverse("journalism:timeline-csv", args=[slug]),
            "upcoming.ics": reverse("journalism:upcoming-ics"),
            "relationship upcoming.ics": reverse(
                "journalism:relationship-upcoming-ics", args=[slug]
            ),
            "sitemap": reverse("service:sitemap"),
        }


def admin_changelists() -> dict[str, str]:
    return {
        model._meta.label: reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        )
        for model in admin.site._registry
    }


def query_counts(client, pages: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in pages.items():
        client.get(url)  # a first request fills the per-process caches (translations, sites)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_public_pages_cost_the_same_with_10_and_1000_visits(client, record):
    few = query_counts(client, public_pages(record))
    record.grow(MANY)
    assert Visit.objects.published().count() == MANY
    assert query_counts(client, public_pages(record)) == few


def test_admin_lists_cost_the_same_with_10_and_1000_visits(admin_client, record):
    few = query_counts(admin_client, admin_changelists())
    record.grow(MANY)
    assert query_counts(admin_client, admin_changelists()) == few


@pytest.fixture
def photo_pages(record):
    def pages():
        photo = record.visit.photos.order_by("order", "pk")[1]
        with translation.override("en"):
            return {
                "visit report": record.visit.get_absolute_url(),
                "photo": photo.get_absolute_url(),
                "feed": reverse("journalism:visit-feed"),
            }

    return pages


def test_a_visit_costs_the_same_with_5_and_500_photos(client, record, photo_pages):
    add_photos(record.visit, 5, record.photo)
    few = query_counts(client, photo_pages())
    add_photos(record.visit, 495, record.photo)
    assert record.visit.photos.count() == 500
    assert query_counts(client, photo_pages()) == few
