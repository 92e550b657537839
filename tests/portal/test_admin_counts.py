"""The admin writes a count as each language does: "4 kişi", "2 визита", "5 визитов"."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from portal.admin_counts import COUNTS, count_of
from tests.factories import PersonFactory, VisitFactory

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)


def test_every_model_the_admin_shows_has_its_count():
    assert sorted({m._meta.label_lower for m in REGISTERED} - set(COUNTS)) == []


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("tr", 4, "4 kişi"),
        ("tr", 1, "1 kişi"),
        ("kk", 4, "4 тұлға"),
        ("ru", 2, "2 человека"),
        ("ru", 5, "5 человек"),
        ("en", 4, "4 people"),
        ("en", 1, "1 person"),
    ],
)
def test_a_count_takes_the_languages_form(language, count, text):
    with translation.override(language):
        assert count_of(PersonFactory._meta.model._meta, count) == text


@pytest.fixture
def superuser_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)
    return client


def paginator(html):
    return " ".join(re.search(r'<p class="paginator">(.*?)</p>', html, re.S)[1].split())


@pytest.mark.parametrize("language", ["tr", "kk", "ru", "en"])
def test_every_changelist_writes_its_count_in_the_languages_form(superuser_client, language):
    PersonFactory.create_batch(4)
    VisitFactory.create_batch(2)
    for model in REGISTERED:
        opts = model._meta
        with translation.override(language):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            response = superuser_client.get(url)
            total = response.context["cl"].result_count
            expected = count_of(opts, total)
            plural_after_number = f"{total} {opts.verbose_name_plural}"
        text = paginator(response.content.decode())
        assert text.startswith(expected), (opts.label, text)
        if language in ("tr", "kk") and total > 1:
            assert plural_after_number not in text, (opts.label, text)


@pytest.mark.parametrize(
    ("language", "persons", "visits"),
    [("tr", "4 kişi", "2 ziyaret"), ("kk", "4 тұлға", "2 сапар"), ("ru", "4 человека", "2 визита")],
)
def test_the_changelist_counts_people_and_visits(superuser_client, language, persons, visits):
    PersonFactory.create_batch(4)
    VisitFactory.create_batch(2)
    with translation.override(language):
        person_url = reverse("admin:sistercities_person_changelist")
        visit_url = reverse("admin:visits_visit_changelist")
    assert paginator(superuser_client.get(person_url).content.decode()).startswith(persons)
    assert paginator(superuser_client.get(visit_url).content.decode()).startswith(visits)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("tr", "Silinen ziyaretler: 2."),
        ("kk", "Жойылған сапарлар: 2."),
        ("en", "Successfully deleted 2 visits."),
    ],
)
def test_the_deletion_message_puts_no_plural_after_the_number(language, message):
    """Django's "delete selected" action message (model_ngettext gives the plural name)."""
    from django.contrib.admin.utils import model_ngettext
    from django.utils.translation import gettext

    with translation.override(language):
        opts = VisitFactory._meta.model._meta
        text = gettext("Successfully deleted %(count)d %(items)s.") % {
            "count": 2,
            "items": model_ngettext(opts, 2),
        }
    assert text == message
