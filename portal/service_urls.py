"""Addresses outside the language prefixes (namespace "service"): what crawlers, browsers
and the load balancer ask for."""

from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path

from journalism.embeds import oembed
from pagecache.query import Query, number, reads
from portal.health import healthz
from portal.sitemaps import SITEMAPS, robots_txt

app_name = "service"


def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's too: the site's emblem."""
    return redirect(static("img/emblem.svg"), permanent=True)


# Django's sitemap, a page of SITEMAPS at a time (?p=, from 1).
sitemap_pages = reads(Query(p=number(1, 100_000)))(sitemap)

urlpatterns = [
    path("sitemap.xml", sitemap_pages, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("oembed", oembed, name="oembed"),
]
