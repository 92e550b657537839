"""Real files for the photo tests, made with Pillow (or by hand where Pillow cannot write
the format): good photos, photos full of metadata, and every kind of file to refuse; and
the images a page can load, read from its HTML."""

import io
import random
import struct
import zipfile
import zlib
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

SECRET = "SECRET-PLACE-41.0082N"  # in every kind of metadata; must reach no public copy
RED, BLUE = (220, 20, 20), (20, 20, 220)
# Made once: LittleCMS stamps a profile with the time it is written, and two photos made a
# second apart must still be the same file.
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def two_colour_image(size=(400, 300), mode="RGB") -> Image.Image:
    """Red on the left half, blue on the right: shows which way a copy was turned."""
    image = Image.new(mode, size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def noise_image(size=(300, 200)) -> Image.Image:
    """Incompressible pixels, for files of a predictable size."""
    generator = random.Random(size[0] * size[1])
    return Image.frombytes("RGB", size, generator.randbytes(size[0] * size[1] * 3))


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg(size=(400, 300)) -> bytes:
    return encode(two_colour_image(size), "JPEG", quality=90)


def png(size=(400, 300)) -> bytes:
    return encode(two_colour_image(size, "RGBA"), "PNG")


def webp(size=(400, 300)) -> bytes:
    return encode(two_colour_image(size), "WEBP")


def mpo(size=(400, 300)) -> bytes:
    """A multi-picture JPEG, as stereo cameras and many phones write them."""
    first, second = two_colour_image(size), two_colour_image(size)
    return encode(first, "MPO", save_all=True, append_images=[second])


def camera_jpeg(size=(400, 300)) -> bytes:
    """A phone photo held upright: stored sideways with orientation 6 (turn 90° clockwise),
    with GPS position, camera make, XMP, a comment, IPTC and an ICC profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = SECRET
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (41.0, 0.0, 29.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (28.0, 58.0, 36.0)
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
        '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>'
        f"{SECRET}</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    data = encode(
        two_colour_image(size),
        "JPEG",
        quality=90,
        exif=exif,
        xmp=xmp,
        comment=SECRET,
        icc_profile=SRGB_PROFILE,
    )
    return with_iptc(data, SECRET)


def with_iptc(data: bytes, caption: str) -> bytes:
    """Insert an APP13 "Photoshop 3.0" segment carrying an IPTC caption after SOI."""
    text = caption.encode()
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(text)) + text
    iptc += b"\x00" * (len(iptc) % 2)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    body = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + data[2:]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims width × height pixels: a decompression bomb
    as far as any reader of the header can tell."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _png_chunk(b"IEND", b"")
    )


def psd() -> bytes:
    """A 2 × 2 RGB Photoshop document, uncompressed (Pillow reads PSD but cannot write it)."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 2, 2, 8, 3)
    sections = struct.pack(">III", 0, 0, 0)  # colour mode data, resources, layers
    return header + sections + struct.pack(">H", 0) + b"\x80" * 12


def svg() -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">'
        b'<rect width="400" height="300" fill="red"/><script>alert(document.cookie)</script>'
        b"</svg>"
    )


def archive(*, jar: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        if jar:
            bundle.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: A\n")
            bundle.writestr("A.class", b"\xca\xfe\xba\xbe" + b"\x00" * 32)
        else:
            bundle.writestr("payload.txt", "anything at all")
    return buffer.getvalue()


def png_with_text(text: str) -> bytes:
    info = PngInfo()
    info.add_text("Comment", text)
    return encode(two_colour_image((40, 30)), "PNG", pnginfo=info)


def rejected_kinds() -> dict[str, tuple[bytes, str, str]]:
    """Every kind of file an upload must refuse: name → (content, file name, error code)."""
    good_jpeg = encode(noise_image(), "JPEG", quality=90)
    good_png = png((40, 30))
    broken_png = bytearray(good_png)
    broken_png[60] ^= 0xFF  # inside IDAT: the chunk's CRC no longer matches
    small = two_colour_image((40, 30))
    return {
        "text renamed .jpg": (b"Meeting notes, not a photo.\n" * 20, "photo.jpg", "not_an_image"),
        "truncated JPEG": (good_jpeg[: len(good_jpeg) * 2 // 3], "photo.jpg", "corrupt"),
        "truncated PNG": (good_png[: len(good_png) - 30], "photo.png", "corrupt"),
        "PNG with a broken checksum": (bytes(broken_png), "photo.png", "corrupt"),
        "SVG": (svg(), "photo.svg", "not_an_image"),
        "SVG renamed .jpg": (svg(), "photo.jpg", "not_an_image"),
        "PDF": (encode(small, "PDF"), "photo.pdf", "not_an_image"),
        "EPS": (encode(small, "EPS"), "photo.eps", "not_an_image"),
        "PSD": (psd(), "photo.psd", "not_an_image"),
        "GIF": (encode(small, "GIF"), "photo.gif", "not_an_image"),
        "TIFF": (encode(small, "TIFF"), "photo.tif", "not_an_image"),
        "BMP": (encode(small, "BMP"), "photo.bmp", "not_an_image"),
        "JPEG with a ZIP appended": (jpeg() + archive(), "photo.jpg", "hidden_content"),
        "JPEG with a JAR appended (GIFAR-style)": (
            jpeg() + archive(jar=True),
            "photo.jpg",
            "hidden_content",
        ),
        "JPEG with HTML and script appended": (
            jpeg() + b"<html><body><script>alert(1)</script></body></html>",
            "photo.jpg",
            "hidden_content",
        ),
        "JPEG with PHP in its comment": (
            encode(small, "JPEG", comment=b"<?php system($_GET['c']); ?>"),
            "photo.jpg",
            "hidden_content",
        ),
        "PNG with a script in a text chunk": (
            png_with_text("<script>alert(1)</script>"),
            "photo.png",
            "hidden_content",
        ),
        "PNG with bytes after its end": (
            good_png + b"anything after IEND",
            "photo.png",
            "hidden_content",
        ),
        "WebP with bytes after its end": (
            webp((40, 30)) + b"trailing!!",
            "photo.webp",
            "hidden_content",
        ),
        "PNG declaring 12000 x 12000 (Pillow only warns)": (
            png_declaring(12000, 12000),
            "photo.png",
            "too_many_pixels",
        ),
        "PNG declaring 20000 x 10000 (Pillow refuses)": (
            png_declaring(20000, 10000),
            "photo.png",
            "too_many_pixels",
        ),
        "PNG declaring 8000 x 5001, just over 40 megapixels": (
            png_declaring(8000, 5001),
            "photo.png",
            "too_many_pixels",
        ),
    }


class ImageCollector(HTMLParser):
    """Every <img>, and every image URL a page or its lightbox data can load."""

    def __init__(self):
        super().__init__()
        self.images, self.urls = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        for name in ("src", "data-src"):
            if tag in ("img", "a") and attrs.get(name):
                self.urls.add(attrs[name])
        for name in ("srcset", "data-webp-srcset", "data-jpeg-srcset"):
            for candidate in filter(None, (attrs.get(name) or "").split(",")):
                self.urls.add(candidate.split()[0])


def collect(html: str) -> ImageCollector:
    collector = ImageCollector()
    collector.feed(html)
    return collector
