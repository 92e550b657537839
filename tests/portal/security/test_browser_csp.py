"""Chromium under the Content-Security-Policy: no page of the admin or of the public site
triggers a violation, and the admin's language tabs still switch on click."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.helpers.records import SHOWCASE_RELATIONSHIP, SHOWCASE_VISIT
from visits.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed by Playwright before any page script runs; the page's policy does not apply.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, recording policy violations both as events and as console messages."""
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))

    def violations():
        reported = [text for text in console if "Content Security Policy" in text]
        return page.evaluate("window.cspViolations") + reported

    page.violations = violations
    return page


def _sign_in(page, live_server, user):
    """Copy a session made by force_login into the browser (axes refuses Client.login)."""
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def _open(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, url
    return response


def test_admin_visit_page_runs_under_the_policy_and_its_tabs_switch(
    showcase, publisher, live_server, watched
):
    _sign_in(watched, live_server, publisher)
    visit = Visit.objects.get(slug=SHOWCASE_VISIT)

    with translation.override("tr"):  # staff write Turkish first: its tab opens first
        change = reverse("admin:visits_visit_change", args=[visit.pk])
    response = _open(watched, live_server.url + change)

    assert "'unsafe-inline'" not in response.header_value("content-security-policy")
    assert watched.locator("#tab_id_title_tr").is_visible()
    assert not watched.locator("#tab_id_title_en").is_visible()
    watched.locator("a[href='#tab_id_title_en']").click()
    assert watched.locator("#tab_id_title_en").is_visible()
    assert not watched.locator("#tab_id_title_tr").is_visible()
    assert watched.locator("#id_title_en").input_value() == visit.title_en
    watched.locator("a[href='#tab_id_report_ru']").click()
    assert watched.locator("#id_report_ru").is_visible()
    assert watched.violations() == []


@pytest.mark.parametrize(
    "name",
    [
        "admin:index",
        "admin:visits_visit_changelist",
        "admin:visits_visit_add",
        "admin:sistercities_relationship_add",
        "admin:sistercities_city_changelist",
        "admin:axes_accessattempt_changelist",
    ],
)
def test_admin_pages_run_under_the_policy(name, showcase, publisher, live_server, watched):
    publisher.is_superuser = True  # the lock-out list is a superuser's
    publisher.save()
    _sign_in(watched, live_server, publisher)
    _open(watched, live_server.url + reverse(name))
    assert watched.violations() == []


def test_admin_history_page_runs_under_the_policy(showcase, publisher, live_server, watched):
    """django-simple-history's one style attribute is allowed by its hash."""
    _sign_in(watched, live_server, publisher)
    visit = Visit.objects.get(slug=SHOWCASE_VISIT)
    _open(watched, live_server.url + reverse("admin:visits_visit_history", args=[visit.pk]))
    assert watched.violations() == []


def test_public_pages_run_under_the_policy(showcase, live_server, watched):
    with translation.override("en"):
        paths = [
            reverse("sistercities:home"),
            reverse("sistercities:relationship-list"),
            reverse("sistercities:relationship-detail", args=[SHOWCASE_RELATIONSHIP]),
            reverse("sistercities:city-detail", args=["konaev"]),
            reverse("visits:visit-list"),
            reverse("visits:visit-detail", args=[SHOWCASE_VISIT]),
            reverse("sistercities:search") + "?q=Kapchagay",
        ]
    for path in paths:
        response = _open(watched, live_server.url + path)
        policy = response.header_value("content-security-policy")
        assert "unsafe" not in policy, path
    # The timeline filter's script updates the page in place.
    _open(watched, live_server.url + paths[2])
    watched.locator("[data-timeline-filter] input[type=checkbox]").first.uncheck()
    watched.wait_for_load_state("networkidle")
    assert watched.violations() == []
