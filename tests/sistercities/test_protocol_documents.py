"""A protocol's scanned document is judged by its content wherever it comes in (the admin,
a sync of the showcase or an import), kept under a generated name, and reachable by staff
from the admin, published or not."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from weasyprint import HTML

from sistercities.documents import MESSAGES, PDF, check_document
from sistercities.models import Protocol
from sistercities.services import instance_sync
from tests.factories import ProtocolFactory
from tests.helpers.documents import (
    ACCEPTED,
    REFUSED,
    clean_pdf,
    encrypted_pdf,
    pdf_with_javascript,
)
from tests.helpers.photos import png

pytestmark = pytest.mark.django_db

GENERATED = re.compile(r"protocols/[0-9a-f]{32}\.(pdf|jpg|png)")


def message(code: str, **params) -> str:
    return str(MESSAGES[code]) % params if params else str(MESSAGES[code])


def upload(data: bytes, name: str, content_type="application/pdf") -> SimpleUploadedFile:
    """The browser's content type says PDF, whatever the file is: it is never believed."""
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def protocol():
    return ProtocolFactory(slug="sister-city-protocol", title_en="Sister-city protocol")


def change_url(protocol) -> str:
    return reverse("admin:sistercities_protocol_change", args=[protocol.pk])


def form_errors(response) -> str:
    return " ".join(str(error) for error in response.context["adminform"].form.errors.values())


@pytest.mark.parametrize("kind", list(REFUSED))
def test_admin_refuses_a_bad_document_with_its_message(kind, protocol, editor_client, change_form):
    make, name, code = REFUSED[kind]
    data = change_form(editor_client, change_url(protocol))
    data["document"] = upload(make(), name)

    response = editor_client.post(change_url(protocol), data)

    assert response.status_code == 200
    assert message(code) in form_errors(response)
    protocol.refresh_from_db()
    assert not protocol.document


@pytest.mark.parametrize("kind", list(ACCEPTED))
def test_admin_keeps_a_good_document_under_a_generated_name(
    kind, protocol, editor_client, change_form
):
    make, name, extension, _content_type = ACCEPTED[kind]
    data = change_form(editor_client, change_url(protocol))
    data["document"] = upload(make(), name)

    assert editor_client.post(change_url(protocol), data).status_code == 302

    protocol.refresh_from_db()
    assert GENERATED.fullmatch(protocol.document.name)
    assert protocol.document.name.endswith(extension)
    assert protocol.document.read() == make()


def test_admin_add_form_refuses_then_accepts(protocol, editor_client, change_form):
    add_url = reverse("admin:sistercities_protocol_add")
    data = change_form(editor_client, add_url)
    data.update(
        relationship=str(protocol.relationship.pk),
        slug="friendship-protocol",
        kind="friendship",
        title_tr="Dostluk protokolü",
        document=upload(pdf_with_javascript(), "friendship.pdf"),
    )
    response = editor_client.post(add_url, data)
    assert message("active_pdf") in form_errors(response)
    assert not Protocol.objects.filter(slug="friendship-protocol").exists()

    data["document"] = upload(clean_pdf(), "friendship.pdf")
    assert editor_client.post(add_url, data).status_code == 302
    added = Protocol.objects.get(slug="friendship-protocol")
    assert GENERATED.fullmatch(added.document.name) and "friendship" not in added.document.name


def test_too_large_a_document_is_refused(settings):
    settings.PROTOCOL_DOCUMENT_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        check_document(clean_pdf())
    assert refused.value.code == "too_large"
    assert "may be at most 100\xa0bytes" in refused.value.messages[0]


def test_a_scan_of_more_pixels_than_the_limit_is_refused(settings):
    settings.PHOTO_MAX_PIXELS = 100 * 100
    with pytest.raises(ValidationError) as refused:
        check_document(png((101, 100)))
    assert refused.value.messages == [message("too_many_pixels", limit="0.01")]


def test_pdfs_of_real_writers_are_accepted():
    assert check_document(HTML(string="<h1>Protocol</h1>").write_pdf()) is PDF
    assert check_document(encrypted_pdf("")) is PDF  # opens without a password


def test_a_pdf_that_asks_for_a_password_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_document(encrypted_pdf("secret"))
    assert refused.value.messages == [message("encrypted_pdf")]


def test_a_history_rows_stored_name_is_not_read():
    """The history table keeps the document's name as text, validators and all."""
    field = Protocol.history.model._meta.get_field("document")
    field.run_validators("protocols/0123456789abcdef0123456789abcdef.pdf")


def test_a_sync_such_as_the_showcase_loader_validates_the_document(protocol):
    """load_showcase and the importers write through instance_sync, which full_cleans."""
    bad = ContentFile(pdf_with_javascript(), name="protocol.pdf")
    with pytest.raises(ValidationError) as refused:
        instance_sync(model=Protocol, key={"slug": protocol.slug}, values={"document": bad})
    assert message("active_pdf") in refused.value.messages
    protocol.refresh_from_db()
    assert not protocol.document


def test_change_form_links_to_the_admin_download_not_the_storage(protocol, editor_client):
    protocol.document.save("scan.pdf", ContentFile(clean_pdf()))
    download = reverse("admin:sistercities_protocol_document", args=[protocol.pk])

    page = editor_client.get(change_url(protocol)).content.decode()

    assert f'href="{download}"' in page
    assert protocol.document.url not in page


def test_staff_download_an_unpublished_protocols_document(protocol, editor_client):
    protocol.relationship.is_published = False
    protocol.relationship.save()
    protocol.document.save("scan.pdf", ContentFile(clean_pdf()))
    download = reverse("admin:sistercities_protocol_document", args=[protocol.pk])

    response = editor_client.get(download)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == clean_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="sister-city-protocol.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert Client().get(download).status_code == 302  # to the admin's login page


def test_staff_without_the_view_right_may_not_download(protocol, client, django_user_model):
    protocol.document.save("scan.pdf", ContentFile(clean_pdf()))
    client.force_login(django_user_model.objects.create_user("clerk", is_staff=True))
    download = reverse("admin:sistercities_protocol_document", args=[protocol.pk])
    assert client.get(download).status_code == 403


def test_admin_download_of_a_protocol_without_document_is_404(protocol, editor_client):
    download = reverse("admin:sistercities_protocol_document", args=[protocol.pk])
    assert editor_client.get(download).status_code == 404
