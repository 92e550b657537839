"""The admin import: upload, preview (the dry run), confirm (the import)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sistercities.models import Relationship
from tests.helpers.importing import row_counts

pytestmark = pytest.mark.django_db


def staff_client(client, django_user_model, role):
    user = django_user_model.objects.create_user(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def upload(client, data: bytes, **options):
    file = SimpleUploadedFile("twin_cities.csv", data, content_type="text/csv")
    return client.post(reverse("relationship-import:upload"), {"file": file, **options})


def test_upload_preview_confirm(client, django_user_model, showcase, twin_cities):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, twin_cities)
    assert response.status_code == 302
    preview = client.get(response.url)
    assert preview.status_code == 200
    assert "“Kapchagay” is Konaev (KZ)" in preview.content.decode()
    assert row_counts() == before
    confirm = client.post(response.url + "confirm/")
    assert confirm.url == reverse("admin:sistercities_relationship_changelist")
    assert Relationship.objects.filter(is_published=False).count() == 16
    assert client.get(response.url).status_code == 404  # the file is gone with its token


def test_only_a_publisher_may_publish_on_import(client, django_user_model, showcase, twin_cities):
    editor = staff_client(client, django_user_model, "Editor")
    form = editor.get(reverse("relationship-import:upload")).context["form"]
    assert "publish" not in form.fields
    publisher = staff_client(client, django_user_model, "Publisher")
    response = upload(publisher, twin_cities, publish="on")
    publisher.post(response.url + "confirm/")
    assert not Relationship.objects.filter(is_published=False).exists()


def test_a_bad_upload_is_refused_with_its_message(client, django_user_model, showcase):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, b"city;country\nA;B\n")
    assert response.status_code == 200
    assert "Missing columns: partner city" in str(response.context["form"].errors["file"])
    assert row_counts() == before


def test_people_without_the_add_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user(username="viewer", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("relationship-import:upload")).status_code == 403
