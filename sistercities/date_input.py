"""Dates as staff write them in each language, read into a PartialDate.

Accepted, in every language: 2019, 2019-08, 2019-08-24 (ISO); 24.08.2019 and 08.2019 (the
day-month-year order of Turkish, Kazakh and Russian; "/" is taken for "." as British
English writes it); a month's name with the year, the day before it: "Mayıs 2025",
"12 мая 2025", "мамыр 2025", "May 2025". Month names come from CLDR (Babel) in the active
language and English, in their format and stand-alone forms (Russian "мая" and "май"),
compared folded (sistercities.search_text.fold): any case, Turkish İ/ı, with or without
accents. Digits are ASCII only.
"""

import datetime
import re
from functools import lru_cache

from babel.dates import get_month_names
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pagecache.numbers import parse_int
from sistercities.folding import fold

_NUMERIC = re.compile(
    r"^(?:(?P<day>[0-9]{1,2})[./])?(?P<month>[0-9]{1,2})[./](?P<year>[0-9]{4})$"
    r"|^(?P<iso_year>[0-9]{4})(?:-(?P<iso_month>[0-9]{2})(?:-(?P<iso_day>[0-9]{2}))?)?$"
)
_NAMED = re.compile(r"^(?:(?P<day>[0-9]{1,2})\.?\s+)?(?P<month>[^\W\d_]+)\.?\s+(?P<year>[0-9]{4})$")


@lru_cache(maxsize=8)
def month_numbers(language: str) -> dict[str, int]:
    """Folded month names of `language` and English → month number."""
    names = {}
    for locale in ("en", language):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                try:
                    months = get_month_names(width, context, locale)
                except (ValueError, LookupError):
                    continue
                for number, name in months.items():
                    names[fold(name).rstrip(".")] = number
    return names


def read_date_parts(text: str, language: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as `text` writes them, month and day None where not given;
    None if `text` is none of the accepted forms."""
    text = " ".join(text.split())
    match = _NUMERIC.match(text)
    if match:
        groups = match.groupdict()
        year = groups["year"] or groups["iso_year"]
        month = groups["month"] or groups["iso_month"]
        day = groups["day"] or groups["iso_day"]
    else:
        match = _NAMED.match(text)
        if not match:
            return None
        year, day = match["year"], match["day"]
        month = month_numbers(language).get(fold(match["month"]))
        if month is None:
            return None
    numbers = (
        parse_int(year, minimum=1, maximum=9999),
        None if month is None else parse_int(str(month), minimum=1, maximum=12),
        None if day is None else parse_int(day, minimum=1, maximum=31),
    )
    given = (year, month, day)
    if any(
        number is None and part is not None for number, part in zip(numbers, given, strict=True)
    ):
        return None
    return numbers


class DateFormField(forms.DateField):
    """A full date: the language's input formats (24.08.2019 in Turkish), ISO 8601, or
    the day with a month's name ("12 Mayıs 2025", "12 мая 2025")."""

    default_error_messages = {
        "invalid": _("Enter a full date: 24.08.2019, 24 August 2019 or 2019-08-24."),
    }

    def strptime(self, value, format):
        try:
            return super().strptime(value, format)
        except ValueError:
            parts = read_date_parts(value, get_language() or settings.LANGUAGE_CODE)
            if parts is None or None in parts:
                raise
            return datetime.date(*parts)
