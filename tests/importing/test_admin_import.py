"""The admin import: upload, preview (the dry run), confirm (the import)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sistercities.models import Relationship
from tests.helpers.importing import row_counts
from tests.helpers.spreadsheets import xlsx

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
    assert Relationship.objects.filter(is_published=False).count() == 17  # test_import.NEW_PAIRS
    assert client.get(response.url).status_code == 404  # the file is gone with its token


def test_only_a_publisher_may_publish_on_import(client, django_user_model, showcase, twin_cities):
    editor = staff_client(client, django_user_model, "Editor")
    form = editor.get(reverse("relationship-import:upload")).context["form"]
    assert "publish" not in form.fields
    publisher = staff_client(client, django_user_model, "Publisher")
    response = upload(publisher, twin_cities, publish="on")
    publisher.post(response.url + "confirm/")
    assert not Relationship.objects.filter(is_published=False).exists()


def test_missing_columns_are_shown_on_the_preview_keeping_the_file(
    client, django_user_model, showcase
):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, b"city;country\nA;B\n")
    assert response.status_code == 302
    preview = client.get(response.url)
    assert "Missing columns: partner city" in preview.context["refused"]
    assert row_counts() == before


def test_people_without_the_add_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user(username="viewer", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("relationship-import:upload")).status_code == 403


BAD_FILES = {
    "five_megabyte_cell": b"city,country,partner city,partner country\nA,TR," + b"x" * 5_000_000,
    "nul_byte": b"city,country,partner city,partner country\nA,TR,B\x00,SY\n",
    "not_a_spreadsheet": b"PK\x03\x04" + bytes(range(256)),
    "no_columns": b"\xff\xfe\x00\x00garbage",
    "empty": b"",
}
# Files that are read, but not imported as they are: kept for a mapping on the preview.
REFUSED_ON_THE_PREVIEW = {
    "mislabelled": (
        "Stadt;Land;Partnerstadt;Partnerland\nOsmangazi;Frankreich;Vitré;Frankreich\n"
        "Osmangazi;Polen;Żary;Polen\n"
    ).encode(),
    "header_only": b"city,country,partner city,partner country\n",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_every_refused_file_is_answered_with_a_message(client, django_user_model, showcase, name):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, BAD_FILES[name])
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert row_counts() == before


@pytest.mark.parametrize("name", REFUSED_ON_THE_PREVIEW)
def test_a_file_refused_as_it_is_is_answered_on_the_preview(
    client, django_user_model, showcase, name
):
    client = staff_client(client, django_user_model, "Editor")
    before = row_counts()
    response = upload(client, REFUSED_ON_THE_PREVIEW[name])
    preview = client.get(response.url)
    assert preview.status_code == 200 and preview.context["refused"]
    assert row_counts() == before


def test_spreadsheets_and_mappings_in_the_admin(client, django_user_model, showcase):
    client = staff_client(client, django_user_model, "Editor")
    data = xlsx([["Ort", "Partner", "Staat", "Typ"], ["Osmangazi", "Aleppo", "SY", "p"]])
    response = upload(client, data, columns="partner_country=Staat\nkind=Typ")
    # The home country and the value are still missing: the file waits on the preview.
    assert "Missing columns: country" in client.get(response.url).context["refused"]
    response = upload(
        client,
        data,
        columns="partner_country=Staat\nkind=Typ",
        home_country="Türkiye",
    )
    preview = client.get(response.url)
    assert "unknown kind “p”" in preview.content.decode()
    # The value mapping is added on the preview, which is made again.
    again = client.post(
        response.url,
        {
            "columns": "partner_country=Staat\nkind=Typ",
            "values": "kind:p=sister",
            "home_country": "TR",
        },
    )
    assert again.status_code == 302
    preview = client.get(response.url).content.decode()
    assert "1 relationships would be created" in preview
    client.post(response.url + "confirm/")
    assert Relationship.objects.get(partner_city__name_en="Aleppo").kind == "sister_city"


def test_a_bad_mapping_on_the_preview_is_a_form_error(client, django_user_model, showcase):
    client = staff_client(client, django_user_model, "Editor")
    response = upload(client, b"city,country,partner city,partner country\nOsmangazi,TR,B,SY\n")
    answer = client.post(response.url, {"columns": "nonsense"})
    assert answer.status_code == 200
    assert "Column mapping “nonsense”" in answer.content.decode()
    # A mapping that leaves the file unreadable shows why on the preview, keeping the file.
    client.post(response.url, {"columns": "country="})
    preview = client.get(response.url)
    assert preview.status_code == 200
    assert "Missing columns: country" in preview.content.decode()
