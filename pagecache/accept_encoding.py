"""Which content coding a client accepts: Accept-Encoding read as RFC 9110 (12.5.3) says.

The header lists codings with optional weights ("deflate, gzip;q=0.5, *;q=0"), case
aside and with spaces around the separators; weight 0 refuses a coding, "*" stands for
every coding not named. Searching the header for "gzip", as WhiteNoise and the page cache
once did, takes "gzip;q=0" (refused) for "gzip".

Where nothing compressed is acceptable the answer is the uncompressed one, even if the
header refuses it too: RFC 9110 lets a server disregard the header rather than fail. A
request without the header gets the uncompressed answer, as from nginx and WhiteNoise.
"""

import re
from collections.abc import Sequence

IDENTITY = "identity"
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9a-z-]+")
_WEIGHT = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")
_ALIASES = {"x-gzip": "gzip"}  # RFC 9110 8.4.1.3


def weights(header: str) -> dict[str, float]:
    """Each coding the header names, with its weight. An entry that is not a coding is
    skipped; one whose weight cannot be read counts as refused."""
    found = {}
    for entry in header.lower().split(","):
        coding, *parameters = (part.strip(" \t") for part in entry.split(";"))
        if not _TOKEN.fullmatch(coding):
            continue
        weight = 1.0
        for parameter in parameters:
            name, _, value = (part.strip(" \t") for part in parameter.partition("="))
            if name == "q":
                weight = float(value) if _WEIGHT.fullmatch(value) else 0.0
        found[_ALIASES.get(coding, coding)] = weight
    return found


def preferred_coding(header: str | None, available: Sequence[str]) -> str | None:
    """The coding of `available` (in the server's order of preference) that the client
    prefers, or None for the uncompressed answer."""
    if header is None:
        return None
    named = weights(header)

    def weight(coding: str) -> float:
        return named.get(coding, named.get("*", 0.0))

    best = max(available, key=weight, default=None)  # the first of equal weights
    if best is None or weight(best) == 0 or weight(best) < weight(IDENTITY):
        return None
    return best
