"""Hypothesis strategies for hostile request values, bounded settings, and a tally of the
generated cases that the test run prints at its end (see conftest.py)."""

from collections import Counter
from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.portal.security.corpus import PAYLOADS

# Each property runs at most this many generated cases; no example database on disk.
BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CASES: Counter[str] = Counter()

SPECIAL = [
    "",
    "0",
    "-1",
    "1.5",
    "1e9",
    "NaN",
    "99999999999999999999999999",
    "\x00",
    "a\x00b",
    "../../../../etc/passwd",
    "..%2f..%2fsettings.py",
    "%00",
    "%",
    "%zz",
    "%c0%ae%c0%ae/",
    "%ff%fe",
    "\u202e",
    "\ud7ff\ue000\U0010ffff",
    "Kapçagay",
    "Қонаев",
    "Конаев",
    "x" * 3000,
    "'; DROP TABLE visits_visit; --",
    "' OR '1'='1",
    "*",
    "\\",
    "//evil.example",
    "https://evil.example/",
    *PAYLOADS[:6],
]
# Any Unicode text a URL can carry (no lone surrogates), short or long.
unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300
)
junk = st.one_of(st.sampled_from(SPECIAL), unicode_text, st.integers().map(str))


def path_segment(value: str) -> str:
    """A value put into a URL path: percent-encoded, unless it is already percent junk."""
    return value if value.startswith("%") else quote(value, safe="")


def header_value(value: str) -> str:
    """A value as a WSGI server hands a header over: its UTF-8 bytes read as Latin-1,
    without the control characters HTTP does not carry in a header."""
    raw = value.encode("utf-8").decode("latin-1")
    return "".join(char for char in raw if char >= " " and char != "\x7f")


def count(name: str) -> None:
    CASES[name] += 1
