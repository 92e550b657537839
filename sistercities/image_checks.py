"""Whether uploaded bytes are a sound image of an accepted format: the checks a photo
(visits/images.py) and a protocol's scanned page (sistercities/documents.py) share.

They judge content, never a name: Pillow must recognise the format, the header must declare
no more pixels than the limit (checked before anything is decoded), the data must verify and
decode to the end, and it must not carry a second file (a ZIP or JAR archive, HTML, script or
PHP) or, for PNG and WebP, anything after the image. Each caller words the refusal itself,
from the problem's code.
"""

import io
import re
import struct
import warnings
import zipfile

from PIL import Image

# Another file hidden inside the image: markup or script a browser or server could run.
# Each pattern is long enough that compressed image data does not produce it by chance.
_HIDDEN_MARKUP = re.compile(
    rb"<(?:script|html|body|iframe|object|embed)[\s/>]|<\?php\s|<!doctype\s", re.IGNORECASE
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ImageProblem(Exception):
    """Why an image is refused: "not_an_image", "too_many_pixels", "corrupt" or
    "hidden_content"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def read_upload(file) -> bytes:
    """The whole upload, leaving the file at its start for whoever saves it next."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def open_within(data: bytes, formats: tuple[str, ...], max_pixels: int) -> Image.Image:
    """Open an image of one of `formats` and at most `max_pixels`, having read only its
    header."""
    try:
        with warnings.catch_warnings():
            # Pillow only warns up to 179 megapixels; the caller's limit decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError:
        raise ImageProblem("too_many_pixels") from None
    except (OSError, SyntaxError, ValueError):  # UnidentifiedImageError is an OSError
        raise ImageProblem("not_an_image") from None
    if image.width * image.height > max_pixels:
        image.close()
        raise ImageProblem("too_many_pixels")
    return image


def check_image(data: bytes, formats: tuple[str, ...], max_pixels: int) -> str:
    """The format of a sound image within the limit and with nothing hidden inside;
    ImageProblem otherwise."""
    with open_within(data, formats, max_pixels) as image:
        image_format = image.format
        try:
            image.verify()
        except Exception:  # Pillow raises many kinds for a damaged file.
            raise ImageProblem("corrupt") from None
    # verify() leaves the image unusable and does not decode pixels: decode a fresh copy.
    with open_within(data, formats, max_pixels) as image:
        try:
            image.load()
        except Exception:
            raise ImageProblem("corrupt") from None
    if _carries_another_file(data, image_format):
        raise ImageProblem("hidden_content")
    return image_format


def _carries_another_file(data: bytes, image_format: str) -> bool:
    """A polyglot: markup or script anywhere, a ZIP/JAR read from the end (GIFAR-style), or
    bytes after the end of a PNG or WebP image. Bytes after a JPEG are allowed otherwise:
    cameras and phones put second pictures, previews and motion clips there."""
    if _HIDDEN_MARKUP.search(data) or zipfile.is_zipfile(io.BytesIO(data)):
        return True
    if image_format == "PNG":
        return _png_end(data) != len(data)
    if image_format == "WEBP":
        riff_size = struct.unpack("<I", data[4:8])[0]
        return len(data) > 8 + riff_size + (riff_size % 2)
    return False


def _png_end(data: bytes) -> int:
    """The offset just after the IEND chunk of a verified PNG."""
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        offset += 12 + length  # length and type, data, CRC
        if kind == b"IEND":
            return offset
    return offset
