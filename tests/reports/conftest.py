"""A year of the office's work (2024) in the home city's relationships, with what the
public report must leave out: a draft, a visit scheduled for later and a relationship not
yet published, each carrying a marker word."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    CityFactory,
    DelegationMemberFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    PhotoFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from visits.models import PublicationStatus

YEAR = 2024
HIDDEN_MARKERS = ["zqdraft", "zqscheduled", "zqunpublished"]


@pytest.fixture
def year_record(db):
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
    partner = CityFactory(
        slug="konaev", name_tr="Konaev", name_en="Konaev", name_kk="Қонаев", country="KZ"
    )
    relationship = RelationshipFactory(
        slug="osmangazi-konaev", home_city=home, partner_city=partner, established_on="2012"
    )
    outgoing = VisitFactory(
        relationship=relationship,
        slug="outgoing-2024",
        direction="outgoing",
        title_tr="Osmangazi heyeti Konaev'de",
        title_en="Osmangazi delegation in Konaev",
        start_date="2024-05-14",
        end_date="2024-05-16",
    )
    DelegationMemberFactory(
        visit=outgoing,
        person=PersonFactory(name_tr="Ayşe Güneş"),
        title_tr="Belediye Başkan Yardımcısı",
        title_en="Deputy Mayor",
        organisation=OrganisationFactory(name_tr="Osmangazi Belediyesi"),
        role_en="Head of the delegation",
    )
    MeetingFactory(visit=outgoing)
    PhotoFactory(visit=outgoing, credit="Osmangazi Belediyesi / İbrahim Şahin")
    PhotoFactory(visit=outgoing, credit="Osmangazi Belediyesi / İbrahim Şahin")
    incoming = VisitFactory(
        relationship=relationship,
        slug="incoming-2024",
        direction="incoming",
        title_tr="Konaev heyeti Osmangazi'de",
        title_en="Konaev delegation in Osmangazi",
        start_date="2024-09",
        end_date="",
    )
    # Another year's visit, which the 2024 report leaves out.
    VisitFactory(
        relationship=relationship,
        slug="visit-2023",
        title_en="Zq2023",
        start_date="2023",
        end_date="",
    )
    protocol = ProtocolFactory(
        relationship=relationship,
        title_en="Cooperation memorandum in education",
        signed_on="2024-05-15",
        signed_at="Konaev",
        council_decision_number="2024/117",
        council_decision_date="2024-04-03",
    )
    status = StatusChangeFactory(
        relationship=relationship,
        status="active",
        date="2024-04-03",
        council_decision_number="2024/55",
        ministry_approval="E-12345",
    )
    now = timezone.now()
    hidden = [
        VisitFactory(
            relationship=relationship,
            slug="zqdraft-visit",
            title_en="zqdraft visit",
            title_tr="zqdraft ziyaret",
            start_date="2024-10-01",
            end_date="",
            status=PublicationStatus.DRAFT,
            publish_at=None,
        ),
        VisitFactory(
            relationship=relationship,
            slug="zqscheduled-visit",
            title_en="zqscheduled visit",
            title_tr="zqscheduled ziyaret",
            start_date="2024-11-01",
            end_date="",
            status=PublicationStatus.SCHEDULED,
            publish_at=now + datetime.timedelta(days=3),
        ),
    ]
    unpublished = RelationshipFactory(
        slug="zqunpublished-pair",
        home_city=home,
        partner_city=CityFactory(slug="zqunpublished-city", name_en="Zqunpublished city"),
        established_on="2024-02",
        is_published=False,
    )
    hidden.append(
        VisitFactory(
            relationship=unpublished,
            slug="zqunpublished-visit",
            title_en="zqunpublished visit",
            title_tr="zqunpublished ziyaret",
            start_date="2024-03-01",
            end_date="",
        )
    )
    return {
        "relationship": relationship,
        "outgoing": outgoing,
        "incoming": incoming,
        "protocol": protocol,
        "status": status,
        "hidden": hidden,
        "unpublished": unpublished,
    }
