"""The public pages in Kazakh and Russian: no Turkish interface text, Kazakh dates in lower
case, country names in Kazakh, translated URLs that resolve."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import resolve, reverse
from django.utils import translation

from tests.portal.i18n.catalogues import catalogue, translations

pytestmark = pytest.mark.django_db

VISIT = "osmangazi-delegation-in-kapchagay-2019"
RELATIONSHIP = "osmangazi-kapchagay"
# Attributes whose text a visitor reads or hears.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content", "value"}
SKIPPED_ELEMENTS = {"script", "style"}
# Where a msgstr is cut into phrases: its placeholders.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]|\{\w*\}")
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def page_paths(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "home": reverse("sistercities:home"),
            "relationships": reverse("sistercities:relationship-list"),
            "timeline": reverse("sistercities:relationship-detail", kwargs={"slug": RELATIONSHIP}),
            "city": reverse("sistercities:city-detail", kwargs={"slug": "konaev"}),
            "home city": reverse("sistercities:city-detail", kwargs={"slug": "osmangazi"}),
            "visit": reverse("visits:visit-detail", kwargs={"slug": VISIT}),
            "protocol": reverse(
                "sistercities:protocol-detail",
                kwargs={"slug": "osmangazi-kapchagay-sister-city-protocol"},
            ),
            "visits": reverse("visits:visit-list"),
            "search": reverse("sistercities:search") + "?q=Dündar",
            "short search": reverse("sistercities:search") + "?q=D",
            "partners": reverse("directory:partner-list"),
            "map": reverse("directory:partner-map"),
            "figures": reverse("directory:figures"),
            "reports": reverse("reports:report-list"),
            "report": reverse("reports:year-report", kwargs={"year": 2019}),
        }


class InterfaceText(HTMLParser):
    """The text a visitor of a page in `language` reads, minus what the page marks as
    being in another language (a fallback text, the language switcher's names)."""

    def __init__(self, language: str, content: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.content = content
        self.stack: list[tuple[str, bool]] = []  # (tag, inside foreign-language text)
        self.texts: list[str] = []

    @property
    def foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        foreign = (
            self.foreign
            or tag in SKIPPED_ELEMENTS
            or (lang is not None and lang.split("-")[0] != self.language and tag != "html")
        )
        if not foreign:
            for name, value in attrs.items():
                if name in READ_ATTRIBUTES and value:
                    self.add(value)
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, foreign))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.foreign:
            self.add(data)

    def add(self, text: str):
        """Keep a piece of text unless it is empty or part of the site's content (a report
        quoted from the database, say): content is not the interface."""
        text = " ".join(text.split())
        if text and text not in self.content:
            self.texts.append(text)

    @classmethod
    def of(cls, html: str, language: str, content: str) -> str:
        parser = cls(language, content)
        parser.feed(html)
        return " | ".join(parser.texts)


def database_text() -> str:
    """Every text the portal's own records hold, whitespace normalised."""
    texts = []
    for model in [
        *apps.get_app_config("sistercities").get_models(),
        *apps.get_app_config("visits").get_models(),
    ]:
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField))
        ]
        for row in model._default_manager.values_list(*fields):
            texts.extend(" ".join(value.split()) for value in row if isinstance(value, str))
    return "\n".join(texts)


def turkish_only_phrases(language: str) -> set[str]:
    """Pieces of the Turkish interface that the other language translates differently:
    each msgstr cut at its placeholders, keeping pieces long enough to mean something."""
    other = {(entry.msgctxt, entry.msgid): entry for entry in catalogue(language)}
    phrases = set()
    for entry in catalogue("tr"):
        if entry.msgid.endswith("/"):  # a URL pattern, never shown as text
            continue
        theirs = other[(entry.msgctxt, entry.msgid)]
        for turkish in translations(entry):
            if turkish in translations(theirs):
                continue
            for piece in PLACEHOLDER.split(turkish):
                piece = piece.strip(" .,:;()“”\"'-–—…")
                if len(piece) >= 4 and re.search(r"[^\W\d_]", piece):
                    phrases.add(piece)
    return phrases


@pytest.fixture
def showcase():
    call_command("load_showcase", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_public_pages_show_no_turkish_interface_text(client, showcase, language):
    phrases = turkish_only_phrases(language)
    assert "Ana içeriğe atla" in phrases  # the skip link, on every page
    content = database_text()
    found = {}
    for name, path in page_paths(language).items():
        response = client.get(path)
        assert response.status_code == 200, path
        text = InterfaceText.of(response.content.decode(), language, content)
        hits = sorted(p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))
        if hits:
            found[name] = hits
    assert found == {}


KAZAKH_MONTHS = (
    "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
).split()


def test_kazakh_dates_write_the_month_in_lower_case(client, showcase):
    html = client.get(page_paths("kk")["visit"]).content.decode()
    assert "24 тамыз 2019 ж." in html
    capitalised = "|".join(month.capitalize() for month in KAZAKH_MONTHS)
    assert not re.search(rf"\d\s+({capitalised})\b|\b({capitalised})\s+\d{{4}}", html)


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("tr", "24 Ağustos 2019"),
        ("en", "24 August 2019"),
        ("kk", "24 тамыз 2019 ж."),
        ("ru", "24 августа 2019 г."),
    ],
)
def test_visit_report_gives_its_date_as_the_language_writes_it(client, showcase, language, date):
    assert date in client.get(page_paths(language)["visit"]).content.decode()


@pytest.mark.parametrize(
    ("language", "kazakhstan", "turkey"),
    [
        ("kk", "Қазақстан", "Түркия"),
        ("ru", "Казахстан", "Турция"),
        ("tr", "Kazakistan", "Türkiye"),
    ],
)
def test_city_profile_names_the_country_in_the_visitors_language(
    client, showcase, language, kazakhstan, turkey
):
    paths = page_paths(language)
    for page, country in (("city", kazakhstan), ("home city", turkey)):
        html = client.get(paths[page]).content.decode()
        assert re.search(rf"<dd>(<img [^>]*>)?\s*{country}</dd>", html), (page, country)


# Every translated public URL pattern, with arguments that fill it.
PATTERNS = {
    "sistercities:relationship-list": {},
    "sistercities:relationship-detail": {"slug": RELATIONSHIP},
    "sistercities:city-detail": {"slug": "konaev"},
    "sistercities:protocol-detail": {"slug": "a-protocol"},
    "sistercities:protocol-document": {"slug": "a-protocol"},
    "sistercities:search": {},
    "visits:visit-list": {},
    "visits:visit-detail": {"slug": VISIT},
    "visits:photo-detail": {"slug": VISIT, "pk": 1},
    "visits:photo-download": {"slug": VISIT, "pk": 1},
    "directory:partner-list": {},
    "directory:partner-map": {},
    "directory:figures": {},
}


@pytest.mark.parametrize("language", ["tr", "kk", "ru"])
def test_translated_urls_are_ascii_and_resolve_to_their_own_view(language):
    paths = set()
    with translation.override(language):
        for name, kwargs in PATTERNS.items():
            path = reverse(name, kwargs=kwargs)
            assert re.fullmatch(rf"/{language}/[a-z0-9/-]+/", path), path
            match = resolve(path)
            assert f"{match.namespace}:{match.url_name}" == name, path
            assert match.kwargs == kwargs, path
            paths.add(path)
    assert len(paths) == len(PATTERNS)


@pytest.mark.parametrize("language", ["tr", "kk", "ru"])
def test_url_paths_are_translated(language):
    """No English path segment is left in the other languages' URLs (the slugs of the
    records themselves stay as they are)."""
    english = set()
    with translation.override("en"):
        for name, kwargs in PATTERNS.items():
            english.update(reverse(name, kwargs=kwargs).split("/")[2:])
    english -= {"", RELATIONSHIP, "konaev", "a-protocol", VISIT, "1"}
    with translation.override(language):
        for name, kwargs in PATTERNS.items():
            segments = set(reverse(name, kwargs=kwargs).split("/")[2:])
            assert not segments & english, (name, segments & english)


@pytest.mark.parametrize(
    ("language", "title"), [("kk", "Бет табылмады"), ("ru", "Страница не найдена")]
)
def test_not_found_page_is_in_the_visitors_language(client, language, title):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    phrases = turkish_only_phrases(language)
    text = InterfaceText.of(html, language, "")
    assert [p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)] == []
