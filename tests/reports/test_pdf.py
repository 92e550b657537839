"""The yearly report as PDF: it opens, holds every visit of the year in the letters of
each language, numbers its pages, and leaves out what the public may not see."""

import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from reports.pdf import FONT_FAMILY, LocalFetcher, html_to_pdf
from tests.reports.conftest import HIDDEN_MARKERS, YEAR
from visits.models import Visit

SHOWCASE_YEAR = 2019


def pdf_url(year: int, language: str) -> str:
    with translation.override(language):
        return reverse("reports:year-report-pdf", kwargs={"year": year})


def pdf_of(client, year: int, language: str) -> PdfReader:
    response = client.get(pdf_url(year, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(response.content))


def text_of(pdf: PdfReader) -> str:
    """The text of every page, lines joined, so that a title broken over lines is found."""
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def embedded_fonts(pdf: PdfReader) -> set[str]:
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"]
                if "/FontFile2" in descriptor:
                    names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture
def showcase_visits(showcase):
    visits = Visit.objects.published().filter(start_date__startswith=str(SHOWCASE_YEAR))
    assert visits.exists()
    return visits


def test_the_showcase_years_pdf_opens_and_holds_every_visit_of_the_year(client, showcase_visits):
    for language in ("tr", "en"):
        pdf = pdf_of(client, SHOWCASE_YEAR, language)
        assert len(pdf.pages) >= 2
        text = text_of(pdf)
        with translation.override(language):
            titles = [" ".join(visit.title.split()) for visit in showcase_visits]
        assert titles and all(title in text for title in titles), language


def test_turkish_and_kazakh_letters_come_out_of_the_pdf_as_written(client, showcase_visits):
    turkish = text_of(pdf_of(client, SHOWCASE_YEAR, "tr"))
    for letters in ("ğ", "ş", "ı", "İ", "ç", "ü", "Kardeş", "İsmail Kuş", "Beyazıt"):
        assert letters in turkish, letters
    kazakh = text_of(pdf_of(client, SHOWCASE_YEAR, "kk"))
    for letters in ("Қ", "ә", "ғ", "ұ", "Қапшағай", "Мұстафа Дүндар", "Османғази әкімі"):
        assert letters in kazakh, letters
    russian = text_of(pdf_of(client, SHOWCASE_YEAR, "ru"))
    assert "Мустафа Дюндар" in russian


def test_the_pdf_embeds_its_own_fonts(client, showcase_visits):
    fonts = embedded_fonts(pdf_of(client, SHOWCASE_YEAR, "kk"))
    assert fonts and all(FONT_FAMILY.replace(" ", "-") in name for name in fonts)


def test_the_pdf_numbers_its_pages_and_its_contents_give_page_numbers(client, showcase_visits):
    pdf = pdf_of(client, SHOWCASE_YEAR, "en")
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        assert f"{number} / {total}" in page.extract_text()
    contents = " ".join(pdf.pages[0].extract_text().split())
    # "Figures ....... 2": a leader, then the page the section starts on.
    assert re.search(r"Figures \.{3,} ?\d", contents)
    assert re.search(r"Photo credits \.{3,} ?\d", contents)


def test_the_public_pdf_leaves_out_drafts_scheduled_visits_and_unpublished_pairs(
    client, year_record
):
    for language in ("en", "kk"):
        text = text_of(pdf_of(client, YEAR, language)).lower()
        assert "osmangazi delegation in konaev" in text or language == "kk"
        for marker in HIDDEN_MARKERS:
            assert marker not in text, (language, marker)


def test_staff_get_the_staff_version_of_the_pdf_and_no_shared_cache_keeps_it(
    editor_client, year_record
):
    response = editor_client.get(pdf_url(YEAR, "en"))
    text = text_of(PdfReader(io.BytesIO(response.content)))
    assert all(marker in text for marker in HIDDEN_MARKERS)
    assert "private" in response["Cache-Control"]


def test_the_pdf_fetches_nothing_but_the_sites_static_files_and_its_fonts(settings):
    fetcher = LocalFetcher()
    for url in (
        "https://example.org/tracker.css",
        "http://testserver/media/photos/originals/a.jpg",
        "file:///etc/passwd",
        "http://testserver/static/../../etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    css = fetcher.fetch("http://testserver/static/css/report.css")
    assert b"@page" in css.read()
    font = settings.REPORT_FONT_DIR / "DejaVuSans.ttf"
    assert fetcher.fetch(font.as_uri()).read()[:4] == font.read_bytes()[:4]


def test_a_missing_stylesheet_or_image_leaves_the_pdf_whole(db):
    html = (
        '<html lang="en"><head><link rel="stylesheet" href="https://example.org/x.css">'
        '</head><body><img src="/static/img/none.svg" alt=""><p>Qonaev Қонаев</p></body></html>'
    )
    pdf = PdfReader(io.BytesIO(html_to_pdf(html, base_url="http://testserver/")))
    assert "Қонаев" in pdf.pages[0].extract_text()


def test_the_fonts_are_checked_at_start(settings):
    from reports.checks import report_fonts_exist

    assert report_fonts_exist(None) == []
    settings.REPORT_FONT_DIR = settings.BASE_DIR / "no-such-folder"
    (warning,) = report_fonts_exist(None)
    assert warning.id == "reports.W001"


def test_the_fonts_cover_every_letter_of_the_four_languages():
    from fontTools.ttLib import TTFont

    letters = (
        "çğıİöşüÇĞÖŞÜ"
        + "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
        + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    )
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(settings.REPORT_FONT_DIR / name).getBestCmap()
        assert [letter for letter in letters if ord(letter) not in cmap] == [], name
