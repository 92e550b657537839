"""The photo gallery in Chromium: the lightbox driven by the keyboard, and what a 12-photo
visit report costs a phone on first view."""

import io
import random

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter

from tests.factories import VisitFactory
from visits.models import Photo

pytestmark = pytest.mark.django_db(transaction=True)

PHOTOS = 12
BYTE_BUDGET = 400_000


def camera_like_jpeg(seed: int, size=(2400, 1600)) -> bytes:
    """A photo-like picture: a sky-to-ground gradient, shapes and sensor noise."""
    generator = random.Random(seed)
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, tuple(generator.randrange(40, 220) for _ in range(3)))
    image = Image.blend(image, tint, 0.5)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = generator.randrange(size[0]), generator.randrange(size[1])
        radius = generator.randrange(20, 300)
        colour = tuple(generator.randrange(256) for _ in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(size, 24).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture
def visit_with_photos(db):
    visit = VisitFactory(slug="twelve-photos", summary_en="A visit with twelve photos.")
    for number in range(PHOTOS):
        photo = Photo(
            visit=visit,
            order=number,
            alt_text_tr=f"Fotoğraf {number + 1}",
            alt_text_en=f"Photo number {number + 1} of the delegation",
            caption_en=f"Caption {number + 1}",
            credit="Osmangazi Municipality",
        )
        photo.image.save(f"photo-{number}.jpg", ContentFile(camera_like_jpeg(number)), save=False)
        photo.full_clean()
        photo.save()
    return visit


def _status(page) -> str:
    return page.locator("dialog.lightbox [data-part=status]").inner_text()


def _focus_is_in_dialog(page) -> bool:
    return page.evaluate(
        "document.querySelector('dialog.lightbox').contains(document.activeElement)"
    )


def test_lightbox_works_from_the_keyboard(visit_with_photos, live_server, page):
    page.goto(f"{live_server.url}/en/visits/{visit_with_photos.slug}/")
    first = page.locator(".gallery__link").first
    first.focus()

    page.keyboard.press("Enter")

    dialog = page.locator("dialog.lightbox")
    assert dialog.evaluate("d => d.open")
    assert _status(page) == f"Photo 1 of {PHOTOS}"
    page.keyboard.press("ArrowRight")
    assert _status(page) == f"Photo 2 of {PHOTOS}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert _status(page) == f"Photo {PHOTOS} of {PHOTOS}"
    assert dialog.locator("img").get_attribute("alt") == f"Photo number {PHOTOS} of the delegation"
    for _ in range(8):
        page.keyboard.press("Tab")
        assert _focus_is_in_dialog(page)
    page.keyboard.press("Shift+Tab")
    assert _focus_is_in_dialog(page)

    page.keyboard.press("Escape")

    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement === document.querySelector('.gallery__link')")


def test_twelve_photo_report_stays_within_the_byte_budget_on_a_phone(
    visit_with_photos, live_server, phone
):
    transferred = []
    phone.on("requestfinished", lambda request: transferred.append(request.sizes()))

    phone.goto(f"{live_server.url}/en/visits/{visit_with_photos.slug}/")
    phone.wait_for_load_state("networkidle")

    total = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in transferred)
    images = phone.locator(".gallery__image")
    assert images.count() == PHOTOS
    print(f"\n12-photo visit report at 390 px: {total} bytes in {len(transferred)} requests")
    assert total <= BYTE_BUDGET, f"{total} bytes transferred"
