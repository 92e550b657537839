"""Translated fields: their columns, and which language a field's text comes from, so a
page can say so.

modeltranslation quietly falls back along settings.MODELTRANSLATION_FALLBACK_LANGUAGES
(kk → ru → tr → en). The portal marks such text with its own lang attribute and a notice
("not yet available in Kazakh"), which needs to know where the text came from.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language_info
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


def localized_names(*fields: str) -> list[str]:
    """The columns of translated fields: the field itself and its copy in each language."""
    return [
        name
        for field in fields
        for name in (field, *(build_localized_fieldname(field, lang) for lang in LANGUAGES))
    ]


@dataclass(frozen=True)
class Translated:
    value: str
    lang: str  # the language the value is written in
    wanted: str  # the visitor's language

    @property
    def fell_back(self) -> bool:
        return bool(self.value) and self.lang != self.wanted

    @property
    def wanted_name(self) -> str:
        return get_language_info(self.wanted)["name_translated"]

    @property
    def lang_name(self) -> str:
        return get_language_info(self.lang)["name_translated"]

    def __str__(self):
        return self.value


def language_chain() -> tuple[str, ...]:
    """The active language, then its fallbacks: ("kk", "ru", "tr", "en") for Kazakh."""
    return _chain(get_language())


@lru_cache(maxsize=32)
def _chain(language: str) -> tuple[str, ...]:
    return tuple(resolution_order(language))


def translated_field(obj, field: str) -> Translated:
    """The text a visitor sees for obj.<field>, and the language it is written in; empty
    where obj has no such translated field (a timeline entry's status change)."""
    chain = language_chain()
    for lang in chain:
        value = getattr(obj, build_localized_fieldname(field, lang), "") or ""
        if value:
            return Translated(value=value, lang=lang, wanted=chain[0])
    return Translated(value="", lang=chain[0], wanted=chain[0])


def fallback_lang(obj, field: str) -> str:
    """The language obj.<field> falls back to, or "" where it is in the visitor's own."""
    text = translated_field(obj, field)
    return text.lang if text.fell_back else ""
