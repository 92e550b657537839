"""The public site in Chromium: language switching, the timeline filter, phone widths and
an axe-core audit of every page type."""

import pytest

from tests.helpers.pages import axe_violations, page_paths

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_language_keeps_the_visitor_on_the_same_page(showcase, live_server, page):
    page.goto(live_server.url + page_paths("en")["visit"])
    assert page.locator("h1").inner_text() == "Osmangazi delegation visits sister city Kapchagay"

    page.locator(".language-switcher a[hreflang=ru]").click()

    page.wait_for_load_state()
    assert page.url == live_server.url + page_paths("ru")["visit"]
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator(".language-switcher a[hreflang=tr]").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + page_paths("tr")["visit"]
    assert "Kapçağay" in page.locator("h1").inner_text()


def _visible_kinds(page) -> set[str]:
    return set(
        page.locator("[data-timeline-entries] [data-kind]").evaluate_all(
            "entries => entries.map(e => e.dataset.kind)"
        )
    )


def _open_timeline_and_keep_only_visits(page, live_server, before_filtering=None):
    page.goto(live_server.url + page_paths("en")["timeline"])
    assert {"visit", "protocol", "status", "milestone"} <= _visible_kinds(page)
    if before_filtering:
        page.evaluate(before_filtering)
    for box in page.locator(".timeline-filter input[type=checkbox]").all():
        if box.get_attribute("value") == "visit":
            box.check()
        elif box.is_checked():
            box.uncheck()


def test_timeline_filter_works_without_javascript(showcase, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _open_timeline_and_keep_only_visits(page, live_server)

    page.locator(".timeline-filter [type=submit]").click()

    page.wait_for_load_state()
    assert "kind=visit" in page.url
    assert _visible_kinds(page) == {"visit"}
    context.close()


def test_timeline_filter_updates_in_place_with_javascript(showcase, live_server, page):
    _open_timeline_and_keep_only_visits(page, live_server, "window.__samePage = true")

    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-timeline-entries] [data-kind]')]"
        ".every(e => e.dataset.kind === 'visit')"
    )

    assert _visible_kinds(page) == {"visit"}
    assert page.evaluate("window.__samePage") is True, "the page was reloaded"
    assert "kind=visit" in page.url


@pytest.mark.parametrize("language", ["tr", "kk"])
def test_no_page_overflows_horizontally_on_a_phone(showcase, live_server, phone, language):
    for name, path in page_paths(language).items():
        phone.goto(live_server.url + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} overflows by {overflow}px at 390px"


@pytest.mark.parametrize("viewport", ["phone", "page"])
def test_every_page_type_passes_axe(showcase, live_server, request, viewport):
    browser_page = request.getfixturevalue(viewport)
    failures = {}
    for name, path in page_paths("en").items():
        browser_page.goto(live_server.url + path)
        violations = axe_violations(browser_page)
        if violations:
            failures[name] = violations
    assert failures == {}


# The pages the footer, the founding protocol, the sources' languages and the report's dates
# changed, in the languages test_every_page_type_passes_axe leaves out.
CHANGED_PAGES = ("home", "relationships", "timeline", "visit", "privacy", "accessibility")


@pytest.mark.parametrize("language", ["tr", "kk", "ru"])
def test_changed_pages_pass_axe_in_every_language(showcase, live_server, page, language):
    failures = {}
    for name in CHANGED_PAGES:
        page.goto(live_server.url + page_paths(language)[name])
        if violations := axe_violations(page):
            failures[name] = violations
    assert failures == {}


def test_a_visit_report_prints_without_navigation_and_with_link_addresses(
    showcase, live_server, page
):
    page.goto(live_server.url + page_paths("en")["visit"])
    page.emulate_media(media="print")

    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".language-switcher").is_visible()
    assert page.locator("h1").is_visible()
    source_link = page.locator("main a[href^='/']").first
    after = source_link.evaluate("a => getComputedStyle(a, '::after').content")
    assert source_link.get_attribute("href") in after
