import os

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests.helpers.forms import form_data
from tests.helpers.migrated_rows import ensure_site_footer, ensure_staff_roles

pytest_plugins = ["tests.helpers.visit_states"]

BROWSER_FIXTURES = {"browser", "page", "phone"}


def pytest_collection_modifyitems(items):
    """A test that drives Chromium is marked `browser`, wherever it is filed."""
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English, the interface's source language, whatever the last one
    left; a test about another language says so. Pages take theirs from the URL prefix."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a folder of the test's own, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Pages name their static files; the hashed manifest exists only after collectstatic,
    which the build runs and checks on its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_pages(settings):
    """Pages are rendered afresh for each request, so that tests see the queries and the
    data of the page itself; tests/performance turns the page cache on where it is tested.
    Renders without a reader run at once, in the test's own transaction."""
    settings.PORTAL_PAGE_CACHE = False
    settings.PAGE_CACHE_RENDER_IN_BACKGROUND = False


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a test's rolled-back rows bump no content
    version, so pages, versions and site facts it cached would otherwise outlive it."""
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, one for the whole run: a second Playwright
    session in the same process would refuse to start inside the first one's event loop."""
    from playwright.sync_api import sync_playwright

    # The sync API runs an event loop in this thread; the tests' own ORM calls are still
    # synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A page the size of a phone screen, 390 px wide."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def showcase(db, site_footer):
    """The real Osmangazi–Kapchagay record (manage.py load_showcase), with its footer."""
    call_command("load_showcase", verbosity=0)


@pytest.fixture
def site_footer(staff_roles):
    """The footer's office and notices, and the roles' rights on them. Their migration made
    them, but a transactional test's flush empties every table: made again by its code."""
    ensure_site_footer()


@pytest.fixture
def staff_roles(db):
    """The Editor and Publisher groups. Their migration made them, but a transactional
    test's flush empties every table, so they are made again by the same code."""
    ensure_staff_roles()


def _staff(django_user_model, role):
    user = django_user_model.objects.create_user(
        username=role.lower(), password="unused-in-tests", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def publisher(django_user_model, staff_roles):
    return _staff(django_user_model, "Publisher")


@pytest.fixture
def editor(django_user_model, staff_roles):
    return _staff(django_user_model, "Editor")


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def change_form():
    """GET an admin form page and return its data, ready to modify and POST back."""

    def get(client, url):
        response = client.get(url)
        assert response.status_code == 200
        return form_data(response)

    return get


@pytest.fixture
def page_cache(settings):
    """The page cache on, in a local-memory cache of its own, emptied first; a page out
    of date is rendered for its next reader (test_stale_pages.py tests the stale copies)."""
    settings.PORTAL_PAGE_CACHE = True
    settings.PAGE_CACHE_STALE_SECONDS = 0
    settings.PAGE_CACHE_RENEWAL_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "performance-tests",
        }
    }
    cache.clear()
    yield cache
    cache.clear()
