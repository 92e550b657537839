"""parse_int reads exactly ASCII digits [0-9]+ within its bounds, whatever Unicode calls a
digit, and agrees with a reference regex over all of them."""

import re
import sys
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pagecache.numbers import MAX_DIGITS, parse_int
from tests.portal.security.fuzzing import BOUNDED

ASCII_NUMBER = re.compile(f"[0-9]{{1,{MAX_DIGITS}}}")
DIGITS = [
    chr(code)
    for code in range(sys.maxunicode + 1)
    if unicodedata.category(chr(code)) in ("Nd", "No", "Nl")
]


def reference(text: str, minimum: int, maximum: int) -> int | None:
    if not ASCII_NUMBER.fullmatch(text):
        return None
    return int(text) if minimum <= int(text) <= maximum else None


def test_no_digit_of_unicode_but_ascii_is_read():
    read = {char for char in DIGITS if parse_int(char, minimum=0, maximum=9) is not None}
    assert read == set("0123456789")
    # int() would have read these, and str.isdigit() accepted "¹", which int() refuses.
    assert int("٣") == 3 and "¹".isdigit()


@pytest.mark.parametrize(
    "text", ["¹", "²⁰⁰", "٣", " 12", "12 ", "12\n", "1_000", "+1", "-1", "1.0", "1e3", "", None]
)
def test_what_int_or_isdigit_take_is_refused(text):
    assert parse_int(text, minimum=-10, maximum=10**6) is None


def test_bounds_and_length():
    assert parse_int("007", minimum=1, maximum=9) == 7
    assert parse_int("0", minimum=1, maximum=9) is None
    assert parse_int("10", minimum=1, maximum=9) is None
    assert parse_int("9" * MAX_DIGITS, minimum=0, maximum=10**MAX_DIGITS) == 10**MAX_DIGITS - 1
    assert parse_int("1" + "0" * MAX_DIGITS, minimum=0, maximum=10**30) is None


number_text = st.one_of(
    st.text(st.sampled_from(DIGITS), max_size=6),
    st.text(st.characters(categories=["Nd", "No", "Nl", "Zs", "Pd", "Sm", "Pc"]), max_size=8),
    st.integers(-(10**25), 10**25).map(str),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=MAX_DIGITS + 2),
)


@BOUNDED
@given(
    text=number_text,
    minimum=st.integers(-5, 10**6),
    span=st.integers(0, 10**20),
)
@example(text="٣", minimum=0, span=9)
@example(text="¹", minimum=0, span=9)
def test_agrees_with_the_ascii_regex(text, minimum, span):
    assert parse_int(text, minimum=minimum, maximum=minimum + span) == reference(
        text, minimum, minimum + span
    )
