"""Numbers in every public address, and in the admin's date drill-down, written with any of
Unicode's digits, signs, spaces, underscores or too many digits: a page, a clear 4xx or
the admin's error redirect, never a server error.

The public addresses are found by walking Django's URL resolver, under each language
prefix; the parameters are the numeric ones the portal's views read plus those each page
declares (pagecache.query). A page or parameter added later is walked without anyone
listing it.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from pagecache.query import query_of
from reports.urls import YearConverter
from sistercities.models import City, Protocol, Relationship
from tests.portal.security.fuzzing import BOUNDED, count
from visits.models import Visit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]
# The numeric parameters some view of the portal (or Django's, as ?page= and the
# sitemap's ?p=) reads; each page's declared parameters are added to these.
NUMBER_PARAMETERS = ("page", "p", "part", "year", "maxwidth", "maxheight")
# Numbers a path part stands for while the address is built, then replaced.
SAMPLE = {IntConverter: 987654, YearConverter: 4321}

# What the outside probe sent, then their kin.
PROBE = ["¹", "²⁰⁰", "٣", " 12 ", "1_000", "+1", "99999999999999999999"]
KNOWN = [*PROBE, "٢٠١٩", "१२", "Ⅻ", "12\n", "-1", "0", "0" * 30 + "1", "9" * 400]
unicode_digit = st.characters(categories=["Nd", "No", "Nl"])
noise = st.sampled_from(
    [" ", "\t", "\n", "\u00a0", "\u2007", "_", "+", "-", "\u2212", ".", ",", "e"]
)
numberish = st.one_of(
    st.sampled_from(KNOWN),
    st.text(unicode_digit, min_size=1, max_size=8),
    st.lists(
        st.one_of(unicode_digit, st.sampled_from("0123456789"), noise), min_size=1, max_size=12
    ).map("".join),
    st.integers(-(10**40), 10**40).map(str),
)


@dataclass(frozen=True)
class Page:
    name: str
    language: str
    path: str
    parameters: tuple[str, ...]
    numeric_path: bool  # the path holds a number (SAMPLE) to replace

    def with_number(self, value: str) -> str:
        path = self.path
        for sample in SAMPLE.values():
            path = path.replace(str(sample), quote(value, safe=""))
        return path


def url_patterns(patterns=None, namespace="", converters=None):
    """(namespaced name, converters of its path by name, None for a regex group) of every
    named URL pattern."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        groups = getattr(entry.pattern, "regex", None)
        found = {
            **(converters or {}),
            # A re_path's groups: by name, or by position (0, 1, …) where unnamed.
            **dict.fromkeys(groups.groupindex if groups else ()),
            **dict.fromkeys(range(groups.groups - len(groups.groupindex)) if groups else ()),
            **getattr(entry.pattern, "converters", {}),
        }
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, inner, found)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", found


def slugs() -> list[str]:
    """A published object of each kind a public path names by slug."""
    found = [
        Relationship.objects.published().values_list("slug", flat=True).first(),
        City.objects.public().values_list("slug", flat=True).first(),
        Protocol.objects.values_list("slug", flat=True).first(),
        Visit.objects.published().values_list("slug", flat=True).first(),
    ]
    return [slug for slug in found if slug]


def public_pages(client) -> list[Page]:
    """Every public page, in every language, with the showcase's objects in its path."""
    pages = []
    for name, converters in url_patterns():
        if name.startswith(("admin:", "relationship-import:", "reports-admin:")):
            continue
        if any(type(c) in (PathConverter, StringConverter) for c in converters.values()):
            continue  # media file names and import tokens: test_fuzz_public.py
        for language in LANGUAGES:
            with translation.override(language):
                path = _reachable_path(client, name, converters)
                if path is None or path.startswith(f"/{language}/{settings.ADMIN_PATH}"):
                    continue
                declared = tuple(query_of(get_resolver().resolve(path).func).parameters)
            pages.append(
                Page(
                    name,
                    language,
                    path,
                    tuple(dict.fromkeys((*NUMBER_PARAMETERS, *declared))),
                    any(type(c) in SAMPLE for c in converters.values()),
                )
            )
    return pages


def _reachable_path(client, name, converters) -> str | None:
    """The page's address with the first of the showcase's slugs that it answers; the
    numeric parts stay samples."""
    numbers = {key: SAMPLE[type(c)] for key, c in converters.items() if type(c) in SAMPLE}
    slugged = [key for key, c in converters.items() if isinstance(c, SlugConverter)]
    choices = [dict.fromkeys(slugged, slug) for slug in slugs()] if slugged else [{}]
    paths = [reverse(name, kwargs={**numbers, **kwargs}) for kwargs in choices]
    if numbers or not slugged:
        return paths[0]
    return next((path for path in paths if client.get(path).status_code == 200), None)


@pytest.fixture
def visitor(showcase):
    return Client(raise_request_exception=False)


@pytest.fixture
def pages(visitor):
    found = public_pages(visitor)
    assert {"sistercities:relationship-detail", "service:oembed", "reports:year-report-pdf"} <= {
        page.name for page in found
    }
    return found


def timeline_url() -> str:
    with translation.override("en"):
        slug = Relationship.objects.published().values_list("slug", flat=True).first()
        return "http://testserver" + reverse("sistercities:relationship-detail", args=[slug])


def assert_answered(visitor, path, query, what):
    response = visitor.get(path, {"url": timeline_url(), **query})
    assert response.status_code < 500, (path, query, what)


def test_the_probes_numbers_in_every_public_address(visitor, pages):
    for page in (page for page in pages if page.language == "en"):
        for value in PROBE:
            count("numbers in every address")
            query = dict.fromkeys(page.parameters, value)
            assert_answered(visitor, page.path, query, page.name)
            if page.numeric_path:
                assert_answered(visitor, page.with_number(value), {}, page.name)


@BOUNDED
@given(data=st.data(), value=numberish)
def test_any_numbers_in_any_public_address(visitor, pages, data, value):
    count("numbers in any address")
    page = data.draw(st.sampled_from(pages))
    names = data.draw(st.sets(st.sampled_from(page.parameters), min_size=1))
    assert_answered(visitor, page.path, dict.fromkeys(names, value), page.name)
    if page.numeric_path:
        assert_answered(visitor, page.with_number(value), {}, page.name)


@pytest.mark.parametrize(
    "query",
    [
        {"part": "¹"},
        {"part": "٣"},
        {"year": "2019", "part": "²"},
    ],
)
def test_timeline_ignores_a_part_that_is_not_a_number(visitor, query):
    response = visitor.get(timeline_url(), query)
    assert response.status_code == 200


@pytest.mark.parametrize("size", ["²⁰⁰", "٣٠٠", " 300", "3_00", "+300", "9" * 30])
def test_oembed_refuses_a_size_that_is_not_ascii_digits(visitor, size):
    response = visitor.get(reverse("service:oembed"), {"url": timeline_url(), "maxheight": size})
    assert response.status_code == 400
    assert b"maxheight" in response.content


# The admin's addresses and its date drill-down

ADMIN_NAMESPACES = ("admin:", "relationship-import:", "reports-admin:")


def admin_paths_with_parts() -> list[tuple[str, str]]:
    """(name, address with each of its parts a placeholder) of the admin's addresses that
    name an object, a version or a token."""
    found = []
    for name, converters in url_patterns():
        if not (name.startswith(ADMIN_NAMESPACES) and converters):
            continue
        with translation.override("en"):
            try:
                if all(isinstance(key, int) for key in converters):
                    path = reverse(name, args=["424242"] * len(converters))
                else:
                    path = reverse(name, kwargs=dict.fromkeys(converters, "424242"))
                found.append((name, path))
            except NoReverseMatch:  # a part of fixed choices, such as an app's label
                continue
    return found


ADMIN_PATHS = admin_paths_with_parts()


def test_the_probes_numbers_in_every_admin_address(superuser_client):
    assert any("/history/424242/" in path for _, path in ADMIN_PATHS)
    for name, path in ADMIN_PATHS:
        for value in ("¹", "99999999999999999999"):
            count("numbers in every admin address")
            response = superuser_client.get(path.replace("424242", quote(value, safe="")))
            assert response.status_code < 500, (name, value)


@BOUNDED
@given(target=st.sampled_from(ADMIN_PATHS), value=numberish)
def test_any_numbers_in_any_admin_address(superuser_client, target, value):
    count("numbers in any admin address")
    name, path = target
    response = superuser_client.get(path.replace("424242", quote(value, safe="")))
    assert response.status_code < 500, (name, value)


HIERARCHIES = [
    model_admin for model_admin in admin.site._registry.values() if model_admin.date_hierarchy
]
part = st.one_of(numberish, st.integers(0, 13).map(str), st.just(None))


@pytest.fixture
def superuser_client(db, django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org"))
    return client


def changelist(model_admin, **parts) -> str:
    field = model_admin.date_hierarchy
    query = {f"{field}__{name}": value for name, value in parts.items() if value is not None}
    opts = model_admin.model._meta
    with translation.override("en"):
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode(query)}"


def test_some_changelist_has_a_date_hierarchy():
    assert HIERARCHIES


@pytest.mark.parametrize("model_admin", HIERARCHIES, ids=lambda m: m.model._meta.label)
@pytest.mark.parametrize(
    "parts",
    [
        {"year": "99999999999999999999"},
        {"year": "2020", "month": "13"},
        {"year": "2020", "month": "1", "day": "¹"},
        {"year": "٢٠٢٠"},
        {"year": "9999"},
        {"year": "9999", "month": "12"},
        {"year": "9999", "month": "12", "day": "31"},
        {"year": "1"},
        {"year": "0"},
        {"year": "2020", "month": "2", "day": "30"},
    ],
)
def test_a_date_that_is_not_one_is_the_admins_error_redirect(superuser_client, model_admin, parts):
    response = superuser_client.get(changelist(model_admin, **parts))
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


@pytest.mark.parametrize("model_admin", HIERARCHIES, ids=lambda m: m.model._meta.label)
def test_a_real_date_drills_down(superuser_client, model_admin):
    response = superuser_client.get(changelist(model_admin, year="2020", month="2", day="29"))
    assert response.status_code == 200


@BOUNDED
@given(model_admin=st.sampled_from(HIERARCHIES), year=part, month=part, day=part)
def test_any_date_drill_down(superuser_client, model_admin, year, month, day):
    count("admin date hierarchy")
    response = superuser_client.get(changelist(model_admin, year=year, month=month, day=day))
    assert response.status_code in (200, 302)
