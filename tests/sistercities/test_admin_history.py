"""Every change is kept, translated columns included, and staff can restore a version."""

import pytest
from django.urls import reverse

from tests.factories import CityFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_history_keeps_translated_columns_and_restores_an_earlier_version(
    publisher_client, change_form
):
    visit = VisitFactory(title_en="Visit to Kapchagay", title_kk="Қапшағайға сапар")
    change_url = reverse("admin:visits_visit_change", args=[visit.pk])
    data = change_form(publisher_client, change_url)
    data["title_en"] = "Visit to Konaev"
    data["correction_note"] = "Today's name of the city."
    assert publisher_client.post(change_url, data).status_code == 302

    before, after = visit.history.order_by("history_id")
    assert (before.title_en, before.title_kk) == ("Visit to Kapchagay", "Қапшағайға сапар")
    assert (after.title_en, after.title_kk) == ("Visit to Konaev", "Қапшағайға сапар")
    assert after.history_user.username == "publisher"

    history_page = publisher_client.get(
        reverse("admin:visits_visit_history", args=[visit.pk])
    ).content.decode()
    assert "Visit to Konaev" in history_page

    revert_url = reverse("admin:visits_visit_simple_history", args=[visit.pk, before.history_id])
    data = change_form(publisher_client, revert_url)
    assert data["title_en"] == "Visit to Kapchagay"
    data["correction_note"] = "Back to the name of the time."
    assert publisher_client.post(revert_url, data).status_code == 302

    visit.refresh_from_db()
    assert visit.title_en == "Visit to Kapchagay"
    restored = visit.history.order_by("history_id").last()
    assert visit.history.count() == 3
    assert (restored.history_type, restored.title_en) == ("~", "Visit to Kapchagay")
    assert visit.corrections.count() == 2


def test_restoring_a_city_keeps_every_version_and_records_the_restore(
    publisher_client, change_form
):
    city = CityFactory(name_en="Kapchagay", name_kk="Қапшағай")
    change_url = reverse("admin:sistercities_city_change", args=[city.pk])
    data = change_form(publisher_client, change_url)
    data["name_en"], data["name_kk"] = "Konaev", "Қонаев"
    assert publisher_client.post(change_url, data).status_code == 302

    first = city.history.order_by("history_id").first()
    revert_url = reverse("admin:sistercities_city_simple_history", args=[city.pk, first.pk])
    data = change_form(publisher_client, revert_url)
    assert publisher_client.post(revert_url, data).status_code == 302

    versions = list(city.history.order_by("history_id"))
    assert [(v.history_type, v.name_en, v.name_kk) for v in versions] == [
        ("+", "Kapchagay", "Қапшағай"),
        ("~", "Konaev", "Қонаев"),
        ("~", "Kapchagay", "Қапшағай"),
    ]
    assert versions[-1].history_user.username == "publisher"
    city.refresh_from_db()
    assert (city.name_en, city.name_kk) == ("Kapchagay", "Қапшағай")
