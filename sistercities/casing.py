"""Upper and lower case by the rules of the text's language.

Python's str.upper() follows Unicode's default rules: "i" becomes "I", where Turkish and
Azerbaijani write "İ" (their dotless "ı" being the one whose capital is "I"); and
"İ".lower() is "i" followed by a combining dot. Django's `capfirst` and `upper` inherit
this, so a Turkish admin read "Ilişkiler" for "ilişkiler". These functions take the
language from their argument or, without one, from the active language.
"""

from django.utils.functional import keep_lazy_text
from django.utils.translation import get_language

DOTTED_I_LANGUAGES = frozenset({"tr", "az"})


def _dotted_i(language: str | None) -> bool:
    code = language or get_language() or ""
    return code.replace("_", "-").split("-")[0].lower() in DOTTED_I_LANGUAGES


def upper(text: str, language: str | None = None) -> str:
    if _dotted_i(language):
        text = text.replace("i", "İ")
    return text.upper()


def lower(text: str, language: str | None = None) -> str:
    if _dotted_i(language):
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


@keep_lazy_text
def capfirst(text, language: str | None = None) -> str:
    """The text with its first letter in capitals; lazy text stays lazy, to be cased in
    the language active when it is read, as it is translated then."""
    if not text:
        return text
    text = str(text)
    return upper(text[0], language) + text[1:]
