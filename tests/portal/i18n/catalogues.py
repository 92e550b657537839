"""Reading our gettext catalogues in tests."""

import re
from pathlib import Path

import polib
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
COUNTRIES_LOCALE = Path(settings.BASE_DIR) / "sistercities" / "countries_locale"
LANGUAGES = ("tr", "kk", "ru")

# %(name)s, %s, %d …; {index}; <slug:slug> in URL patterns.
PRINTF = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifrx%])")
BRACES = re.compile(r"\{(\w*)\}")
CONVERTERS = re.compile(r"<(?:\w+:)?\w+>")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entry: polib.POEntry) -> list[str]:
    """Every msgstr of an entry: one, or each plural form."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str) -> tuple[list[str], list[str], list[str]]:
    """The placeholders of a text, in a form that must survive translation: named printf
    placeholders as a sorted list (their order may change), positional ones in order,
    and brace and URL placeholders sorted."""
    named, positional = [], []
    for name, conversion in PRINTF.findall(text):
        if conversion == "%":
            continue
        (named if name else positional).append(f"{name}:{conversion}" if name else conversion)
    braces = sorted(BRACES.findall(text)) + sorted(CONVERTERS.findall(text))
    return sorted(set(named)), positional, braces


def is_url_pattern(entry: polib.POEntry) -> bool:
    return any(path.endswith(("urls.py",)) for path, _line in entry.occurrences) and (
        entry.msgid.endswith("/")
    )
