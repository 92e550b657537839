"""The rules of visits, events and delegations, and which visits the public sees."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from tests.factories import (
    DelegationMemberFactory,
    EventFactory,
    RelationshipFactory,
    VisitFactory,
)
from visits.models import DelegationMember, PublicationStatus, Visit

pytestmark = pytest.mark.django_db


def test_visit_cannot_end_before_it_starts_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        VisitFactory(start_date="2019-08-24", end_date="2019-08-23")


def test_visit_cannot_end_before_it_starts_in_a_form():
    visit = VisitFactory.build(start_date="2019-08-24", end_date="2019-08-23")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        visit.full_clean()
    assert error.value.message_dict["end_date"] == ["A visit ends on or after the day it starts."]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2019-08-24", "2019-08-24"),
        ("2019-08-24", "2019-08-26"),
        ("2019-08", "2019-08-24"),
        ("2019-08-24", ""),
    ],
)
def test_visit_may_end_the_day_it_starts_or_later_or_unknown(start, end):
    visit = VisitFactory(start_date=start, end_date=end)
    visit.full_clean()


def test_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date="2019-08-23", end_date="2019-08-19")
    EventFactory(start_date="2019-08-19", end_date="2019-08-23")


@pytest.mark.parametrize("status", [PublicationStatus.SCHEDULED, PublicationStatus.PUBLISHED])
def test_public_visit_needs_a_publication_time_in_the_database(status):
    with pytest.raises(IntegrityError), transaction.atomic():
        VisitFactory(status=status, publish_at=None)


def test_draft_visit_needs_no_publication_time():
    assert VisitFactory(status=PublicationStatus.DRAFT, publish_at=None).pk


def test_scheduled_visit_without_a_time_is_refused_in_a_form():
    visit = VisitFactory.build(status=PublicationStatus.SCHEDULED, publish_at=None)
    with pytest.raises(ValidationError) as error:
        visit.full_clean()
    assert "publish_at" in error.value.message_dict


def test_publishing_in_a_form_sets_the_publication_time():
    visit = VisitFactory.build(
        relationship=RelationshipFactory(), status=PublicationStatus.PUBLISHED, publish_at=None
    )
    visit.full_clean()
    assert visit.publish_at is not None


def test_person_is_in_a_delegation_once():
    member = DelegationMemberFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationMember.objects.create(visit=member.visit, person=member.person)
    with pytest.raises(ValidationError):
        DelegationMember(visit=member.visit, person=member.person).full_clean()


def test_public_sees_published_visits_and_scheduled_ones_whose_time_has_come():
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    published = VisitFactory(status=PublicationStatus.PUBLISHED, publish_at=now - hour)
    scheduled_past = VisitFactory(status=PublicationStatus.SCHEDULED, publish_at=now - hour)
    scheduled_future = VisitFactory(status=PublicationStatus.SCHEDULED, publish_at=now + hour)
    draft = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    draft_with_time = VisitFactory(status=PublicationStatus.DRAFT, publish_at=now - hour)

    assert set(Visit.objects.published()) == {published, scheduled_past}
    assert not {scheduled_future, draft, draft_with_time} & set(Visit.objects.published())
    assert [v.is_public for v in (published, scheduled_past, scheduled_future, draft)] == [
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize("relationship_published", [True, False])
def test_published_of_a_relationship_are_its_published_visits(relationship_published):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    shown = VisitFactory(status=PublicationStatus.PUBLISHED, publish_at=now - hour)
    relationship = shown.relationship
    VisitFactory(relationship=relationship, status=PublicationStatus.DRAFT, publish_at=None)
    VisitFactory(
        relationship=relationship, status=PublicationStatus.SCHEDULED, publish_at=now + hour
    )
    VisitFactory(status=PublicationStatus.PUBLISHED, publish_at=now - hour)  # another's
    relationship.is_published = relationship_published
    relationship.save()

    expected = set(Visit.objects.published().for_relationship(relationship))
    assert set(Visit.objects.published_of(relationship)) == expected
    assert expected == ({shown} if relationship_published else set())
