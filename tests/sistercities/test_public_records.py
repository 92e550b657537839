"""Person, Organisation and Source .public(): a record is public while published content
names it, through any of the ways content can name it, and only then; City .public():
the home city and the cities of published relationships."""

import datetime

import pytest
from django.utils import timezone

from sistercities.models import City, Organisation, Person, Signatory, Source
from tests.factories import (
    CityFactory,
    DelegationMemberFactory,
    EventFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    ProtocolFactory,
    RelationshipFactory,
    SourceFactory,
    StatusChangeFactory,
    VisitFactory,
)
from visits.models import PublicationStatus, Quote

HOUR = datetime.timedelta(hours=1)


def _visit_states():
    """Each state of a visit: (its fields, whether its relationship is published, whether
    the visit is public)."""
    now = timezone.now()
    published = {"status": PublicationStatus.PUBLISHED, "publish_at": now - HOUR}
    return {
        "draft": ({"status": PublicationStatus.DRAFT, "publish_at": None}, True, False),
        "draft, once public": (
            {"status": PublicationStatus.DRAFT, "publish_at": now - HOUR},
            True,
            False,
        ),
        "scheduled for later": (
            {"status": PublicationStatus.SCHEDULED, "publish_at": now + HOUR},
            True,
            False,
        ),
        "scheduled, its time come": (
            {"status": PublicationStatus.SCHEDULED, "publish_at": now - HOUR},
            True,
            True,
        ),
        "published": (published, True, True),
        "published, relationship unpublished": (published, False, False),
    }


VISIT_STATES = list(_visit_states())


# How a visit names a record: each makes the record and attaches it to the visit.
def _member(visit):
    return DelegationMemberFactory(visit=visit).person


def _member_organisation(visit):
    return DelegationMemberFactory(visit=visit, organisation=OrganisationFactory()).organisation


def _host(visit):
    return MeetingFactory(visit=visit, host=PersonFactory()).host


def _meeting_organisation(visit):
    return MeetingFactory(visit=visit).organisation


def _speaker(visit):
    return Quote.objects.create(visit=visit, speaker=PersonFactory(), text_tr="Söz").speaker


def _event_organiser(visit):
    visit.related_event = EventFactory()
    visit.save()
    return visit.related_event.organiser


def _visit_source(visit):
    source = SourceFactory()
    visit.sources.add(source)
    return source


VISIT_MENTIONS = {
    "delegation member": (Person, _member),
    "meeting host": (Person, _host),
    "quote speaker": (Person, _speaker),
    "delegation member's organisation": (Organisation, _member_organisation),
    "meeting's organisation": (Organisation, _meeting_organisation),
    "related event's organiser": (Organisation, _event_organiser),
    "visit's source": (Source, _visit_source),
}


@pytest.mark.parametrize("state", VISIT_STATES)
@pytest.mark.parametrize("mention", list(VISIT_MENTIONS))
def test_a_visit_makes_what_it_names_public_only_while_it_is(db, mention, state):
    fields, relationship_published, public = _visit_states()[state]
    model, attach = VISIT_MENTIONS[mention]
    visit = VisitFactory(relationship__is_published=relationship_published, **fields)
    record = attach(visit)
    assert isinstance(record, model)
    assert model.objects.public().filter(pk=record.pk).exists() is public


# How a relationship names a record, through itself, a protocol or a status change.
def _signatory(relationship):
    protocol = ProtocolFactory(relationship=relationship)
    return Signatory.objects.create(protocol=protocol, person=PersonFactory()).person


def _signatory_organisation(relationship):
    protocol = ProtocolFactory(relationship=relationship)
    signatory = Signatory.objects.create(
        protocol=protocol, person=PersonFactory(), organisation=OrganisationFactory()
    )
    return signatory.organisation


def _relationship_source(relationship):
    source = SourceFactory()
    relationship.sources.add(source)
    return source


def _protocol_source(relationship):
    source = SourceFactory()
    ProtocolFactory(relationship=relationship).sources.add(source)
    return source


def _status_change_source(relationship):
    source = SourceFactory()
    StatusChangeFactory(relationship=relationship).sources.add(source)
    return source


RELATIONSHIP_MENTIONS = {
    "protocol signatory": (Person, _signatory),
    "signatory's organisation": (Organisation, _signatory_organisation),
    "relationship's source": (Source, _relationship_source),
    "protocol's source": (Source, _protocol_source),
    "status change's source": (Source, _status_change_source),
}


@pytest.mark.parametrize("published", [True, False], ids=["published", "unpublished"])
@pytest.mark.parametrize("mention", list(RELATIONSHIP_MENTIONS))
def test_a_relationship_makes_what_it_names_public_only_while_it_is(db, mention, published):
    model, attach = RELATIONSHIP_MENTIONS[mention]
    record = attach(RelationshipFactory(is_published=published))
    assert isinstance(record, model)
    assert model.objects.public().filter(pk=record.pk).exists() is published


def test_a_record_named_nowhere_is_not_public(db):
    PersonFactory(), OrganisationFactory(), SourceFactory()
    for model in (Person, Organisation, Source):
        assert not model.objects.public().exists()


def test_a_person_is_public_once_whatever_names_them_and_hidden_content_aside(
    db, django_assert_num_queries
):
    person = PersonFactory()
    draft = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    for visit in (VisitFactory(), VisitFactory(), draft):
        DelegationMemberFactory(visit=visit, person=person)
        MeetingFactory(visit=visit, host=person)
    protocol = ProtocolFactory()
    Signatory.objects.create(protocol=protocol, person=person)
    with django_assert_num_queries(1):
        assert list(Person.objects.public()) == [person]


def test_public_chains_with_other_filters(db):
    known = DelegationMemberFactory(person__name_tr="Mustafa Dündar").person
    DelegationMemberFactory(
        person__name_tr="Mustafa Gizli",
        visit=VisitFactory(status=PublicationStatus.DRAFT, publish_at=None),
    )
    assert list(Person.objects.filter(name_tr__startswith="Mustafa").public()) == [known]
    assert list(Person.objects.public().filter(name_tr__startswith="Mustafa")) == [known]


def test_public_cities_are_the_home_city_and_those_of_published_relationships(db):
    shown = RelationshipFactory(is_published=True)
    hidden = RelationshipFactory(is_published=False)
    # A public organisation's city is not public for that: only a relationship makes it so.
    elsewhere = CityFactory()
    MeetingFactory(
        visit=VisitFactory(relationship=shown), organisation=OrganisationFactory(city=elsewhere)
    )
    assert set(City.objects.public()) == {shown.home_city, shown.partner_city}
    assert hidden.partner_city not in City.objects.public()
    assert elsewhere not in City.objects.public()
