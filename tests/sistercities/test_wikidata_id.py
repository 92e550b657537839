"""A city's Wikidata item: Q and a number, or empty; never two cities with the same item."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from sistercities.models import City
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db

NOT_AN_ITEM = ["Q", "Q0", "Q042", "q42", "P190", "42", "Q42 ", "Q42\n", "Q4x2", "L7"]


@pytest.mark.parametrize("item", ["Q1", "Q42", "Q1018839"])
def test_an_item_is_q_and_a_number(item):
    city = CityFactory(wikidata_id=item)
    city.full_clean()
    city.refresh_from_db()
    assert city.wikidata_id == item


@pytest.mark.parametrize("item", NOT_AN_ITEM)
def test_anything_else_is_refused_with_a_clear_message(item):
    city = CityFactory.build(slug="somewhere", wikidata_id=item)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        city.full_clean()
    assert error.value.message_dict["wikidata_id"] == [
        "A Wikidata item is Q followed by its number, such as Q64."
    ]


@pytest.mark.parametrize("item", NOT_AN_ITEM)
def test_the_database_refuses_anything_else_too(item):
    city = CityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        City.objects.filter(pk=city.pk).update(wikidata_id=item)


def test_many_cities_may_have_no_item():
    CityFactory(wikidata_id="")
    CityFactory(wikidata_id="")
    CityFactory.build(slug="third", wikidata_id="").full_clean()
    assert City.objects.filter(wikidata_id="").count() == 2


def test_two_cities_cannot_share_an_item():
    CityFactory(name_en="Konaev", wikidata_id="Q42")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        CityFactory.build(slug="twin", wikidata_id="Q42").full_clean()
    assert error.value.message_dict == {"wikidata_id": ["Konaev already has this Wikidata item."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        CityFactory(slug="twin", wikidata_id="Q42")


def test_staff_set_the_item_in_the_admin_and_see_why_a_bad_one_is_refused(
    publisher_client, change_form
):
    CityFactory(slug="taken", name_en="Taken", wikidata_id="Q7")
    city = CityFactory(slug="konaev")
    with translation.override("en"):
        change_url = reverse("admin:sistercities_city_change", args=[city.pk])
    data = change_form(publisher_client, change_url)
    assert data["wikidata_id"] == ""

    refused = {}
    for item in ("Q042", "Q7"):
        response = publisher_client.post(change_url, {**data, "wikidata_id": item})
        assert response.status_code == 200
        refused[item] = response.context["adminform"].form.errors["wikidata_id"]
    assert refused == {
        "Q042": ["A Wikidata item is Q followed by its number, such as Q64."],
        "Q7": ["Taken already has this Wikidata item."],
    }

    assert publisher_client.post(change_url, {**data, "wikidata_id": "Q1234"}).status_code == 302
    city.refresh_from_db()
    assert city.wikidata_id == "Q1234"
    assert city.history.latest().wikidata_id == "Q1234"


def test_the_admin_finds_a_city_by_its_item(publisher_client):
    CityFactory(slug="konaev", name_en="Konaev", wikidata_id="Q1234")
    CityFactory(slug="elsewhere", name_en="Elsewhere")
    with translation.override("en"):
        changelist = reverse("admin:sistercities_city_changelist")
    response = publisher_client.get(changelist, {"q": "Q1234"})
    assert [city.slug for city in response.context["cl"].result_list] == ["konaev"]
