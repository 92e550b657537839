"""Dates known only to the year, the month or the day — or not at all.

A partial date is stored as reduced-precision ISO 8601 text: "2019", "2019-08" or
"2019-08-24"; an empty string means "date unknown". The precision is part of the value, so
it can never disagree with the date, and the text sorts chronologically ("2019" <
"2019-08" < "2019-08-24" < "2020"), which lets the database order and compare such dates.
"""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache, total_ordering

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sistercities.date_input import read_date_parts

_PATTERN = re.compile(r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?$")


class Precision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for an impossible date such as 2019-02-30 or 2019-00.
        datetime.date(
            self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day
        )

    def __lt__(self, other):
        """Chronological, as the stored text sorts: 2019 < 2019-08 < 2019-08-24 < 2020."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key < other._sort_key

    @property
    def _sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"not a partial ISO date: {text!r}")
        parts = {key: int(value) for key, value in match.groupdict().items() if value}
        return cls(**parts)

    @classmethod
    def from_date(cls, value: datetime.date) -> "PartialDate":
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def localized(self) -> str:
        """The date in the active language, at the precision it is known."""
        return _localized(self, get_language())

    def __str__(self):
        return self.localized()


@lru_cache(maxsize=4096)
def _localized(value: PartialDate, language: str) -> str:
    """Remembered per process: a timeline page formats dozens of dates, and Django's
    date_format costs some 20 µs each; the text depends only on the date and language."""
    if value.precision == Precision.DAY:
        return date_format(value.first_day, "DATE_FORMAT")
    if value.precision == Precision.MONTH:
        return date_format(value.first_day, "YEAR_MONTH_FORMAT")
    return str(value.year)


def format_partial_date(value: PartialDate | None) -> str:
    return value.localized() if value else str(_("date unknown"))


class PartialDateFormField(forms.CharField):
    default_error_messages = {
        "invalid": _(
            "Enter a year (2019), a month (08.2019 or August 2019) or a full date "
            "(24.08.2019, 24 August 2019 or 2019-08-24); leave it empty if the date is "
            "unknown."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", _("2019, 08.2019, 24.08.2019 or 2019-08-24; empty if unknown.")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """Shown back as the language writes dates: 24.08.2019, 08.2019, 2019 (the day's
        form is the language's first date input format: 24/08/2019 in English)."""
        if not isinstance(value, PartialDate):
            return value
        if value.precision == Precision.DAY:
            return value.first_day.strftime(get_format("DATE_INPUT_FORMATS")[0])
        if value.precision == Precision.MONTH:
            separator = "/" if "/" in get_format("DATE_INPUT_FORMATS")[0] else "."
            return f"{value.month:02d}{separator}{value.year:04d}"
        return f"{value.year:04d}"

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        parts = read_date_parts(text, get_language() or settings.LANGUAGE_CODE)
        try:
            if parts is None:
                raise ValueError(text)
            year, month, day = parts
            return PartialDate(year, month, day)
        except (ValueError, TypeError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class PartialDateField(models.CharField):
    """A date of known precision, or None for "unknown" (stored as "")."""

    description = _("Date known to the year, month or day")

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)
        # The length limit holds for the stored text by construction; the Python value is
        # a PartialDate, which has no length to check.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return PartialDate.parse(value) if value else None

    def to_python(self, value):
        if value is None or isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.date):
            return PartialDate.from_date(value)
        if value == "":
            return None
        try:
            return PartialDate.parse(value)
        except ValueError:
            raise ValidationError(
                PartialDateFormField.default_error_messages["invalid"], code="invalid"
            ) from None

    def get_prep_value(self, value):
        value = self.to_python(value)
        return value.isoformat() if value else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": PartialDateFormField, "max_length": None, **kwargs}
        )
