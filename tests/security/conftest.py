import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.browser.conftest import browser, page  # noqa: F401  (Chromium, for test_browser_csp)

SHOWCASE_RELATIONSHIP = "osmangazi-kapchagay"
SHOWCASE_VISIT = "osmangazi-delegation-in-kapchagay-2019"
STAFF_PASSWORD = "Kardes-sehir-2019!"


@pytest.fixture
def showcase(db):
    """The real Osmangazi–Kapchagay record (manage.py load_showcase)."""
    call_command("load_showcase", stdout=open("/dev/null", "w"))


@pytest.fixture
def publisher(django_user_model):
    """A Publisher with a real password, for the sign-in tests."""
    user = django_user_model.objects.create_user(
        username="publisher", password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Publisher"))
    return user
