"""A protocol's scanned document reaches the public only through its download view: as an
attachment named for the protocol, while its relationship is published, never stored by
the page cache, and never from the media folder."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from sistercities.models import Protocol
from tests.factories import ProtocolFactory
from tests.helpers.documents import ACCEPTED, clean_pdf, html_named_pdf

pytestmark = pytest.mark.django_db

SLUG = "sister-city-protocol"


@pytest.fixture
def protocol():
    protocol = ProtocolFactory(slug=SLUG, title_en="Sister-city protocol")
    protocol.document.save("İmzalı protokol.pdf", ContentFile(clean_pdf()))
    return protocol


def download_url() -> str:
    return reverse("sistercities:protocol-document", args=[SLUG])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("kind", list(ACCEPTED))
def test_public_download_is_an_attachment_named_for_the_protocol(kind, client):
    make, _name, extension, content_type = ACCEPTED[kind]
    protocol = ProtocolFactory(slug=SLUG)
    protocol.document.save("scan", ContentFile(make()))

    response = client.get(download_url())

    assert response.status_code == 200
    assert body(response) == make()
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}{extension}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_unpublished_relationships_document_is_404_to_the_public(protocol, client):
    protocol.relationship.is_published = False
    protocol.relationship.save()

    assert client.get(download_url()).status_code == 404
    assert client.get(protocol.get_absolute_url()).status_code == 404


def test_protocol_without_document_has_no_download(client):
    ProtocolFactory(slug=SLUG)
    assert client.get(download_url()).status_code == 404


def test_document_missing_from_the_storage_is_404(protocol, client):
    default_storage.delete(protocol.document.name)
    assert client.get(download_url()).status_code == 404


def test_protocol_page_links_to_the_download_not_to_the_storage(protocol, client):
    page = client.get(protocol.get_absolute_url()).content.decode()

    assert f'href="{download_url()}"' in page
    assert protocol.document.name not in page
    assert "/media/" not in page


def test_media_path_of_the_document_is_not_served(protocol, client):
    """Local media serving answers photo renditions only: the stored name is no address."""
    assert default_storage.exists(protocol.document.name)
    assert client.get(f"/media/{protocol.document.name}").status_code == 404
    assert client.get(default_storage.url(protocol.document.name)).status_code == 404


def test_document_stored_before_the_checks_is_served_as_plain_bytes(client):
    """An old upload under its own name, of any content, is still served, as a download
    no browser renders."""
    name = default_storage.save("protocols/scan.html", ContentFile(html_named_pdf()))
    protocol = ProtocolFactory(slug=SLUG)
    Protocol.objects.filter(pk=protocol.pk).update(document=name)

    response = client.get(download_url())

    assert response.status_code == 200
    assert body(response) == html_named_pdf()
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_page_cache_does_not_store_the_document(protocol, page_cache):
    reader = Client()
    for _ in range(2):
        response = reader.get(download_url())
        assert response.status_code == 200 and response.streaming
        assert body(response) == clean_pdf()
        assert not response.has_header("Cache-Status")
    assert not [key for key in page_cache._cache if ":page:" in key]


def test_withdrawn_document_is_not_served_from_the_page_cache(protocol, page_cache):
    reader = Client()
    assert reader.get(download_url()).status_code == 200
    protocol.relationship.is_published = False
    protocol.relationship.save()
    assert reader.get(download_url()).status_code == 404


def test_page_cache_stores_the_protocol_page_itself(protocol, page_cache):
    """The check above would see a stored copy: the protocol's page is one."""
    Client().get(protocol.get_absolute_url())
    assert [key for key in page_cache._cache if ":page:" in key]
