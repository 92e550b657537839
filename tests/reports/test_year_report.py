"""The yearly activity report page: what the year holds, what the public never sees, and
how it is cached."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from reports.yearly import year_report
from tests.factories import VisitFactory
from tests.reports.conftest import HIDDEN_MARKERS, YEAR


def report_url(year=YEAR, language="en", pdf=False):
    name = "reports:year-report-pdf" if pdf else "reports:year-report"
    with translation.override(language):
        return reverse(name, kwargs={"year": year})


def test_the_report_lives_at_reports_year_under_each_language():
    assert report_url(2019, "tr") == "/tr/reports/2019/"
    assert report_url(2019, "kk", pdf=True) == "/kk/reports/2019.pdf"


def test_the_report_holds_the_years_visits_protocols_decisions_and_figures(client, year_record):
    html = client.get(report_url()).content.decode()

    outgoing = html.index('id="outgoing-visits"')
    incoming = html.index('id="incoming-visits"')
    assert outgoing < html.index("Osmangazi delegation in Konaev") < incoming
    assert incoming < html.index("Konaev delegation in Osmangazi")
    assert "Zq2023" not in html  # another year's visit
    # The delegation member with the title and the organisation of the time.
    assert "Ayşe Güneş</span>, <span>Deputy Mayor</span>, Osmangazi Belediyesi" in html
    assert "Head of the delegation" in html
    assert "Cooperation memorandum in education" in html
    assert "No. 2024/117, 3 April 2024" in html
    assert "No. 2024/55" in html and "E-12345" in html
    assert "Osmangazi Belediyesi / İbrahim Şahin: 2 photos" in html
    assert "No relationship was established this year." in html

    figures = {figure.label: figure.value for figure in year_report(YEAR).figures}
    assert figures["Visits"] == 2
    assert figures["Outgoing visits"] == figures["Incoming visits"] == 1
    assert figures["Delegation members"] == 1
    assert figures["Meetings"] == 1
    assert figures["Protocols signed"] == figures["Status decisions"] == 1
    assert figures["Photos"] == 2


def test_the_public_report_leaves_out_drafts_scheduled_visits_and_unpublished_pairs(
    client, year_record
):
    for language in ("tr", "en", "kk", "ru"):
        html = client.get(report_url(language=language)).content.decode()
        for marker in HIDDEN_MARKERS:
            assert marker not in html.lower(), (language, marker)


def test_signed_in_staff_see_drafts_and_scheduled_visits_marked(editor_client, year_record):
    response = editor_client.get(report_url())
    html = response.content.decode()

    for marker in HIDDEN_MARKERS:
        assert marker in html
    assert "Staff version." in html
    assert "Draft: not public." in html
    assert "Scheduled: public from" in html
    assert "unpublished relationship" in html
    assert "private" in response["Cache-Control"]
    # The unpublished relationship's establishment counts among the new ones.
    assert "No relationship was established this year." not in html


def test_a_signed_in_user_who_is_not_staff_gets_the_public_report(
    client, django_user_model, year_record
):
    client.force_login(django_user_model.objects.create_user("reader", is_staff=False))
    html = client.get(report_url()).content.decode()
    assert not any(marker in html for marker in HIDDEN_MARKERS)


def test_the_staff_version_is_never_stored_nor_served_to_the_public(
    client, editor_client, year_record, settings
):
    settings.PORTAL_PAGE_CACHE = True
    cache.clear()
    staff_html = editor_client.get(report_url()).content.decode()
    assert "zqdraft" in staff_html

    anonymous = client.__class__()
    first = anonymous.get(report_url())
    second = anonymous.get(report_url())
    assert "zqdraft" not in first.content.decode()
    assert second.content == first.content
    assert "zqdraft" in editor_client.get(report_url()).content.decode()


def test_the_public_report_is_cached_and_follows_a_change(
    client, year_record, page_cache, django_capture_on_commit_callbacks
):
    client.get(report_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(report_url()).status_code == 200
    assert len(queries) == 0

    visit = year_record["incoming"]
    with django_capture_on_commit_callbacks(execute=True):
        visit.title_en = "Konaev delegation renamed"
        visit.save()
    assert "Konaev delegation renamed" in client.get(report_url()).content.decode()


@pytest.mark.parametrize("year", [1899, 9999])
def test_a_year_out_of_range_is_not_found(client, db, year):
    assert client.get(report_url(year)).status_code == 404
    assert client.get(report_url(year, pdf=True)).status_code == 404


def test_addresses_that_are_not_a_year_are_not_found(client, db):
    for path in ("/en/reports/19/", "/en/reports/twenty/", "/en/reports/2019x.pdf"):
        assert client.get(path).status_code == 404, path


def test_a_year_without_records_says_so(client, db):
    html = client.get(report_url(2001)).content.decode()
    assert "No outgoing visit this year." in html
    assert "No protocol was signed this year." in html


def test_the_list_names_the_years_with_public_records_and_the_footer_links_it(client, year_record):
    with translation.override("en"):
        list_url = reverse("reports:report-list")
    html = client.get(list_url).content.decode()
    assert report_url(YEAR) in html and report_url(YEAR, pdf=True) in html
    assert report_url(2023) in html and report_url(2012) in html  # a visit, an establishment
    assert "(2 visits)" in html  # the year's public visits only
    home = client.get(reverse("sistercities:home")).content.decode()
    assert f'href="{list_url}"' in home


def test_the_reports_query_count_does_not_grow_with_the_year(
    client, year_record, django_assert_max_num_queries
):
    client.get(report_url())
    with django_assert_max_num_queries(10):
        client.get(report_url())
    for n in range(15):
        visit = VisitFactory(
            relationship=year_record["relationship"],
            slug=f"more-{n}",
            start_date="2024-06",
            end_date="",
        )
        visit.delegation.create(person=year_record["outgoing"].delegation.get().person)
    with django_assert_max_num_queries(10):
        html = client.get(report_url()).content.decode()
    assert html.count('class="report-visit"') == 17
