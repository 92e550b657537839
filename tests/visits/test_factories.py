import pytest

from tests.factories import DelegationMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_published_visit_with_its_parts():
    member = DelegationMemberFactory()
    meeting = MeetingFactory(visit=member.visit)
    assert member.visit.is_public
    assert meeting.visit.relationship.home_city.slug == "osmangazi"
