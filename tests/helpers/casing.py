"""Turkish words capitalised with the wrong I: "Ilişkiler" for "İlişkiler"."""

import re
from functools import cache

from tests.portal.i18n.catalogues import catalogue, translations


@cache
def dotted_i_words() -> frozenset[str]:
    """The first word of every Turkish translation that starts with a dotted "i": the
    words a `capfirst` or `upper` turns into a capital."""
    words = set()
    for entry in catalogue("tr"):
        for text in translations(entry):
            match = re.match(r"i\w+", text)
            if match:
                words.add(match.group())
    return frozenset(words)


def miscased(text: str) -> list[str]:
    """The catalogue's words found in text with a dotless capital I ("Işbirliği") or in
    capitals by the rules of English ("IŞBIRLIĞI")."""
    found = []
    for word in sorted(dotted_i_words()):
        for wrong in ("I" + word[1:], word.upper()):
            if re.search(rf"\b{re.escape(wrong)}", text):
                found.append(wrong)
    return found
