"""The admin import in Chromium, as an editor meets it: upload a list, read the preview,
confirm; axe on the upload form and the preview."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from sistercities.models import Relationship
from tests.helpers.importing import SLICE
from tests.helpers.pages import axe_violations
from tests.helpers.records import STAFF_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_uploads_previews_and_confirms_a_list(
    showcase, live_server, page, django_user_model, staff_roles
):
    user = django_user_model.objects.create_user("editor", password=STAFF_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    with translation.override("en"):
        login, upload = reverse("admin:login"), reverse("relationship-import:upload")
    page.goto(live_server.url + login)
    page.fill("#id_username", "editor")
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.goto(live_server.url + upload)
    assert axe_violations(page) == []
    page.set_input_files("input[type=file]", str(SLICE))
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_load_state()
    assert "“Kapchagay” is Konaev (KZ)" in page.content()
    assert axe_violations(page) == []
    assert not Relationship.objects.filter(is_published=False).exists()
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("admin:sistercities_relationship_changelist"))
    assert Relationship.objects.filter(is_published=False).count() == 17  # test_import.NEW_PAIRS
