"""Photos: what an upload must be to be accepted, and the copies the public gets.

An upload is judged by its content, never its name, by the checks photos share with
protocols' scanned pages (sistercities/image_checks.py): Pillow must recognise it as JPEG,
PNG or WebP within the pixel limit, it must verify and decode to the end, and carry no
second file.

The public never gets the original. It gets renditions made once, when the photo is saved:
upright (EXIF orientation applied), in sRGB, without EXIF, GPS, XMP, IPTC or comments, at a
few widths in WebP with a JPEG fallback, and a full-resolution JPEG for the press. They are
written through Django's default storage under names derived from the original's content,
so the same storage settings serve a local folder or S3-compatible object storage.
"""

import hashlib
import io
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from sistercities.image_checks import ImageProblem, check_image, open_within, read_upload

# Pillow's readers tried on an upload, and only these. The JPEG reader also opens the
# multi-picture JPEGs (MPO) many cameras and phones write.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
RENDITION_WIDTHS = (320, 640, 1024, 1600)
WEBP_QUALITY = 78
JPEG_QUALITY = 80
PRESS_JPEG_QUALITY = 92

MESSAGES = {
    "too_large": _("This file is %(size)s; a photo may be at most %(limit)s."),
    "not_an_image": _(
        "This file is not a JPEG, PNG or WebP image. Upload a photo in one of these formats."
    ),
    "corrupt": _("This image is damaged or incomplete. Export it again and upload the new file."),
    "too_many_pixels": _(
        "This image has more pixels than the %(limit)s megapixels a photo may have. "
        "Reduce it and upload it again."
    ),
    "hidden_content": _(
        "This image carries another file or code inside it. Export it again as a plain photo."
    ),
}


def _reject(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def original_name(instance, filename: str) -> str:
    """Where an upload is kept: a private prefix the public URLs never point to, and a
    random name that tells nothing of the photographer's file name."""
    extension = Path(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".webp"}:
        extension = ""
    return f"photos/originals/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"


def open_checked(data: bytes) -> Image.Image:
    """Open an image of an accepted format and size, having read only its header."""
    try:
        return open_within(data, ACCEPTED_FORMATS, settings.PHOTO_MAX_PIXELS)
    except ImageProblem as problem:
        raise _refusal(problem) from None


def _refusal(problem: ImageProblem) -> ValidationError:
    if problem.code == "too_many_pixels":
        return _reject(problem.code, limit=f"{settings.PHOTO_MAX_PIXELS / 1_000_000:g}")
    return _reject(problem.code)


def validate_photo(file) -> None:
    """Accept a JPEG, PNG or WebP upload within the limits and with nothing hidden inside.
    A file already stored was judged when it was uploaded and is not read again."""
    if getattr(file, "_committed", False):
        return
    if file.size > settings.PHOTO_MAX_UPLOAD_BYTES:
        raise _reject(
            "too_large",
            size=filesizeformat(file.size),
            limit=filesizeformat(settings.PHOTO_MAX_UPLOAD_BYTES),
        )
    try:
        check_image(read_upload(file), ACCEPTED_FORMATS, settings.PHOTO_MAX_PIXELS)
    except ImageProblem as problem:
        raise _refusal(problem) from None


# Renditions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    name: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)


class Picture:
    """A photo's public copies, as the templates use them."""

    def __init__(self, renditions: dict):
        self.webp = [Rendition(*item) for item in renditions.get("webp", [])]
        self.jpeg = [Rendition(*item) for item in renditions.get("jpeg", [])]
        self.press_name = renditions.get("press", "")

    def __bool__(self) -> bool:
        return bool(self.jpeg)

    @staticmethod
    def _srcset(renditions) -> str:
        return ", ".join(f"{item.url} {item.width}w" for item in renditions)

    @cached_property
    def webp_srcset(self) -> str:
        """Each srcset appears twice on a gallery item: the storage builds its URLs once."""
        return self._srcset(self.webp)

    @cached_property
    def jpeg_srcset(self) -> str:
        return self._srcset(self.jpeg)

    @property
    def src(self) -> Rendition:
        """The JPEG for browsers that read no srcset: the second smallest, or the only one."""
        return self.jpeg[min(1, len(self.jpeg) - 1)]

    @property
    def largest(self) -> Rendition:
        return self.jpeg[-1]


def make_renditions(data: bytes) -> dict:
    """Write the public copies of an original (once: existing names are kept) and describe
    them: {"width", "height", "webp": [[w, h, name], …], "jpeg": […], "press": name}."""
    digest = hashlib.sha256(data).hexdigest()[:24]
    stem = f"{digest[:2]}/{digest}"
    with open_checked(data) as original:
        image = _clean(original)
    flat = _flatten(image)
    result = {
        "width": image.width,
        "height": image.height,
        "webp": [],
        "jpeg": [],
        "press": _store(f"photos/press/{stem}.jpg", flat, "JPEG", quality=PRESS_JPEG_QUALITY),
    }
    for width in sorted({min(width, image.width) for width in RENDITION_WIDTHS}, reverse=True):
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        flat = _flatten(image)
        webp = _store(f"photos/renditions/{stem}-{width}.webp", image, "WEBP", method=5)
        jpeg = _store(f"photos/renditions/{stem}-{width}.jpg", flat, "JPEG", progressive=True)
        result["webp"].insert(0, [width, height, webp])
        result["jpeg"].insert(0, [width, height, jpeg])
    return result


def _clean(original: Image.Image) -> Image.Image:
    """Upright, sRGB, RGB or RGBA pixels, and no metadata of any kind."""
    image = ImageOps.exif_transpose(original)
    if image.mode.startswith("I"):  # 16-bit grey: to 8 bits, not clipped to white
        image = image.point(lambda value: value / 256).convert("L")
    icc_profile = original.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if has_alpha else "RGB"
    if icc_profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        image = _to_srgb(image, icc_profile, mode)
    image = image.convert(mode)
    image.info = {}
    return image


def _to_srgb(image: Image.Image, icc_profile: bytes, mode: str) -> Image.Image:
    """Colours as the photographer's profile meant them, in the sRGB every browser assumes;
    a profile littleCMS cannot read is dropped and the pixels kept as they are."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if mode == "RGBA" and image.mode != "RGBA":
            image = image.convert("RGBA")
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put a transparent image on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def _store(name: str, image: Image.Image, image_format: str, **options) -> str:
    """Save under a name given by the original's content, unless that copy exists already."""
    if default_storage.exists(name):
        return name
    buffer = io.BytesIO()
    quality = WEBP_QUALITY if image_format == "WEBP" else JPEG_QUALITY
    image.save(buffer, image_format, **{"quality": quality, **options})
    return default_storage.save(name, ContentFile(buffer.getvalue()))
