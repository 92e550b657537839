"""A Publisher posts generated values into the admin add form of every content model —
every field, inline forms and their management forms, uploaded files — and gets the form
back with its errors or the saved object, never a server error."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tests.admin.forms import form_data
from tests.security.fuzzing import BOUNDED, count, junk

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


class _FileInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "file" and "__prefix__" not in attrs["name"]:
            self.names.append(attrs["name"])


def add_form(client, model) -> tuple[str, dict, list[str]]:
    """The add page's address, its fields as a browser would post them, its file inputs."""
    with translation.override("en"):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    page = client.get(url)
    assert page.status_code == 200, url
    files = _FileInputs()
    files.feed(page.content.decode())
    data = {name: value for name, value in form_data(page).items() if "__prefix__" not in name}
    return url, data, files.names


@pytest.fixture
def staff(showcase, publisher):
    client = Client(raise_request_exception=False)
    client.force_login(publisher)
    return client


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model._meta.label)
@BOUNDED
@given(data=st.data())
def test_admin_add_form_takes_any_value(staff, model, data):
    count(f"admin {model._meta.label}")
    url, defaults, file_inputs = add_form(staff, model)
    posted = {}
    for name, default in defaults.items():
        keep = data.draw(st.integers(0, 9)) < (9 if name.endswith(MANAGEMENT) else 4)
        posted[name] = default if keep else data.draw(junk, label=name)
    for name in file_inputs:
        content = data.draw(st.one_of(st.none(), st.binary(max_size=512)), label=name)
        if content is not None:
            file_name = data.draw(junk, label=f"{name} name").replace("\x00", "") or "x"
            posted[name] = SimpleUploadedFile(file_name[:200], content)

    response = staff.post(url, posted)

    assert response.status_code < 500, response.content[:2000]
    assert response.status_code in (200, 302, 400, 403)
