import json
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from tests.factories import ProtocolFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: alternate href}} for every <url> of the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def in_every_language(obj) -> dict[str, str]:
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = f"http://testserver{obj.get_absolute_url()}"
    return urls


@pytest.mark.django_db
def test_sitemap_lists_each_page_in_every_language_with_its_alternates(
    client, published, draft, scheduled_later
):
    protocol = ProtocolFactory(relationship=published.relationship)
    urls = sitemap_urls(client)

    for obj in (published, published.relationship, published.relationship.partner_city, protocol):
        expected = in_every_language(obj)
        for language, loc in expected.items():
            alternates = urls[loc]
            assert {code: alternates[code] for code in LANGUAGES} == expected, language
            assert alternates["x-default"] == expected[settings.LANGUAGE_CODE].replace(
                f"/{settings.LANGUAGE_CODE}/", "/", 1
            )
    for language in LANGUAGES:
        assert f"http://testserver/{language}/" in urls


@pytest.mark.django_db
def test_sitemap_lists_the_yearly_reports_of_the_years_with_public_content(client, published):
    year = int(str(published.start_date)[:4])
    urls = sitemap_urls(client)
    for language in LANGUAGES:
        assert f"http://testserver/{language}/reports/" in urls
        report = f"http://testserver/{language}/reports/{year}/"
        assert urls[report]["en"] == f"http://testserver/en/reports/{year}/"
    assert not any(f"/reports/{year + 1}/" in loc for loc in urls)


@pytest.mark.django_db
def test_sitemap_leaves_out_visits_not_yet_public(client, published, draft, scheduled_later):
    urls = " ".join(sitemap_urls(client))

    assert published.slug in urls
    assert draft.slug not in urls
    assert scheduled_later.slug not in urls


def test_robots_txt_points_at_the_sitemap_and_does_not_name_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert settings.ADMIN_PATH.strip("/") not in response.content.decode()


@pytest.mark.django_db
def test_admin_pages_ask_search_engines_not_to_index_them(client):
    for language in LANGUAGES:
        response = client.get(f"/{language}/{settings.ADMIN_PATH}login/")
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Robots-Tag" not in client.get("/robots.txt")


HEALTH_TOKEN = "a-long-random-token"
DETAIL = {"status": "ok", "database": "ok", "page_renderer": "none"}


def health(client, **headers):
    response = client.get("/healthz", headers=headers)
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_healthz_tells_the_public_only_that_it_is_ok(client, settings, django_user_model):
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    assert health(client) == (200, {"status": "ok"})
    for wrong in (
        "Bearer wrong-token",
        f"Basic {HEALTH_TOKEN}",
        f"Bearer {HEALTH_TOKEN}x",
        "Bearer",
    ):
        assert health(client, authorization=wrong) == (200, {"status": "ok"}), wrong
    assert health(client, authorization="Bearer jeton-ğüş") == (200, {"status": "ok"})
    client.force_login(django_user_model.objects.create_user("reader", is_staff=False))
    assert health(client) == (200, {"status": "ok"})


@pytest.mark.django_db
def test_healthz_tells_signed_in_staff_the_detail(editor_client):
    assert health(editor_client) == (200, DETAIL)


@pytest.mark.django_db
def test_healthz_tells_the_bearer_of_the_token_the_detail(client, settings):
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    assert health(client, authorization=f"Bearer {HEALTH_TOKEN}") == (200, DETAIL)
    assert health(client, authorization=f"bearer  {HEALTH_TOKEN} ") == (200, DETAIL)


@pytest.mark.django_db
def test_healthz_without_a_configured_token_gives_no_one_the_detail_by_token(client, settings):
    settings.PORTAL_HEALTH_TOKEN = ""
    assert health(client, authorization="Bearer ") == (200, {"status": "ok"})
    assert health(client, authorization="Bearer") == (200, {"status": "ok"})


@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="Django never closes an in-memory test database"
)
@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_is_unreachable(client, settings):
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    real_name = connection.settings_dict["NAME"]
    connection.close()
    # A database that does not exist: the connection fails for real.
    connection.settings_dict["NAME"] = f"{real_name}_missing"
    try:
        public = health(client)
        detailed = health(client, authorization=f"Bearer {HEALTH_TOKEN}")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = real_name

    assert public == (503, {"status": "error"})
    assert detailed == (503, {"status": "error", "database": "unavailable"})


def test_the_favicon_is_the_sites_emblem(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("img/emblem.svg")
