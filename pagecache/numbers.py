"""Whole numbers read from an address: the one parser of every number a URL carries.

`int()` and `str.isdigit()` disagree with each other and with what an address should hold:
"¹".isdigit() is true but int("¹") raises; int() accepts "٣", " 12 ", "1_000" and "+1".
Here a number is ASCII digits only, of bounded length, within the caller's bounds.
Kept in pagecache, the lowest layer, because every app imports it and the page cache
reads the numbers of a page's query with it (pagecache.query).
"""

# Long enough for any id or count, short enough to stay within a signed 64-bit integer.
MAX_DIGITS = 18
# The largest id a row can have (a bigint column's largest value).
MAX_ID = 2**63 - 1


def parse_int(text: str | None, *, minimum: int, maximum: int) -> int | None:
    """The number `text` writes as ASCII digits [0-9]+ (nothing else: no sign, space or
    underscore), if it lies within minimum..maximum; None otherwise."""
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None
