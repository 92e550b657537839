"""The spellings of the cities' names a page uses, for the test that a page of one language
writes each name one way ("Kapçağay", never also "Kapçagay" or "Kapchagay")."""

import re
import unicodedata
from html.parser import HTMLParser

from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES

from sistercities.models import City, FormerCityName

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
# Attributes whose text a reader meets, as well as the text between the tags.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")


class _OwnLanguageText(HTMLParser):
    """The text of a page written in the page's language: an element marked with another
    lang (a source's title in English, a report shown in Turkish on a Kazakh page) is
    left out with everything in it, as are scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page_language = None
        self.stack: list[tuple[str, str | None]] = []  # (tag, language of the element)
        self.parts: list[str] = []

    def _language(self) -> str | None:
        return self.stack[-1][1] if self.stack else self.page_language

    def _own(self, language) -> bool:
        return language == self.page_language and not any(
            tag in ("script", "style") for tag, _ in self.stack
        )

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page_language = attributes.get("lang")
        language = attributes.get("lang") or self._language()
        if self._own(language):
            self.parts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
        if tag not in VOID:
            self.stack.append((tag, language))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._own(self._language()):
            self.parts.append(data)


def own_language_text(html: str) -> str:
    parser = _OwnLanguageText()
    parser.feed(html)
    return ADDRESS.sub(" ", " ".join(parser.parts))


def skeleton(text: str) -> str:
    """The letters without accents or case: "Kapçağay" and "Kapçagay" are both kapcagay."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spellings_used(text: str, name_in_each_language: set[str]) -> set[str]:
    """How the text writes one name: any of its languages' spellings, or any other writing
    of one with other accents. A word that only begins with the name counts ("Kapçağay'da",
    "Қапшағайда")."""
    words = re.findall(r"\w+", text)
    used = set()
    for spelling in name_in_each_language:
        size = len(spelling.split())
        wanted = skeleton(spelling)
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if skeleton(phrase).startswith(wanted):
                used.add(phrase[: len(spelling)])
    return used


def city_names() -> list[set[str]]:
    """Every name of every city, current and former: each as its spellings in the four
    languages."""
    rows = [*City.objects.all(), *FormerCityName.objects.all()]
    names = [{getattr(row, f"name_{lang}") for lang in LANGUAGES} - {None, ""} for row in rows]
    return [name for name in names if name]


def names_written_two_ways(html: str, names: list[set[str]]) -> list[set[str]]:
    """The names the page's own text writes in more than one way."""
    text = own_language_text(html)
    return [used for name in names if len(used := spellings_used(text, name)) > 1]
