"""An upload is judged by its content: only sound JPEG, PNG and WebP photos within the
limits are kept; anything else is refused with a message and leaves nothing behind."""

import re
import warnings
from pathlib import PurePosixPath

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import VisitFactory
from tests.helpers import photos as samples
from visits.images import MESSAGES
from visits.models import Photo

pytestmark = pytest.mark.django_db

REJECTED = samples.rejected_kinds()


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["visit", "image", "alt_text", "credit"]


def files_in(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def expected_message(code: str, settings) -> str:
    params = {"limit": f"{settings.PHOTO_MAX_PIXELS / 1_000_000:g}"}
    return str(MESSAGES[code]) % params if code == "too_many_pixels" else str(MESSAGES[code])


@pytest.fixture
def visit():
    return VisitFactory()


@pytest.mark.parametrize("kind", REJECTED)
def test_model_validation_refuses_the_file_with_its_message(kind, visit, settings):
    data, name, code = REJECTED[kind]
    photo = Photo(visit=visit, image=samples.upload(data, name), alt_text="A photo.")
    with translation.override("en"), warnings.catch_warnings():
        warnings.simplefilter("error")  # not even Pillow's decompression-bomb warning
        with pytest.raises(ValidationError) as error:
            photo.full_clean()
        assert error.value.message_dict == {"image": [expected_message(code, settings)]}
    assert not Photo.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize("kind", REJECTED)
def test_form_refuses_the_file_with_its_message_and_saves_nothing(kind, visit, settings):
    data, name, code = REJECTED[kind]
    form = PhotoForm(
        data={"visit": visit.pk, "alt_text": "A photo."},
        files={"image": samples.upload(data, name)},
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors == {"image": [expected_message(code, settings)]}
    assert not Photo.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_file_over_the_size_limit_is_refused_before_it_is_read(visit, settings):
    data = samples.encode(samples.noise_image((300, 200)), "JPEG", quality=95)
    settings.PHOTO_MAX_UPLOAD_BYTES = len(data) - 1
    form = PhotoForm(
        data={"visit": visit.pk, "alt_text": "A photo."}, files={"image": samples.upload(data)}
    )
    with translation.override("en"):
        assert not form.is_valid()
        [message] = form.errors["image"]
    assert message.startswith("This file is ") and "a photo may be at most" in message
    assert not Photo.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_size_limit_defaults_to_20_megabytes_and_pixels_to_40_megapixels(settings):
    assert settings.PHOTO_MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    assert settings.PHOTO_MAX_PIXELS == 40_000_000


def test_pixel_limit_comes_from_the_settings(visit, settings):
    settings.PHOTO_MAX_PIXELS = 400 * 300 - 1
    photo = Photo(visit=visit, image=samples.upload(samples.jpeg((400, 300))), alt_text="x")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.error_dict["image"][0].code == "too_many_pixels"


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (samples.jpeg, "photo.jpg"),
        (samples.png, "photo.png"),
        (samples.webp, "photo.webp"),
        (samples.mpo, "photo.jpg"),
        (samples.camera_jpeg, "IMG_0001.JPG"),
        # Phones put previews and motion clips after a JPEG's end: not a second file to fear.
        (lambda: samples.jpeg() + b"SEFH" + bytes(range(256)) * 4, "photo.jpg"),
        # The name does not matter, the content does.
        (samples.png, "photo.jpg"),
    ],
)
def test_sound_photos_are_accepted_and_kept_privately(make, name, visit, settings):
    form = PhotoForm(
        data={"visit": visit.pk, "alt_text": "A photo.", "credit": "Press office"},
        files={"image": samples.upload(make(), name)},
    )
    assert form.is_valid(), form.errors
    photo = form.save()
    assert photo.image.name.startswith("photos/originals/")
    assert re.fullmatch(r"[0-9a-f]{32}", PurePosixPath(photo.image.name).stem)  # not the name
    assert photo.picture
    assert (photo.width, photo.height) != (0, 0)


def test_alt_text_is_required(visit):
    form = PhotoForm(data={"visit": visit.pk}, files={"image": samples.upload(samples.jpeg())})
    assert not form.is_valid()
    assert list(form.errors) == ["alt_text"]


def test_editing_a_stored_photo_does_not_judge_or_render_it_again(visit, settings):
    photo = Photo(visit=visit, image=samples.upload(samples.jpeg()), alt_text="x")
    photo.full_clean()
    photo.save()
    stored = sorted(files_in(settings.MEDIA_ROOT))
    settings.PHOTO_MAX_PIXELS = 1  # a later, stricter limit applies to new uploads only
    photo.caption = "A caption"
    photo.full_clean()
    photo.save()
    assert sorted(files_in(settings.MEDIA_ROOT)) == stored
