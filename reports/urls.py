"""The yearly activity reports, public, under each language prefix (namespace "reports").
The path stays in English in every language, like the data exports, so that the address
quoted in a council's minutes reads the same in each."""

from django.urls import path, register_converter

from pagecache.numbers import parse_int
from reports import views


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = parse_int(value, minimum=1, maximum=9999)
        if year is None:
            raise ValueError(value)  # the address matches no page: 404
        return year

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


register_converter(YearConverter, "year")

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list, name="report-list"),
    path("reports/<year:year>/", views.year_report_page, name="year-report"),
    path("reports/<year:year>.pdf", views.year_report_pdf, name="year-report-pdf"),
]
