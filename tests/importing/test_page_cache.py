"""An import writes in bulk, without signals, and still refreshes the cached public pages."""

from django.urls import reverse

from importing.service import relationships_import
from tests.helpers.importing import SLICE


def test_a_published_import_shows_on_the_cached_relationship_list(
    showcase, page_cache, client, django_capture_on_commit_callbacks
):
    # A first import without Galateia creates the list's Source, so that the second one
    # writes only in bulk: no save() signal can refresh the cache in its place.
    lines = SLICE.read_bytes().splitlines(keepends=True)
    without_galateia = b"".join(line for line in lines if b"Galateia" not in line)
    relationships_import(data=without_galateia, commit=True, publish=True)
    home = reverse("sistercities:relationship-list")
    before = client.get(home)
    assert client.get(home).content == before.content  # served from the cache now
    assert "Galateia" not in before.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        relationships_import(data=SLICE.read_bytes(), commit=True, publish=True)

    assert "Galateia" in client.get(home).content.decode()
