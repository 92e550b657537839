"""The staff roles the migration creates."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def _codenames(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_editor_creates_and_edits_but_neither_publishes_nor_deletes_main_records(editor):
    assert editor.has_perms(["visits.add_visit", "visits.change_visit", "visits.delete_photo"])
    assert editor.has_perms(["sistercities.change_city", "sistercities.delete_formercityname"])
    assert not editor.has_perm("visits.publish_visit")
    assert not editor.has_perm("visits.delete_visit")
    assert not editor.has_perm("sistercities.delete_relationship")


def test_publisher_has_the_editor_rights_and_publishes_and_deletes():
    editor, publisher = _codenames("Editor"), _codenames("Publisher")
    assert editor < publisher
    assert {
        ("visits", "publish_visit"),
        ("visits", "delete_visit"),
        ("sistercities", "delete_city"),
    } <= publisher - editor
