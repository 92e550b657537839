"""Partial dates read and shown back in each language's usual forms."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from sistercities.date_input import DateFormField
from sistercities.partial_dates import PartialDate, PartialDateFormField
from visits.models import Visit

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
        with pytest.raises(ValidationError) as refused:
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


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("tr", "12.05.2025"),
        ("tr", "12 Mayıs 2025"),
        ("tr", "2025-05-12"),
        ("kk", "12 мамыр 2025"),
        ("ru", "12 мая 2025"),
        ("ru", "12.05.2025"),
        ("en", "12/05/2025"),
        ("en", "12 May 2025"),
    ],
)
def test_the_admins_full_dates_are_read_in_the_languages_forms(language, text):
    """A DateField in the admin (a visit's original publication date)."""
    visit_admin = admin.site._registry[Visit]
    field = visit_admin.formfield_for_dbfield(
        Visit._meta.get_field("originally_published_on"), request=None
    )
    with translation.override(language):
        assert field.clean(text) == datetime.date(2025, 5, 12)
        assert field.widget.format_value(datetime.date(2019, 8, 24)) == SHOWN[language][0]


@pytest.mark.parametrize("text", ["Mayıs 2025", "31.02.2025", "٢٠٢٥-٠٥-١٢"])
def test_an_unreadable_full_date_names_the_accepted_forms(text):
    field = DateFormField()
    with translation.override("tr"):
        with pytest.raises(ValidationError) as refused:
            field.clean(text)
        (message,) = refused.value.messages
    assert message == "Tam bir tarih girin: 24.08.2019, 24 Ağustos 2019 ya da 2019-08-24."
