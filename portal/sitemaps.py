"""What crawlers read: sitemap.xml, with every page in every language, and robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse

from reports.yearly import years_with_reports
from sistercities.models import City, Protocol, Relationship
from visits.models import Visit
from visits.publication import last_updated


class TranslatedSitemap(Sitemap):
    """Each page once per language, each naming its alternates and the x-default."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(TranslatedSitemap):
    def items(self):
        return [
            "sistercities:home",
            "sistercities:relationship-list",
            "visits:visit-list",
            "reports:report-list",
        ]

    def location(self, item):
        return reverse(item)


class RelationshipSitemap(TranslatedSitemap):
    def items(self):
        return Relationship.objects.published().order_by("slug")


class CitySitemap(TranslatedSitemap):
    def items(self):
        return City.objects.public().order_by("slug")


class ProtocolSitemap(TranslatedSitemap):
    def items(self):
        return Protocol.objects.published().order_by("slug")


class VisitSitemap(TranslatedSitemap):
    def items(self):
        return Visit.objects.published().order_by("slug")

    def lastmod(self, item):
        return last_updated(item)


class YearReportSitemap(TranslatedSitemap):
    """The yearly activity reports a council's minutes cite, each year with public content."""

    def items(self):
        return [row["year"] for row in years_with_reports()]

    def location(self, year):
        return reverse("reports:year-report", args=[year])


SITEMAPS = {
    "pages": PageSitemap,
    "relationships": RelationshipSitemap,
    "cities": CitySitemap,
    "protocols": ProtocolSitemap,
    "visits": VisitSitemap,
    "reports": YearReportSitemap,
}


def robots_txt(request):
    """Crawlers welcome everywhere. The admin is not named, which would tell everyone where
    a configured DJANGO_ADMIN_PATH is: its pages say "noindex" in a header instead."""
    context = {"sitemap_url": request.build_absolute_uri(reverse("service:sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
