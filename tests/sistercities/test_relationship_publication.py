"""Only a Publisher shows a relationship to the public (imports arrive unpublished)."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from sistercities.models import Relationship
from tests.factories import CityFactory, RelationshipFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:sistercities_relationship_changelist"


def _change_url(relationship):
    return reverse("admin:sistercities_relationship_change", args=[relationship.pk])


def test_editor_cannot_publish_a_relationship_by_a_crafted_post(editor_client, change_form):
    relationship = RelationshipFactory(is_published=False)
    data = change_form(editor_client, _change_url(relationship))
    assert "is_published" not in data
    data["is_published"] = "on"

    editor_client.post(_change_url(relationship), data)

    relationship.refresh_from_db()
    assert relationship.is_published is False


def test_a_relationship_an_editor_adds_waits_for_a_publisher(editor_client, change_form):
    home, partner = CityFactory(slug="osmangazi"), CityFactory(country="KZ")
    data = change_form(editor_client, reverse("admin:sistercities_relationship_add"))
    data.update(
        slug="new-pair",
        home_city=home.pk,
        partner_city=partner.pk,
        kind="sister_city",
        is_published="on",
    )

    response = editor_client.post(reverse("admin:sistercities_relationship_add"), data)

    assert response.status_code == 302
    assert Relationship.objects.get(slug="new-pair").is_published is False


def test_publisher_publishes_with_the_action_and_an_editor_cannot(editor_client, publisher):
    publisher_client = Client()
    publisher_client.force_login(publisher)
    relationship = RelationshipFactory(is_published=False)
    action = {"action": "publish_selected", ACTION_CHECKBOX_NAME: [relationship.pk]}

    editor_client.post(reverse(CHANGELIST), action)
    relationship.refresh_from_db()
    assert relationship.is_published is False

    publisher_client.post(reverse(CHANGELIST), action)
    relationship.refresh_from_db()
    assert relationship.is_published is True
