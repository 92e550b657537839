"""The yearly report in Chromium: axe in the four languages, on a phone and in print; the
health page as staff see it, axe included."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers.pages import axe_violations
from tests.helpers.records import STAFF_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ("tr", "en", "kk", "ru")


def report_paths(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "list": reverse("reports:report-list"),
            "report": reverse("reports:year-report", kwargs={"year": 2019}),
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_pages_pass_axe_in_every_language(showcase, live_server, page, language):
    failures = {}
    for name, path in report_paths(language).items():
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            failures[name] = violations
    assert failures == {}


def test_the_report_reads_on_a_phone_without_overflowing(showcase, live_server, phone):
    phone.goto(live_server.url + report_paths("kk")["report"])
    assert (
        phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )
    assert axe_violations(phone) == []


def test_the_printed_report_keeps_its_contents_and_drops_the_navigation(
    showcase, live_server, page
):
    page.goto(live_server.url + report_paths("en")["report"])
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".report-actions").is_visible()
    assert page.locator(".report-toc").is_visible()
    link = page.locator(".report-visit a").first
    assert link.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")


def test_staff_reach_the_health_page_from_the_admin_index(
    showcase, live_server, page, django_user_model, staff_roles
):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password=STAFF_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    with translation.override("en"):
        login = reverse("admin:login")
    page.goto(live_server.url + login)
    page.fill("#id_username", "editor")
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.get_by_role("link", name="Relationship health").click()
    page.wait_for_load_state()
    row = page.locator("#relationship-health tbody tr").first
    assert "Osmangazi" in row.inner_text()
    assert page.locator("svg.visits-chart rect").count() == 10
    assert axe_violations(page) == []
