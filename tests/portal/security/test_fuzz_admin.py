"""A Publisher posts generated values into the admin add form of every content model —
every field, inline forms and their management forms, uploaded files — and gets the form
back with its errors or the saved object, never a server error.

Autocomplete fields get ids, numbers past any id column and any text: Django's own
autocomplete widget would answer 500 to the last two (sistercities/admin_widgets.py).
"""

import os
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.forms import form_data
from tests.portal.security.fuzzing import BOUNDED, count, junk
from visits.models import Visit

pytestmark = pytest.mark.django_db

CONTENT_MODELS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label in {"sistercities", "visits"}
    ),
    key=lambda model: model._meta.label,
)
# Inline management forms are kept as the page gives them in most cases, so that the
# generated values reach the inline forms behind them.
MANAGEMENT = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


class _SpecialInputs(HTMLParser):
    """The names of the file inputs and of the autocomplete selects of a page."""

    def __init__(self):
        super().__init__()
        self.files: list[str] = []
        self.autocomplete: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name") or "__prefix__"
        if "__prefix__" in name:
            return
        if tag == "input" and attrs.get("type") == "file":
            self.files.append(name)
        if tag == "select" and "admin-autocomplete" in (attrs.get("class") or ""):
            self.autocomplete.add(name)


def add_form(client, model) -> tuple[str, dict, _SpecialInputs]:
    """The add page's address, its fields as a browser would post them, its file inputs
    and autocomplete selects."""
    with translation.override("en"):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    page = client.get(url)
    assert page.status_code == 200, url
    special = _SpecialInputs()
    special.feed(page.content.decode())
    data = {name: value for name, value in form_data(page).items() if "__prefix__" not in name}
    return url, data, special


ids = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(str),
    st.integers(2**63, 2**80).map(str),
    st.sampled_from(["", "0", "-1", "abc", "1.5"]),
    junk,
)


@pytest.fixture
def staff(showcase, publisher):
    client = Client(raise_request_exception=False)
    client.force_login(publisher)
    return client


@pytest.fixture
def add_forms(staff):
    """Each add page, read once per test rather than once per generated case."""
    forms = {}

    def get(model):
        if model not in forms:
            forms[model] = add_form(staff, model)
        return forms[model]

    return get


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model._meta.label)
@settings(BOUNDED, max_examples=25)
@given(data=st.data())
def test_admin_add_form_takes_any_value(staff, add_forms, model, data):
    count(f"admin {model._meta.label}")
    url, defaults, special = add_forms(model)
    posted = {}
    for name, default in defaults.items():
        keep = data.draw(st.integers(0, 9)) < (9 if name.endswith(MANAGEMENT) else 4)
        values = ids if name in special.autocomplete else junk
        posted[name] = default if keep else data.draw(values, label=name)
    for name in special.files:
        content = data.draw(st.one_of(st.none(), st.binary(max_size=512)), label=name)
        if content is not None:
            file_name = os.path.basename(data.draw(junk, label=f"{name} name"))
            posted[name] = SimpleUploadedFile(file_name.replace("\x00", "")[:200] or "x", content)

    response = staff.post(url, posted)

    assert response.status_code < 500, response.content[:2000]
    assert response.status_code in (200, 302, 400, 403)


@pytest.mark.parametrize("posted_id", ["abc", "99999999999999999999999", "-1"])
def test_an_impossible_autocomplete_id_is_a_form_error(staff, add_forms, posted_id):
    url, data, _special = add_forms(Visit)
    data["relationship"] = posted_id

    response = staff.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["relationship"]
