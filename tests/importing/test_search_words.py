"""A city the importer creates (in bulk, without save()) is found by the search."""

import pytest
from django.urls import reverse
from django.utils import translation

from importing.service import relationships_import
from sistercities.models import City

pytestmark = pytest.mark.django_db


def test_an_imported_city_is_found_by_the_beginnings_of_its_words(showcase, editor_client):
    data = "city,country,partner city,partner country\nOsmangazi,TR,Żary,PL\n"
    relationships_import(data=data.encode(), all_pairs=True, commit=True)
    city = City.objects.get(name_en="Żary")
    assert city.search_text_tr == " zary "
    with translation.override("tr"):
        url = reverse("admin:sistercities_city_changelist")
    found = editor_client.get(url, {"q": "ZAR"}).context["cl"].result_list
    assert [c.pk for c in found] == [city.pk]
