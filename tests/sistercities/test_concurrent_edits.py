"""Two staff members on the same page: the second to save a stale form is told who changed
what since, and nothing is overwritten; saving that form again is then their choice."""

import re
import threading
import time
from html import unescape

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sistercities.models import City, Relationship
from tests.factories import CityFactory, ProtocolFactory, VisitFactory
from tests.helpers.forms import form_data
from visits.models import PublicationStatus, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The admin in English (/en/admin/), the language the messages are written in."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor_browser(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_browser(publisher):
    client = Client()
    client.force_login(publisher)
    return client


def opened(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response)


def errors(response) -> str:
    """The page's error list as plain text."""
    page = response.content.decode()
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    return unescape(re.sub(r"<[^>]+>", " ", " ".join(found)))


def test_stale_visit_form_is_refused_with_who_and_what_changed(editor_browser, publisher_browser):
    visit = VisitFactory(
        status=PublicationStatus.DRAFT, publish_at=None, title_en="Visit to Kapchagay"
    )
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    editor_form = opened(editor_browser, url)
    publisher_form = opened(publisher_browser, url)

    publisher_form["title_en"] = "Visit to Konaev"
    assert publisher_browser.post(url, publisher_form).status_code == 302

    editor_form["summary_en"] = "The editor's summary."
    response = editor_browser.post(url, editor_form)

    assert response.status_code == 200
    message = errors(response)
    assert "Someone else saved this visit after you opened it" in message
    assert "Saved by publisher on" in message
    assert "Title [en]: “Visit to Kapchagay” → “Visit to Konaev”" in message
    visit.refresh_from_db()
    assert visit.title_en == "Visit to Konaev"
    assert not visit.summary_en
    assert visit.history.count() == 2


def test_stale_form_shown_again_saves_when_sent_knowingly(editor_browser, publisher_browser):
    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    editor_form = opened(editor_browser, url)
    publisher_form = opened(publisher_browser, url)
    publisher_form["places_en"] = "Konaev"
    assert publisher_browser.post(url, publisher_form).status_code == 302

    editor_form["summary_en"] = "The editor's summary."
    refused = editor_browser.post(url, editor_form)
    shown_again = form_data(refused)
    assert shown_again["summary_en"] == "The editor's summary."
    shown_again["places_en"] = "Konaev"  # the editor keeps the publisher's change

    assert editor_browser.post(url, shown_again).status_code == 302
    visit.refresh_from_db()
    assert (visit.places_en, visit.summary_en) == ("Konaev", "The editor's summary.")


def test_unchanged_page_saves_as_before(editor_browser):
    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    form = opened(editor_browser, url)
    form["summary_en"] = "First."
    assert editor_browser.post(url, form).status_code == 302
    form = opened(editor_browser, url)
    form["summary_en"] = "Second."
    assert editor_browser.post(url, form).status_code == 302
    assert Visit.objects.get(pk=visit.pk).summary_en == "Second."


def test_stale_city_form_is_refused(editor_browser, publisher_browser):
    city = CityFactory(slug="konaev", name_en="Kapchagay", country="KZ")
    url = reverse("admin:sistercities_city_change", args=[city.pk])
    editor_form = opened(editor_browser, url)
    publisher_form = opened(publisher_browser, url)

    publisher_form["name_en"] = "Konaev"
    assert publisher_browser.post(url, publisher_form).status_code == 302
    editor_form["region_en"] = "Almaty Region"
    response = editor_browser.post(url, editor_form)

    assert response.status_code == 200
    message = errors(response)
    assert "Someone else saved this city after you opened it" in message
    assert "Current name [en]: “Kapchagay” → “Konaev”" in message
    assert "“(empty)” → “(empty)”" not in message
    city.refresh_from_db()
    assert city.name_en == "Konaev"
    assert not city.region_en


def test_change_to_an_inline_object_on_its_own_page_counts(editor_browser, publisher_browser):
    protocol = ProtocolFactory(title_en="Protocol")
    relationship = protocol.relationship
    url = reverse("admin:sistercities_relationship_change", args=[relationship.pk])
    editor_form = opened(editor_browser, url)

    protocol_url = reverse("admin:sistercities_protocol_change", args=[protocol.pk])
    protocol_form = opened(publisher_browser, protocol_url)
    protocol_form["title_en"] = "Sister-city protocol"
    assert publisher_browser.post(protocol_url, protocol_form).status_code == 302

    editor_form["summary_en"] = "Sisters since 2012."
    response = editor_browser.post(url, editor_form)

    assert response.status_code == 200
    assert "Protocol “" in errors(response)
    assert "changed by publisher on" in errors(response)
    assert not Relationship.objects.get(pk=relationship.pk).summary_en


def test_stale_restore_of_an_old_version_is_refused(publisher_browser, editor_browser):
    city = CityFactory(name_en="Kapchagay")
    url = reverse("admin:sistercities_city_change", args=[city.pk])
    form = opened(publisher_browser, url)
    form["name_en"] = "Konaev"
    assert publisher_browser.post(url, form).status_code == 302
    first = city.history.order_by("history_id").first()
    revert_url = reverse("admin:sistercities_city_simple_history", args=[city.pk, first.pk])
    revert_form = opened(publisher_browser, revert_url)

    form = opened(editor_browser, url)
    form["name_en"] = "Qonaev"
    assert editor_browser.post(url, form).status_code == 302
    response = publisher_browser.post(revert_url, revert_form)

    assert response.status_code == 200
    assert "“Konaev” → “Qonaev”" in errors(response)
    assert City.objects.get(pk=city.pk).name_en == "Qonaev"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no row locks: one writer at a time"
)
def test_save_waits_for_a_save_in_progress_and_then_refuses(editor_browser):
    """The publisher's save holds the visit's row while the editor posts a form opened on
    the same version: the editor's check waits for that save to commit, then refuses."""
    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    editor_form = opened(editor_browser, url)
    locked, editor_waiting = threading.Event(), threading.Event()

    def publisher_saves():
        try:
            with transaction.atomic():
                row = Visit.objects.select_for_update().get(pk=visit.pk)
                row.title_en = "The publisher's title"
                row.save()
                locked.set()
                editor_waiting.wait(timeout=10)
                time.sleep(0.5)  # the editor's request is now blocked on the row
        finally:
            connection.close()

    publisher = threading.Thread(target=publisher_saves)
    publisher.start()
    assert locked.wait(timeout=10)
    editor_waiting.set()
    editor_form["title_en"] = "The editor's title"
    response = editor_browser.post(url, editor_form)
    publisher.join()

    assert response.status_code == 200
    assert "Someone else saved this visit" in errors(response)
    assert Visit.objects.get(pk=visit.pk).title_en == "The publisher's title"


def test_message_is_in_the_language_of_the_admin(editor_browser, publisher_browser):
    city = CityFactory(name_en="Kapchagay")
    with translation.override("tr"):
        url = reverse("admin:sistercities_city_change", args=[city.pk])
    editor_form = opened(editor_browser, url)
    publisher_form = opened(publisher_browser, url)
    publisher_form["name_en"] = "Konaev"
    assert publisher_browser.post(url, publisher_form).status_code == 302

    message = errors(editor_browser.post(url, editor_form))

    assert "“Kapchagay” → “Konaev”" in message
    assert "Someone else saved" not in message


@pytest.mark.parametrize("digit", ["¹", "٣", "99999999999999999999"])
def test_a_token_of_other_digits_counts_as_the_oldest(editor_browser, digit):
    """A token part "¹" passed str.isdigit() and then failed int(): a server error."""
    city = CityFactory(slug="konaev", name_en="Kapchagay", country="KZ")
    url = reverse("admin:sistercities_city_change", args=[city.pk])
    form = opened(editor_browser, url)
    form["edit_token"] = ".".join([digit, *form["edit_token"].split(".")[1:]])
    form["region_en"] = "Almaty Region"
    response = editor_browser.post(url, form)
    assert response.status_code == 200
    assert "Someone else saved this city after you opened it" in errors(response)
