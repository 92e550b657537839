"""Dates known to the year, the month or the day, or not at all."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from sistercities.models import Source
from sistercities.partial_dates import (
    PartialDate,
    PartialDateFormField,
    Precision,
    format_partial_date,
)
from tests.factories import SourceFactory


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2019", PartialDate(2019), Precision.YEAR),
        ("2019-08", PartialDate(2019, 8), Precision.MONTH),
        ("2019-08-24", PartialDate(2019, 8, 24), Precision.DAY),
        ("2020-02-29", PartialDate(2020, 2, 29), Precision.DAY),
    ],
)
def test_partial_date_parses_each_precision_and_writes_it_back(text, value, precision):
    parsed = PartialDate.parse(text)
    assert parsed == value
    assert parsed.precision == precision
    assert parsed.isoformat() == text


@pytest.mark.parametrize(
    "text",
    [
        "2019-02-30",
        "2019-02-29",
        "2019-13",
        "2019-00",
        "2019-08-00",
        "19",
        "2019-8",
        "",
    ],
)
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)
    with pytest.raises(ValidationError):
        PartialDateFormField(required=False).clean(text or "x")


def test_the_stored_form_is_iso_only():
    """24.08.2019 is read from a form (tests/sistercities/test_date_input.py), never
    stored or parsed from the database as such."""
    with pytest.raises(ValueError):
        PartialDate.parse("24.08.2019")


def test_a_day_needs_a_month():
    with pytest.raises(ValueError):
        PartialDate(2019, None, 24)


def test_empty_form_value_means_unknown():
    assert PartialDateFormField(required=False).clean("") is None


def test_partial_dates_sort_chronologically_coarse_before_fine():
    dates = [PartialDate(2020), PartialDate(2019, 8, 24), PartialDate(2019), PartialDate(2019, 8)]
    assert sorted(dates) == [
        PartialDate(2019),
        PartialDate(2019, 8),
        PartialDate(2019, 8, 24),
        PartialDate(2020),
    ]
    assert PartialDate(2019, 8, 24) > PartialDate(2019, 8) >= PartialDate(2019, 8)


@pytest.mark.django_db
def test_database_orders_partial_dates_like_python_with_unknown_first():
    for text in ["2020", "2019-08-24", "", "2019", "2019-08", "2019-12-01"]:
        SourceFactory(published_on=text)
    stored = list(Source.objects.order_by("published_on").values_list("published_on", flat=True))
    assert stored == [
        None,
        PartialDate(2019),
        PartialDate(2019, 8),
        PartialDate(2019, 8, 24),
        PartialDate(2019, 12, 1),
        PartialDate(2020),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "stored"),
    [("2019-08", PartialDate(2019, 8)), (PartialDate(2019), PartialDate(2019)), ("", None)],
)
def test_partial_date_field_round_trips_through_the_database(given, stored):
    source = SourceFactory(published_on=given)
    source.refresh_from_db()
    assert source.published_on == stored


@pytest.mark.django_db
def test_model_validation_refuses_an_impossible_date():
    with pytest.raises(ValidationError) as error:
        SourceFactory.build(published_on="2019-02-30").full_clean()
    assert "published_on" in error.value.message_dict


@pytest.mark.parametrize(
    ("language", "day", "month"),
    [
        ("tr", "24 Ağustos 2019", "Ağustos 2019"),
        ("en", "24 August 2019", "August 2019"),
        ("ru", "24 августа 2019 г.", "Август 2019 г."),
        # Django's Kazakh catalogue capitalises month names, in the date too.
        ("kk", "24 тамыз 2019 ж.", "тамыз 2019 ж."),
    ],
)
def test_partial_date_is_formatted_at_its_precision_in_each_language(language, day, month):
    with translation.override(language):
        assert PartialDate(2019, 8, 24).localized() == day
        assert PartialDate(2019, 8).localized() == month
        assert PartialDate(2019).localized() == "2019"
        assert str(PartialDate(2019, 8, 24)) == day


@pytest.mark.parametrize("language", ["tr", "en", "kk", "ru"])
def test_unknown_date_is_said_in_the_active_language(language):
    with translation.override(language):
        assert format_partial_date(None) == gettext("date unknown")
        assert format_partial_date(PartialDate(2019)) == "2019"
