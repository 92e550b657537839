"""The gallery on a visit report and the photo page: markup that loads fast and reads well
without JavaScript, and what gallery.js needs from it."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import PhotoFactory, VisitFactory
from tests.helpers.photos import collect
from visits.views import VisitDetailView

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    visit = VisitFactory()
    for order in range(5):
        PhotoFactory(visit=visit, order=order, caption_en=f"Caption {order}")
    return visit


def gallery_html(visit) -> str:
    """The include as the visit page renders it, photos prefetched."""
    visit = VisitDetailView().get_queryset().get(pk=visit.pk)
    request = RequestFactory().get("/")
    return render_to_string("includes/gallery.html", {"visit": visit}, request=request)


def test_every_gallery_image_has_width_height_alt_srcset_and_sizes(visit):
    images = collect(gallery_html(visit)).images
    assert len(images) == 5
    for image in images:
        assert int(image["width"]) > 0 and int(image["height"]) > 0
        assert image["alt"] == "The delegation in front of the town hall."
        assert image["srcset"] and image["sizes"] and image["src"]


def test_only_the_first_thumbnails_load_eagerly(visit):
    loading = [image.get("loading") for image in collect(gallery_html(visit)).images]
    assert loading == [None, None, "lazy", "lazy", "lazy"]


def test_every_image_on_the_visit_page_has_width_height_alt_and_srcset(client, visit):
    html = client.get(visit.get_absolute_url()).content.decode()
    photos = [image for image in collect(html).images if "/photos/" in image["src"]]
    assert len(photos) == 5
    for image in photos:
        assert {"width", "height", "alt", "srcset"} <= set(image)


def test_each_thumbnail_links_to_its_photo_page(visit):
    html = gallery_html(visit)
    for photo in visit.photos.all():
        assert f'href="{photo.get_absolute_url()}"' in html


def test_lightbox_strings_are_given_to_the_script_in_the_page_language(visit):
    with translation.override("en"):
        html = gallery_html(visit)
    assert 'data-counter="Photo {index} of {total}"' in html
    assert "<script" in html and "defer" in html and "gallery.js" in html
    assert "<script>" not in html  # no inline script


def test_no_gallery_without_photos():
    assert gallery_html(VisitFactory()).strip() == ""


def test_visit_page_queries_do_not_grow_with_its_photos(client):
    one, many = VisitFactory(), VisitFactory()
    PhotoFactory(visit=one)
    for _ in range(6):
        PhotoFactory(visit=many)
    client.get(one.get_absolute_url())  # the first request warms the site's caches
    with CaptureQueriesContext(connection) as for_one:
        client.get(one.get_absolute_url())
    with CaptureQueriesContext(connection) as for_many:
        client.get(many.get_absolute_url())
    assert len(for_many) == len(for_one)


def test_photo_page_shows_the_photo_its_caption_credit_download_and_neighbours(client, visit):
    first, second, third = list(visit.photos.all())[:3]
    with translation.override("en"):
        response = client.get(second.get_absolute_url())
        html = response.content.decode()
        download = reverse("visits:photo-download", args=[visit.slug, second.pk])
        previous, following = first.get_absolute_url(), third.get_absolute_url()
    assert response.status_code == 200
    assert "<h1" in html and "Caption 1" in html
    assert "Photo: Osmangazi Municipality" in html
    assert "Photo 2 of 5" in html
    assert download in html
    assert f'href="{previous}" rel="prev"' in html
    assert f'href="{following}" rel="next"' in html
    [image] = [image for image in collect(html).images if "/photos/" in image["src"]]
    assert {"width", "height", "alt", "srcset", "sizes"} <= set(image)
    assert image.get("loading") is None


def test_photo_page_needs_a_few_queries_whatever_the_number_of_photos(
    client, visit, django_assert_max_num_queries
):
    photo = visit.photos.first()
    # The visit, its partner's and home city's former names and its relationship's protocols
    # (the relationship's name in the feed link), the photos; the home city and the footer's
    # office and notices, read once per version of the content.
    with django_assert_max_num_queries(8):
        client.get(photo.get_absolute_url())
