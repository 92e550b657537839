"""Fixtures of a relationship with a visit in each state of publication (published, draft,
scheduled for later, scheduled and out) and a timeline of dates of every precision; a
pytest plugin of the root conftest, for every test that asks what the public sees."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    CityFactory,
    PhotoFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from tests.helpers.records import days_from_today
from visits.models import PublicationStatus


@pytest.fixture
def relationship(db):
    home = CityFactory(
        slug="osmangazi",
        name_tr="Osmangazi",
        name_en="Osmangazi",
        website="https://osmangazi.bel.tr",
    )
    return RelationshipFactory(
        slug="osmangazi-kapchagay",
        home_city=home,
        partner_city=CityFactory(slug="konaev", name_tr="Konaev", name_en="Konaev", country="KZ"),
    )


@pytest.fixture
def timeline(relationship):
    """A protocol signed on a known day, a status change known to the year, one of unknown
    date: the exports must keep each date's precision."""
    ProtocolFactory(relationship=relationship, signed_on="2019-08-24", title_en="Protocol")
    StatusChangeFactory(relationship=relationship, date="2019")
    StatusChangeFactory(relationship=relationship, date="", status="proposed")
    return relationship


@pytest.fixture
def published(relationship):
    visit = VisitFactory(
        relationship=relationship,
        slug="published-visit",
        title_tr="Yayımlanmış ziyaret",
        title_en="Published visit",
        summary_en="The delegation met the mayor & the council.",
        start_date="2019-08-24",
        end_date="2019-08-26",
    )
    PhotoFactory(visit=visit, order=0)
    PhotoFactory(visit=visit, order=1)
    return visit


@pytest.fixture
def draft(relationship):
    return VisitFactory(
        relationship=relationship,
        slug="draft-visit",
        title_en="Draft visit",
        status=PublicationStatus.DRAFT,
        publish_at=None,
        start_date=days_from_today(10),
        end_date="",
    )


@pytest.fixture
def scheduled_later(relationship):
    return VisitFactory(
        relationship=relationship,
        slug="scheduled-later",
        title_en="Scheduled for later",
        status=PublicationStatus.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=2),
        start_date=days_from_today(10),
        end_date="",
    )


@pytest.fixture
def scheduled_past(relationship):
    """Scheduled, and its time has come: public."""
    return VisitFactory(
        relationship=relationship,
        slug="scheduled-past",
        title_en="Scheduled and out",
        status=PublicationStatus.SCHEDULED,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
