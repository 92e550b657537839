"""The footer of every public page: the office's contact, the privacy notice (KVKK) and the
accessibility statement with a way to report a problem; staff edit them in four languages."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from public.models import Notice, NoticeKind, Office
from tests.helpers.pages import page_paths

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "en", "kk", "ru"]
OFFICE_NAMES = {
    "tr": "Dış İlişkiler Müdürlüğü",
    "en": "Foreign Relations Office",
    "kk": "Сыртқы байланыстар бөлімі",
    "ru": "Отдел внешних связей",
}


def get(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def footer_of(html: str) -> str:
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.fixture
def office(site_footer):
    office = Office.objects.get()
    office.address_tr = "Altınova Mah. Örnek Cad. No: 1\n16090 Osmangazi/Bursa"
    office.phone = "+90 224 000 00 00"
    office.email = "dis.iliskiler@example.org"
    office.save()
    return office


def test_the_migration_gives_the_office_and_both_notices_in_four_languages(site_footer):
    office = Office.objects.get()
    assert {lang: getattr(office, f"name_{lang}") for lang in LANGUAGES} == OFFICE_NAMES
    for notice in Notice.objects.all():
        for language in LANGUAGES:
            assert getattr(notice, f"title_{language}"), (notice.kind, language)
            assert len(getattr(notice, f"body_{language}")) > 800, (notice.kind, language)
    assert set(Notice.objects.values_list("kind", flat=True)) == set(NoticeKind.values)


def test_the_privacy_notice_states_the_portals_own_limits_and_retention(site_footer):
    """The default text gives the numbers of the default settings: changing one of them
    means changing the notice too."""
    privacy = Notice.objects.get(kind=NoticeKind.PRIVACY)
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=30)
    assert settings.AXES_FAILURE_LIMIT == 5
    for text in ("6698", "8 hours", "30 minutes", "five failures", "30 days", "5651"):
        assert text in privacy.body_en, text
    for text in ("6698", "8 saat", "30 dakika", "beş başarısız", "30 gün", "11. maddesi"):
        assert text in privacy.body_tr, text


def test_every_page_carries_the_office_and_the_notices_in_its_language(client, showcase):
    for language in LANGUAGES:
        with translation.override(language):
            links = [reverse("sistercities:privacy"), reverse("sistercities:accessibility")]
        for page, path in page_paths(language).items():
            if page == "embed":  # a frame in another site's page: no footer of its own
                continue
            footer = footer_of(get(client, path))
            assert f"<span>{OFFICE_NAMES[language]}</span>" in footer, (language, page)
            for link in links:
                assert f'<a href="{link}">' in footer, (language, page)
            assert f'<a href="{links[1]}#report">' in footer, (language, page)


def test_the_notice_pages_have_translated_addresses(client, site_footer):
    html = get(client, "/tr/gizlilik/")
    assert '<h1 id="notice-title">Kişisel verilerin korunması aydınlatma metni</h1>' in html
    assert "6698 sayılı Kişisel Verilerin Korunması Kanunu" in html
    assert "Erişilebilirlik beyanı" in get(client, "/tr/erisilebilirlik/")
    assert "Заявление о доступности" in get(client, "/ru/dostupnost/")
    assert "Privacy notice" in get(client, "/en/privacy/")


def test_the_footer_gives_the_contact_staff_entered(client, office):
    footer = footer_of(get(client, "/tr/"))

    assert "Altınova Mah. Örnek Cad. No: 1<br>16090 Osmangazi/Bursa" in footer
    assert '<a href="tel:+902240000000">+90 224 000 00 00</a>' in footer
    assert '<a href="mailto:dis.iliskiler@example.org">dis.iliskiler@example.org</a>' in footer


def test_a_contact_missing_in_the_readers_language_is_marked(client, office):
    footer = footer_of(get(client, "/en/"))

    assert '<span lang="tr">Altınova Mah. Örnek Cad. No: 1' in footer


def test_the_accessibility_statement_offers_a_prefilled_message(client, office):
    html = get(client, "/en/accessibility/")
    report = html[
        html.index('<section id="report"') : html.index("</section>", html.index('id="report"'))
    ]

    href = unquote(re.search(r'<a class="button" href="([^"]+)"', report).group(1))
    address = urlsplit(href.replace("&amp;", "&"))
    query = parse_qs(address.query)
    assert (address.scheme, address.path) == ("mailto", "dis.iliskiler@example.org")
    assert query["subject"] == ["Accessibility problem on the sister-cities portal"]
    assert query["body"][0].startswith("Page address:")
    assert "Write to dis.iliskiler@example.org" in report
    assert "tel:+902240000000" in report


def test_without_an_email_the_statement_still_names_the_office(client, site_footer):
    html = get(client, "/en/accessibility/")
    report = html[html.index('<section id="report"') :]

    assert 'class="button"' not in report.split("</section>")[0]
    assert "Foreign Relations Office" in report


def test_the_footer_costs_no_query_once_read(client, site_footer):
    get(client, "/en/")
    with CaptureQueriesContext(connection) as queries:
        get(client, "/en/")
    assert not [q for q in queries if "public_" in q["sql"]]


# Staff edit them ---------------------------------------------------------------------


def test_a_publishers_edit_shows_at_once_on_every_cached_page(
    publisher_client, showcase, page_cache, change_form, django_capture_on_commit_callbacks
):
    client = Client()  # a reader, not signed in
    home = page_paths("en")["home"]
    assert "Foreign Relations Office" in get(client, home)
    with CaptureQueriesContext(connection) as queries:
        get(client, home)
    assert len(queries) == 0  # served from the cache

    with translation.override("en"):
        url = reverse("admin:public_office_change", args=[Office.objects.get().pk])
    data = change_form(publisher_client, url)
    data.update(name_en="International Relations Office", email="office@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert publisher_client.post(url, data).status_code == 302

    footer = footer_of(get(client, home))
    assert "International Relations Office" in footer
    assert "office@example.org" in footer
    assert Office.objects.get().history.count() == 1


def test_a_notice_edit_shows_on_its_cached_page(
    publisher_client, site_footer, page_cache, change_form, django_capture_on_commit_callbacks
):
    client = Client()
    notice = Notice.objects.get(kind=NoticeKind.ACCESSIBILITY)
    assert "Accessibility statement" in get(client, "/en/accessibility/")
    with CaptureQueriesContext(connection) as queries:
        get(client, "/en/accessibility/")
    assert len(queries) == 0  # a cached public page like the others
    with translation.override("en"):
        url = reverse("admin:public_notice_change", args=[notice.pk])
    data = change_form(publisher_client, url)
    data["body_kk"] = "Жаңа мәтін."
    data["title_en"] = "Accessibility"
    with django_capture_on_commit_callbacks(execute=True):
        assert publisher_client.post(url, data).status_code == 302

    assert '<h1 id="notice-title">Accessibility</h1>' in get(client, "/en/accessibility/")
    assert "Жаңа мәтін." in get(client, "/kk/qoljetimdilik/")


def test_staff_change_the_rows_and_never_add_or_remove_one(publisher, editor, site_footer):
    assert publisher.has_perms(["public.change_office", "public.change_notice"])
    assert editor.has_perms(["public.view_office", "public.view_notice"])
    assert not editor.has_perm("public.change_office")
    for user in (publisher, editor):
        assert not user.has_perm("public.add_notice")
        assert not user.has_perm("public.delete_office")


def test_the_admin_offers_no_add_and_no_delete(admin_client, site_footer):
    with translation.override("en"):
        changelist = reverse("admin:public_notice_changelist")
        add = reverse("admin:public_notice_add")
        delete = reverse("admin:public_office_delete", args=[Office.objects.get().pk])
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(add).status_code == 403
    assert admin_client.get(delete).status_code == 403


def test_a_second_office_is_refused_by_the_database(site_footer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.create(id=2, name="Another office")
