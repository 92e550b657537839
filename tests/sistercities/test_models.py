"""The rules of cities, relationships and protocols, as the database and the forms enforce them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from sistercities.models import City, Relationship, Signatory, latest_status
from tests.factories import (
    CityFactory,
    FormerCityNameFactory,
    PersonFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
)

pytestmark = pytest.mark.django_db


def test_city_cannot_be_its_own_sister_in_the_database():
    city = CityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Relationship.objects.create(slug="self", home_city=city, partner_city=city)


def test_city_cannot_be_its_own_sister_in_a_form():
    city = CityFactory()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        Relationship(slug="self", home_city=city, partner_city=city).full_clean()
    assert error.value.message_dict["partner_city"] == ["A city cannot be its own sister."]


def test_one_relationship_per_pair_whichever_way_round():
    relationship = RelationshipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Relationship.objects.create(
            slug="reversed",
            home_city=relationship.partner_city,
            partner_city=relationship.home_city,
        )


def test_one_relationship_per_pair_in_a_form():
    relationship = RelationshipFactory()
    reversed_pair = Relationship(
        slug="reversed", home_city=relationship.partner_city, partner_city=relationship.home_city
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        reversed_pair.full_clean()
    assert error.value.message_dict["partner_city"] == [
        "These two cities already have a relationship."
    ]


def test_a_relationship_can_be_edited_without_clashing_with_itself():
    relationship = RelationshipFactory()
    relationship.full_clean()


def test_home_city_may_have_many_partners():
    relationship = RelationshipFactory()
    other = RelationshipFactory(home_city=relationship.home_city)
    assert Relationship.objects.filter(home_city=relationship.home_city).count() == 2
    other.full_clean()


def test_signatory_signs_a_protocol_once():
    protocol, person = ProtocolFactory(), PersonFactory()
    Signatory.objects.create(protocol=protocol, person=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(protocol=protocol, person=person)
    with pytest.raises(ValidationError):
        Signatory(protocol=protocol, person=person).full_clean()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", "90.00001", "Latitude lies between -90 and 90."),
        ("latitude", "-91", "Latitude lies between -90 and 90."),
        ("longitude", "180.5", "Longitude lies between -180 and 180."),
        ("longitude", "-181", "Longitude lies between -180 and 180."),
    ],
)
def test_coordinates_out_of_range_are_refused(field, value, message):
    with pytest.raises(IntegrityError), transaction.atomic():
        CityFactory(**{field: value})
    with translation.override("en"), pytest.raises(ValidationError) as error:
        CityFactory.build(**{field: value}).full_clean()
    assert message in error.value.messages


def test_coordinates_at_the_edges_are_accepted():
    city = CityFactory(latitude="-90", longitude="180")
    city.full_clean()
    assert City.objects.filter(latitude=-90, longitude=180).get() == city


@pytest.fixture
def konaev():
    city = CityFactory(slug="konaev", name_tr="Konaev", name_en="Konaev")
    FormerCityNameFactory(city=city, name_tr="Kapçağay", name_en="Kapchagay", used_until_year=2022)
    return city


def test_renamed_city_is_named_as_it_was_in_a_past_year(konaev):
    with translation.override("en"):
        assert konaev.name_at(2019) == "Kapchagay (today Konaev)"
        assert konaev.name_at(2022) == "Konaev"
    with translation.override("tr"):
        assert konaev.name_at(2019) == "Kapçağay (bugün Konaev)"


def test_a_time_not_known_names_the_latest_former_name_first(konaev):
    FormerCityNameFactory(city=konaev, name_en="Iliysk", used_until_year=1970)
    FormerCityNameFactory(city=konaev, name_en="Kapchagai", used_until_year=None)
    with translation.override("en"):
        assert konaev.name_at(None) == "Kapchagay (today Konaev)"
        assert konaev.name_at(1960) == "Iliysk (today Konaev)"


def test_city_never_renamed_is_just_its_name():
    city = CityFactory(name_en="Osmangazi")
    with translation.override("en"):
        assert city.name_at(None) == "Osmangazi"
        assert city.name_at(1990) == "Osmangazi"


@pytest.mark.parametrize(
    ("changes", "latest"),
    [
        ([("2019", "proposed"), ("2019-05-10", "active"), ("2019-05", "suspended")], "active"),
        ([("2020", "active"), ("2020", "suspended")], "suspended"),  # a tie: the last entered
        ([("2021-03-01", "ended"), ("2019", "active")], "ended"),
    ],
)
def test_latest_status_read_from_the_changes_is_the_annotated_one(changes, latest):
    relationship = RelationshipFactory()
    for date, status in changes:
        StatusChangeFactory(relationship=relationship, date=date, status=status)
    annotated = Relationship.objects.with_current_status().get(pk=relationship.pk)
    assert annotated.current_status == latest
    assert latest_status(relationship.status_changes.all()) == latest
    assert latest_status([]) is None
