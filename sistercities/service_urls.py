"""Addresses outside the language prefixes (namespace "service"): what crawlers and the
load balancer ask for."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from sistercities.health import healthz
from sistercities.sitemaps import SITEMAPS, robots_txt

app_name = "service"

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("healthz", healthz, name="healthz"),
]
