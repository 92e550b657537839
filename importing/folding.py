"""Words compared as people mean them, whatever their case and in Turkish too.

Python lower-cases "İ" to "i" and a combining dot (U+0307), and leaves "ı" a letter of its
own, so "İlişki Türü", "ILIŞKI TÜRÜ" and "ilişki türü" would be three names. Both folds map
"İ", "I" and "ı" to "i" before `casefold()`; that is right for matching across languages
(a German "I" is an "i"), where Turkish's own lower-casing ("I" → "ı") is not.
"""

import re
import unicodedata

_TURKISH_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def fold_case(text: str) -> str:
    """`text` without regard to case (Turkish letters included), Unicode form, spacing or
    dash style; its letters keep their marks. For names: "Köln" is not "Koln"."""
    text = unicodedata.normalize("NFC", text).translate(_TURKISH_I).casefold()
    return " ".join(_DASHES.sub("-", text).split())


def fold(text: str) -> str:
    """`fold_case` without combining marks either, for the importer's own words (column
    names, kinds, statuses): "İŞBİRLİĞİ", "Işbirliği" and "isbirligi" are one word."""
    decomposed = unicodedata.normalize("NFKD", fold_case(text))
    kept = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", kept)
