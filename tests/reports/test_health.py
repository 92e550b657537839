"""The relationship health page in the admin: staff only, one row per relationship of the
home city, a query count that does not grow with them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.health import relationship_health
from tests.factories import (
    CityFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from tests.helpers.records import days_from_today
from visits.models import PublicationStatus


def years_ago(years: int, days: int = 0) -> str:
    today = timezone.localdate()
    return (
        today.replace(year=today.year - years, day=min(today.day, 28))
        - datetime.timedelta(days=days)
    ).isoformat()


def health_url():
    return reverse("reports-admin:relationship-health")


@pytest.fixture
def home(db):
    return CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")


def partner_relationship(home, slug, **fields):
    partner = CityFactory(slug=f"{slug}-city", name_en=slug.capitalize(), name_tr=slug.capitalize())
    return RelationshipFactory(slug=slug, home_city=home, partner_city=partner, **fields)


@pytest.fixture
def relationships(home):
    lively = partner_relationship(home, "lively")
    VisitFactory(relationship=lively, start_date=years_ago(1), end_date="")
    VisitFactory(relationship=lively, start_date=years_ago(1, days=40), end_date="")
    # A visit still to come is no contact yet.
    VisitFactory(relationship=lively, start_date=days_from_today(30), end_date="")

    quiet = partner_relationship(home, "quiet")
    VisitFactory(relationship=quiet, start_date=years_ago(6), end_date="")
    ProtocolFactory(relationship=quiet, signed_on=years_ago(5))

    ended = partner_relationship(home, "ended")
    StatusChangeFactory(relationship=ended, status="ended", date=years_ago(8))

    silent = partner_relationship(home, "silent")

    # A draft's visit happened too: staff count it as contact.
    drafted = partner_relationship(home, "drafted", is_published=False)
    VisitFactory(
        relationship=drafted,
        start_date=years_ago(0, days=10),
        end_date="",
        status=PublicationStatus.DRAFT,
        publish_at=None,
    )
    # Not the home city's: not on the page.
    RelationshipFactory(slug="elsewhere", home_city=CityFactory(slug="bursa"))
    return {"lively": lively, "quiet": quiet, "ended": ended, "silent": silent}


def rows_by_slug():
    return {row.relationship.slug: row for row in relationship_health()}


def test_last_contact_years_since_and_dormancy(relationships):
    rows = rows_by_slug()
    assert set(rows) == {"lively", "quiet", "ended", "silent", "drafted"}

    assert rows["lively"].last_contact.kind == "visit"
    assert rows["lively"].last_contact.date.isoformat() == years_ago(1)
    assert rows["lively"].years_since in (0, 1) and not rows["lively"].dormant
    assert rows["quiet"].last_contact.kind == "protocol"
    assert rows["quiet"].years_since in (4, 5) and rows["quiet"].dormant
    assert rows["ended"].last_contact.kind == "status" and not rows["ended"].dormant
    assert rows["silent"].last_contact is None and rows["silent"].dormant
    assert rows["drafted"].years_since == 0 and not rows["drafted"].dormant


def test_the_dormancy_threshold_is_a_setting(relationships, settings):
    settings.PORTAL_DORMANT_AFTER_YEARS = 10
    assert not rows_by_slug()["quiet"].dormant
    settings.PORTAL_DORMANT_AFTER_YEARS = 1
    assert rows_by_slug()["lively"].dormant == (rows_by_slug()["lively"].years_since >= 1)


def test_visits_per_year_count_the_visits_begun(relationships):
    chart = rows_by_slug()["lively"].visits
    year = timezone.localdate().year
    counts = {column.year: column.count for column in chart.columns}
    assert chart.last_year == year and len(chart.columns) == 10
    assert sum(counts.values()) == 2 and counts[year] == 0
    tallest = max(chart.columns, key=lambda column: column.height)
    assert tallest.height == chart.baseline and tallest.y == 0


def test_a_round_anniversary_in_the_coming_year_is_shown(home):
    in_a_month = timezone.localdate() + datetime.timedelta(days=30)
    established = in_a_month.replace(year=in_a_month.year - 10, day=min(in_a_month.day, 28))
    partner_relationship(home, "jubilee", established_on=established.isoformat())
    row = rows_by_slug()["jubilee"]
    assert row.anniversary.years == 10


def test_staff_who_may_see_relationships_read_the_page(editor_client, relationships):
    response = editor_client.get(health_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-relationship="quiet"' in html and "dormant" in html
    assert "No contact recorded" in html
    assert '<svg class="visits-chart"' in html and 'role="img"' in html
    assert "<script" not in html.split('id="content-main"')[1]


def test_the_page_lists_visits_not_yet_public(editor_client, home):
    relationship = partner_relationship(home, "planned")
    VisitFactory(
        relationship=relationship,
        title_en="Scheduled zqvisit",
        start_date=days_from_today(40),
        end_date="",
        status=PublicationStatus.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=5),
    )
    VisitFactory(
        relationship=relationship,
        title_en="Planned zqdraft",
        start_date=days_from_today(60),
        end_date="",
        status=PublicationStatus.DRAFT,
        publish_at=None,
    )
    VisitFactory(relationship=relationship, title_en="Already public zqpublic")
    VisitFactory(
        relationship=relationship,
        title_en="Old zqolddraft",
        start_date="2015",
        end_date="",
        status=PublicationStatus.DRAFT,
        publish_at=None,
    )
    pending = editor_client.get(health_url()).content.decode().split('id="pending-visits"')[1]
    assert "Scheduled zqvisit" in pending and "Scheduled for" in pending
    assert "Planned zqdraft" in pending
    assert "zqpublic" not in pending and "zqolddraft" not in pending


def test_the_admin_index_links_the_health_page_and_the_reports(editor_client, db):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{health_url()}"' in html
    assert f'href="{reverse("reports:report-list")}"' in html
    assert 'class="app-sistercities' in html  # the app list is still there


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(health_url())
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_without_the_permission_are_refused(client, django_user_model, db):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    assert client.get(health_url()).status_code == 403
    assert f'href="{health_url()}"' not in client.get(reverse("admin:index")).content.decode()


def test_a_signed_in_user_who_is_not_staff_is_sent_to_the_login(client, django_user_model, db):
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(health_url()).status_code == 302


def build(home, count: int):
    for n in range(count):
        relationship = partner_relationship(home, f"grown{n}", established_on=f"{2000 + n}")
        VisitFactory(relationship=relationship, start_date=years_ago(n % 7), end_date="")
        VisitFactory(
            relationship=relationship,
            start_date=days_from_today(20 + n),
            end_date="",
            status=PublicationStatus.DRAFT,
            publish_at=None,
        )
        ProtocolFactory(relationship=relationship, signed_on=years_ago(n % 5))
        StatusChangeFactory(relationship=relationship, date=years_ago(n % 3))


QUERY_BUDGET = 10


@pytest.mark.parametrize("count", [2, 20])
def test_the_query_count_does_not_grow_with_the_relationships(
    editor_client, home, count, django_assert_max_num_queries
):
    build(home, count)
    editor_client.get(health_url())
    with django_assert_max_num_queries(QUERY_BUDGET):
        html = editor_client.get(health_url()).content.decode()
    assert html.count("data-relationship=") == count
