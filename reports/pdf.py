"""The yearly report as PDF: its own HTML page, laid out by WeasyPrint (on Debian's Pango)
with the print rules of its stylesheets, and fonts embedded from a local folder.

Nothing is fetched from the network: the page's stylesheets and images come from the
site's static files, read from disk; the fonts from settings.REPORT_FONT_DIR; every other
address is refused (WeasyPrint then leaves the resource out).
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from PIL import ImageFile
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Importing WeasyPrint makes Pillow accept truncated images process-wide; the photo upload
# check (visits/images.py) must keep refusing them. The report draws only our renditions.
ImageFile.LOAD_TRUNCATED_IMAGES = False

# Font weight → file in REPORT_FONT_DIR (fonts-dejavu-core: Latin with Turkish letters,
# Cyrillic with Kazakh letters).
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FONT_FAMILY = "Report Sans"


def _font_faces() -> str:
    faces = [
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
        f'src: url("{(settings.REPORT_FONT_DIR / name).as_uri()}"); }}'
        for weight, name in FONT_FILES.items()
    ]
    # Every element, the SVG's text included, in the embedded family.
    faces.append(f'*, *::before, *::after {{ font-family: "{FONT_FAMILY}" !important; }}')
    return "\n".join(faces)


def _static_file(path: str) -> Path | None:
    """The file behind a static URL's path: collected (hashed names included), or found
    in the apps' and project's static folders during development and tests."""
    name = unquote(path).removeprefix(urlsplit(settings.STATIC_URL).path.rstrip("/") + "/")
    if ".." in Path(name).parts:
        return None
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except NotImplementedError:  # storage without local files
        pass
    found = finders.find(name)
    return Path(found) if found else None


class LocalFetcher(URLFetcher):
    """Static files and the report's fonts from disk, and nothing else."""

    def __init__(self):
        super().__init__(allowed_protocols={"http", "https", "file"})
        self.fonts = {(settings.REPORT_FONT_DIR / name).as_uri() for name in FONT_FILES.values()}

    def fetch(self, url, headers=None):
        if url in self.fonts:
            return super().fetch(url, headers)
        parts = urlsplit(url)
        static_path = urlsplit(settings.STATIC_URL).path
        if parts.scheme in {"http", "https"} and parts.path.startswith(static_path):
            file = _static_file(parts.path)
            if file is not None:
                content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, file.read_bytes(), headers={"Content-Type": content_type}
                )
        raise ValueError(f"the report's PDF fetches only its static files: {url}")


def html_to_pdf(html: str, base_url: str) -> bytes:
    fonts = FontConfiguration()
    fetcher = LocalFetcher()
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    stylesheet = CSS(string=_font_faces(), font_config=fonts, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)
