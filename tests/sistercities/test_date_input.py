"""Partial dates read and shown back in each language's usual forms."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from sistercities.partial_dates import PartialDate, PartialDateFormField

READ = {
    "tr": {
        "12.05.2025": PartialDate(2025, 5, 12),
        "05.2025": PartialDate(2025, 5),
        "Mayıs 2025": PartialDate(2025, 5),
        "MAYIS 2025": PartialDate(2025, 5),
        "12 mayis 2025": PartialDate(2025, 5, 12),
        "24 AĞUSTOS 2019": PartialDate(2019, 8, 24),
        "May 2025": PartialDate(2025, 5),
        "2025-05-12": PartialDate(2025, 5, 12),
        "2025": PartialDate(2025),
    },
    "kk": {
        "12.05.2025": PartialDate(2025, 5, 12),
        "мамыр 2025": PartialDate(2025, 5),
        "12 Мамыр 2025": PartialDate(2025, 5, 12),
        "2025-05": PartialDate(2025, 5),
    },
    "ru": {
        "12.05.2025": PartialDate(2025, 5, 12),
        "май 2025": PartialDate(2025, 5),
        "12 мая 2025": PartialDate(2025, 5, 12),
        "Август 2019": PartialDate(2019, 8),
    },
    "en": {
        "24/08/2019": PartialDate(2019, 8, 24),
        "08/2019": PartialDate(2019, 8),
        "24 August 2019": PartialDate(2019, 8, 24),
        "aug 2019": PartialDate(2019, 8),
    },
}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [(lang, text, value) for lang, forms in READ.items() for text, value in forms.items()],
)
def test_a_date_is_read_in_the_languages_usual_forms(language, text, expected):
    with translation.override(language):
        assert PartialDateFormField().clean(text) == expected


@pytest.mark.parametrize(
    "text", ["31.02.2025", "13.2025", "00.05.2025", "Mayısın 2025", "١٢.٠٥.٢٠٢٥", "12.05.25", "x"]
)
@pytest.mark.parametrize("language", ["tr", "en", "kk", "ru"])
def test_an_unreadable_date_is_refused_with_the_accepted_forms(language, text):
    with translation.override(language):
        field = PartialDateFormField()
        with pytest.raises(Exception) as refused:
            field.clean(text)
        assert str(field.error_messages["invalid"]) in str(refused.value)
        assert "2019-08-24" in str(refused.value)


SHOWN = {
    "tr": ("24.08.2019", "08.2019", "2019"),
    "kk": ("24.08.2019", "08.2019", "2019"),
    "ru": ("24.08.2019", "08.2019", "2019"),
    "en": ("24/08/2019", "08/2019", "2019"),
}


@pytest.mark.parametrize("language", SHOWN)
def test_a_date_is_shown_back_in_one_form_per_language(language):
    with translation.override(language):
        field = PartialDateFormField()
        shown = tuple(
            field.prepare_value(d)
            for d in (PartialDate(2019, 8, 24), PartialDate(2019, 8), PartialDate(2019))
        )
    assert shown == SHOWN[language]


partial_dates = st.builds(
    lambda year, month, day, precision: PartialDate(
        year, month if precision > 0 else None, day if precision > 1 else None
    ),
    st.integers(1000, 9999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@pytest.mark.parametrize("language", ["tr", "en", "kk", "ru"])
@given(value=partial_dates)
def test_a_date_shown_in_a_language_reads_back_the_same(language, value):
    with translation.override(language):
        field = PartialDateFormField()
        assert field.clean(field.prepare_value(value)) == value


def test_a_full_date_field_reads_and_shows_dd_mm_yyyy_in_turkish():
    import datetime

    from django import forms
    from django.contrib.admin.widgets import AdminDateWidget

    with translation.override("tr"):
        field = forms.DateField(widget=AdminDateWidget, localize=True)
        assert field.clean("12.05.2025") == datetime.date(2025, 5, 12)
        assert field.clean("2025-05-12") == datetime.date(2025, 5, 12)
        assert field.widget.format_value(datetime.date(2019, 8, 24)) == "24.08.2019"
