"""Staff sign-in: brute force is stopped per account and address, and per address whatever
the accounts (django-axes), passwords must be strong, sessions expire."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from portal.security import client_ip
from tests.helpers.records import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "This account was locked for your address after 5 failed sign-in attempts."


def login_url() -> str:
    with translation.override("en"):
        return reverse("admin:login")


def sign_in(client, username, password):
    return client.post(
        login_url(), {"username": username, "password": password, "next": "/en/admin/"}
    )


def test_five_wrong_passwords_lock_the_account_for_that_address(publisher):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for attempt in range(4):
        response = sign_in(attacker, "publisher", f"wrong-password-{attempt}")
        assert response.status_code == 200  # the login form again, with its error
        assert "Please enter the correct username and password" in response.content.decode()

    fifth = sign_in(attacker, "publisher", "wrong-password-5")

    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()
    assert "Try again in 30 minutes" in fifth.content.decode()
    assert "admin/locked_out.html" in [template.name for template in fifth.templates]
    # The right password is refused too, and no session is opened.
    right = sign_in(attacker, "publisher", STAFF_PASSWORD)
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert "_auth_user_id" not in attacker.session


def test_lock_out_holds_for_that_address_and_account_only(publisher, django_user_model):
    django_user_model.objects.create_user(username="editor", password=STAFF_PASSWORD, is_staff=True)
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for attempt in range(5):
        sign_in(attacker, "publisher", f"wrong-{attempt}")

    assert sign_in(attacker, "editor", STAFF_PASSWORD).status_code == 302
    colleague = Client(REMOTE_ADDR="198.51.100.20")
    response = sign_in(colleague, "publisher", STAFF_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/"


def test_behind_a_proxy_lock_out_follows_the_forwarded_address(settings, publisher):
    """One proxy in front: every request comes from it, the visitor is in X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    for attempt in range(5):
        sign_in(attacker, "publisher", f"wrong-{attempt}")
    assert sign_in(attacker, "publisher", STAFF_PASSWORD).status_code == 429

    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert sign_in(colleague, "publisher", STAFF_PASSWORD).status_code == 302


ADDRESS_LIMIT = 6  # below the default 20: each wrong password costs a hashing
ADDRESS_LOCKED = "Sign-in from your address was locked after 6 failed attempts."


@pytest.fixture
def address_limit(settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = ADDRESS_LIMIT


def spray(client, count, start=0):
    """One wrong password for each of `count` accounts: what guessing a common password
    across the staff looks like."""
    return [sign_in(client, f"staff{n}", "Summer2024!").status_code for n in range(start, count)]


def test_wrong_passwords_over_many_accounts_lock_the_address_for_every_account(
    publisher, address_limit
):
    attacker = Client(REMOTE_ADDR="203.0.113.7")

    assert spray(attacker, ADDRESS_LIMIT) == [200] * (ADDRESS_LIMIT - 1) + [429]
    right = sign_in(attacker, "publisher", STAFF_PASSWORD)
    assert right.status_code == 429
    assert ADDRESS_LOCKED in right.content.decode()
    assert "_auth_user_id" not in attacker.session
    colleague = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(colleague, "publisher", STAFF_PASSWORD).status_code == 302


def test_a_right_password_does_not_clear_the_addresss_failures(publisher, address_limit):
    """An attacker who holds one account cannot reset the address's count by signing in."""
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    assert set(spray(attacker, ADDRESS_LIMIT - 1)) == {200}
    assert sign_in(attacker, "publisher", STAFF_PASSWORD).status_code == 302
    assert spray(Client(REMOTE_ADDR="203.0.113.7"), ADDRESS_LIMIT, start=ADDRESS_LIMIT - 1) == [429]


def test_behind_a_proxy_the_address_lock_follows_the_forwarded_address(
    settings, publisher, address_limit
):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert spray(attacker, ADDRESS_LIMIT)[-1] == 429
    assert sign_in(attacker, "publisher", STAFF_PASSWORD).status_code == 429

    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert sign_in(colleague, "publisher", STAFF_PASSWORD).status_code == 302


def test_lock_outs_are_listed_in_the_admin(publisher, admin_client):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for attempt in range(5):
        sign_in(attacker, "publisher", f"wrong-{attempt}")
    attempt = AccessAttempt.objects.get(username="publisher")
    assert (attempt.ip_address, attempt.failures_since_start) == ("203.0.113.7", 5)

    listing = admin_client.get(reverse("admin:axes_accessattempt_changelist"))

    assert listing.status_code == 200
    assert "203.0.113.7" in listing.content.decode()


@pytest.mark.parametrize(
    ("address", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.7", "", 0, "203.0.113.7"),
        ("203.0.113.7", "1.2.3.4", 0, "203.0.113.7"),  # no proxy: the header is the client's
        ("10.0.0.2", "203.0.113.7", 1, "203.0.113.7"),
        ("10.0.0.2", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),  # a forged entry on the left
        ("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(
    settings, address, forwarded, proxies, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.parametrize(
    "password",
    ["short-pw1", "password1234", "123456789012345", "publisher2019", "qwertyuiop123"],
)
def test_weak_passwords_are_refused(publisher, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=publisher)


def test_a_long_passphrase_is_accepted(publisher):
    validate_password("kardes sehirler Kapchagay 2019", user=publisher)


def test_admin_refuses_a_weak_password_for_new_staff(admin_client, django_user_model):
    with translation.override("en"):
        add_user = reverse("admin:auth_user_add")
    response = admin_client.post(
        add_user,
        {
            "username": "newstaff",
            "usable_password": "true",
            "password1": "ankara123",
            "password2": "ankara123",
        },
    )
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in (
        response.content.decode()
    )
    assert not django_user_model.objects.filter(username="newstaff").exists()


def test_staff_session_cookie_ends_with_the_browser(client, publisher, settings):
    client.force_login(publisher)
    response = client.get(reverse("admin:index"))
    cookie = response.cookies["sessionid"]
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]


def test_an_expired_session_is_signed_out(client, publisher, settings):
    client.force_login(publisher)
    assert client.get(reverse("admin:index")).status_code == 200
    session = Session.objects.get()
    idle_limit = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert session.expire_date > timezone.now() + idle_limit - datetime.timedelta(minutes=1)
    session.expire_date = timezone.now() - datetime.timedelta(seconds=1)
    session.save()

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_each_request_extends_an_active_session(client, publisher):
    """SESSION_COOKIE_AGE counts from the last request: an idle limit, not a fixed one."""
    client.force_login(publisher)
    session = Session.objects.get()
    session.expire_date = timezone.now() + datetime.timedelta(minutes=5)
    session.save()

    client.get(reverse("admin:index"))

    assert Session.objects.get().expire_date > timezone.now() + datetime.timedelta(hours=1)
