"""Only the embeddable timeline may be framed, by the sites PORTAL_EMBED_FRAME_ANCESTORS
names (any by default); every other answer keeps frame-ancestors 'none' and
X-Frame-Options: DENY, from the cache too."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.portal.security.test_headers import STRICT_DIRECTIVES, assert_security_headers
from tests.portal.test_configuration import run_django

pytestmark = pytest.mark.django_db

SHOWCASE = "osmangazi-kapchagay"
LANGUAGES = ["tr", "en", "kk", "ru"]


def embed_path(language: str, slug: str = SHOWCASE) -> str:
    with translation.override(language):
        return reverse("journalism:embedded-timeline", kwargs={"slug": slug})


def directives(response) -> dict[str, str]:
    parts = (part.partition(" ") for part in response["Content-Security-Policy"].split("; "))
    return {name: sources for name, _space, sources in parts}


def assert_framable_by(response, sources: str):
    policy = directives(response)
    assert policy["frame-ancestors"] == sources
    assert not response.has_header("X-Frame-Options")
    # Everything else of the strict policy still holds.
    for directive in STRICT_DIRECTIVES:
        name, _space, value = directive.partition(" ")
        if name != "frame-ancestors":
            assert policy[name] == value, name
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_embed_may_be_framed_by_any_site_by_default(client, showcase, language):
    response = client.get(embed_path(language))
    assert response.status_code == 200
    assert_framable_by(response, "*")


def test_the_sites_allowed_to_frame_it_are_configurable(client, showcase, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example", "https://*.gazete.example"]
    response = client.get(embed_path("en"))
    assert_framable_by(response, "https://news.example https://*.gazete.example")


def test_the_embed_served_from_the_page_cache_may_still_be_framed(client, showcase, settings):
    settings.PORTAL_PAGE_CACHE = True
    first = client.get(embed_path("en"))
    cached = client.get(embed_path("en"))
    assert first.content == cached.content
    assert cached.has_header("Last-Modified")  # answered from the cache
    assert_framable_by(cached, "*")


def test_every_other_page_may_not_be_framed_cached_or_not(client, showcase, settings):
    settings.PORTAL_PAGE_CACHE = True
    with translation.override("en"):
        paths = [
            reverse("sistercities:relationship-detail", kwargs={"slug": SHOWCASE}),
            reverse("sistercities:home"),
            reverse("journalism:quickstatements"),
            reverse("service:oembed")
            + "?url=http%3A%2F%2Ftestserver%2Fen%2Frelationships%2Fosmangazi-kapchagay%2F",
        ]
    paths.append(embed_path("en", "no-such-relationship"))
    for path in paths:
        for _attempt in ("rendered", "cached"):
            response = client.get(path)
            assert_security_headers(response, path)


@pytest.mark.parametrize(
    "value", ["'self' https://news.example", "https://news.example,https://tv.example", "*"]
)
def test_the_setting_takes_sources_separated_by_spaces_or_commas(value):
    result = run_django(
        "from django.conf import settings; print(' '.join(settings.EMBED_FRAME_ANCESTORS))",
        PORTAL_EMBED_FRAME_ANCESTORS=value,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == value.replace(",", " ").split()


@pytest.mark.parametrize("value", ["*; script-src *", "'unsafe-inline'", "https://a.example'", ""])
def test_anything_but_sources_stops_the_start(value):
    result = run_django("pass", PORTAL_EMBED_FRAME_ANCESTORS=value)
    assert result.returncode != 0
    assert "PORTAL_EMBED_FRAME_ANCESTORS must list Content-Security-Policy sources" in result.stderr
