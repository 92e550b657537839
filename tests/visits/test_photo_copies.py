"""What the public can reach of a photo: upright copies without any metadata, made once,
from published visits only. The original upload is never among them."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from PIL import Image, IptcImagePlugin

from tests.factories import VisitFactory
from tests.helpers import photos as samples
from tests.helpers.photos import collect
from visits.models import Photo, PublicationStatus

pytestmark = pytest.mark.django_db


def files_in(folder) -> list:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def add_photo(visit, data=None, **fields) -> Photo:
    photo = Photo(
        visit=visit,
        image=samples.upload(data or samples.camera_jpeg((800, 600)), "IMG_0001.JPG"),
        alt_text="The delegation in front of the town hall.",
        **fields,
    )
    photo.full_clean()
    photo.save()
    return photo


@pytest.fixture
def visit():
    return VisitFactory(slug="osmangazi-kapchagay-2019", start_date="2019-08-24")


@pytest.fixture
def photo(visit):
    return add_photo(visit, caption="At the town hall", credit="Osmangazi Belediyesi Basın")


def page_urls(client, photo) -> set[str]:
    """The image URLs of the visit page's gallery and of the photo's own page."""
    urls = set()
    for page in (photo.visit.get_absolute_url(), photo.get_absolute_url()):
        response = client.get(page)
        assert response.status_code == 200
        urls |= collect(response.content.decode()).urls
    return {url for url in urls if "/photos/" in url}  # not the site's own emblem


def assert_clean_and_upright(data: bytes, expected_size=None):
    """No EXIF, GPS, XMP, IPTC, ICC or comment; taller than wide, red on top, blue below."""
    assert samples.SECRET.encode() not in data
    for marker in (b"Exif\x00", b"Photoshop 3.0", b"http://ns.adobe.com/xap", b"ICC_PROFILE"):
        assert marker not in data
    image = Image.open(io.BytesIO(data))
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    assert IptcImagePlugin.getiptcinfo(image) is None
    width, height = image.size
    assert height > width
    if expected_size:
        assert image.size == expected_size
    rgb = image.convert("RGB")
    top, bottom = (
        rgb.getpixel((width // 2, height // 4)),
        rgb.getpixel((width // 2, height * 3 // 4)),
    )
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]


def test_the_sample_carries_what_must_be_removed():
    data = samples.camera_jpeg()
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert exif[0x0112] == 6 and exif.get_ifd(0x8825)  # orientation, GPS position
    assert {"xmp", "icc_profile", "comment"} <= set(image.info)
    assert IptcImagePlugin.getiptcinfo(image)
    assert image.size == (400, 300)


def test_every_public_copy_is_upright_and_without_metadata(client, photo):
    urls = page_urls(client, photo)
    assert len(urls) == 4  # 320 and 600 wide (the upright width), in WebP and JPEG
    formats = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        assert_clean_and_upright(data)
        formats.add(Image.open(io.BytesIO(data)).format)
    assert formats == {"WEBP", "JPEG"}

    download = client.get(reverse("visits:photo-download", args=[photo.visit.slug, photo.pk]))
    assert download["Content-Type"] == "image/jpeg"
    assert_clean_and_upright(b"".join(download.streaming_content), expected_size=(600, 800))


def test_width_and_height_are_those_of_the_upright_photo(photo):
    assert (photo.width, photo.height) == (600, 800)
    assert [(item.width, item.height) for item in photo.picture.jpeg] == [(320, 427), (600, 800)]


def test_renditions_are_made_once(client, photo, settings):
    stored = files_in(settings.MEDIA_ROOT)
    assert len(stored) == 1 + 4 + 1  # the original, four renditions, the press copy
    for _ in range(2):
        for url in page_urls(client, photo):
            client.get(url)
        client.get(reverse("visits:photo-download", args=[photo.visit.slug, photo.pk]))
    photo.caption = "At the town hall of Konaev"
    photo.save()
    Photo.objects.get(pk=photo.pk).save()
    assert files_in(settings.MEDIA_ROOT) == stored


def test_the_same_photo_uploaded_twice_shares_its_renditions(photo, settings):
    renditions = [path for path in files_in(settings.MEDIA_ROOT) if "originals" not in str(path)]
    again = add_photo(photo.visit)
    assert again.renditions == photo.renditions
    after = [path for path in files_in(settings.MEDIA_ROOT) if "originals" not in str(path)]
    assert after == renditions


def test_a_transparent_png_gets_a_white_background_in_jpeg_and_keeps_it_in_webp(visit):
    image = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    photo = add_photo(visit, samples.encode(image, "PNG"))
    [webp], [jpeg] = photo.picture.webp, photo.picture.jpeg
    assert Image.open(default_storage.open(webp.name)).convert("RGBA").getpixel((5, 5))[3] == 0
    assert Image.open(default_storage.open(jpeg.name)).getpixel((5, 5)) == (255, 255, 255)


def test_original_upload_is_never_linked_from_a_public_page(client, photo):
    for page in (photo.visit.get_absolute_url(), photo.get_absolute_url()):
        html = client.get(page).content.decode()
        assert photo.image.name not in html
        assert "originals" not in html


def test_originals_and_other_stored_files_are_not_served(client, photo):
    for name in (
        photo.image.name,
        photo.picture.press_name,
        "photos/renditions/../originals/x.jpg",
        photo.picture.jpeg[0].name.replace(".jpg", ".png"),
    ):
        assert client.get(f"/media/{name}").status_code == 404


def test_renditions_are_served_for_a_year(client, photo):
    response = client.get(photo.picture.webp[0].url)
    assert response["Content-Type"] == "image/webp"
    assert (
        "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    )


def test_press_download_is_an_attachment_named_for_visit_date_and_credit(client, photo):
    response = client.get(reverse("visits:photo-download", args=[photo.visit.slug, photo.pk]))
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''"
        f"osmangazi-kapchagay-2019_2019-08-24_osmangazi-belediyesi-bas%C4%B1n_{photo.pk}.jpg"
    )


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": PublicationStatus.DRAFT, "publish_at": None},
        {
            "status": PublicationStatus.SCHEDULED,
            "publish_at": timezone.now() + timezone.timedelta(days=1),
        },
    ],
)
def test_photos_of_a_visit_not_yet_public_are_not_found(client, hidden):
    photo = add_photo(VisitFactory(**hidden))
    for name in ("visits:photo-detail", "visits:photo-download"):
        assert client.get(reverse(name, args=[photo.visit.slug, photo.pk])).status_code == 404


def test_a_photo_is_found_under_its_own_visit_only(client, photo):
    other = VisitFactory()
    for name in ("visits:photo-detail", "visits:photo-download"):
        assert client.get(reverse(name, args=[other.slug, photo.pk])).status_code == 404
