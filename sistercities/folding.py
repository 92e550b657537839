"""Words compared as people mean them, whatever their case, in Turkish too: the one fold
the importer's matching and the search share.

Python lower-cases "İ" to "i" and a combining dot (U+0307), and leaves "ı" a letter of its
own, so "İlişki Türü", "ILIŞKI TÜRÜ" and "ilişki türü" would be three names. Both folds map
"İ", "I" and "ı" to "i" before `casefold()`; that is right for matching across languages
(a German "I" is an "i"), where Turkish's own lower-casing ("I" → "ı") is not.
"""

import unicodedata

_TURKISH_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def fold_case(text: str) -> str:
    """`text` without regard to case, Turkish letters included; its letters keep their
    marks: "Köln" is not "Koln"."""
    return unicodedata.normalize("NFC", text).translate(_TURKISH_I).casefold()


def fold(text: str) -> str:
    """Without case or combining marks either: "İŞBİRLİĞİ", "Işbirliği" and "isbirligi" are
    one word, "Kapçağay" is "kapcagay". Decomposed before and after case folding, so that
    folding a folded word changes nothing ("𝕬" → "a", "ΐ" → "ι")."""
    text = _without_marks(unicodedata.normalize("NFKD", text).translate(_TURKISH_I))
    return _without_marks(unicodedata.normalize("NFKD", text.casefold()))


def _without_marks(text: str) -> str:
    return "".join(char for char in text if not unicodedata.combining(char))
