"""The yearly activity report as a page and as its PDF, and the list of years.

Signed-in staff who may see unpublished visits get the staff version; its answer is
marked private, and the page cache never stores it (it serves and stores only requests
without a session).
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from reports.pdf import html_to_pdf
from reports.yearly import year_report, years_open_to_reports, years_with_reports

TEMPLATE = "reports/year_report.html"


def shows_unpublished(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff and user.has_perm("visits.view_visit")


def _context(request, year: int) -> dict:
    if year not in years_open_to_reports():
        raise Http404
    return {"report": year_report(year, with_unpublished=shows_unpublished(request))}


def _marked(response, report):
    if report.with_unpublished:
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
    return response


def report_list(request):
    return render(request, "reports/report_list.html", {"years": years_with_reports()})


def year_report_page(request, year: int):
    context = _context(request, year)
    return _marked(render(request, TEMPLATE, context), context["report"])


def year_report_pdf(request, year: int):
    """The page's own HTML, printed: its print rules add the page numbers and the table
    of contents' page references."""
    context = _context(request, year)
    html = render_to_string(TEMPLATE, context, request=request)
    response = HttpResponse(
        html_to_pdf(html, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    name = f"activity-report-{year}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return _marked(response, context["report"])
