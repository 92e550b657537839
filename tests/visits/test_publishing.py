"""Only a Publisher publishes, by any route; a visit goes public only with its tr/en texts."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation

from tests.factories import VisitFactory
from visits.models import PublicationStatus, Visit

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:visits_visit_changelist"


def _change_url(visit):
    return reverse("admin:visits_visit_change", args=[visit.pk])


def _draft(**kwargs):
    return VisitFactory(status=PublicationStatus.DRAFT, publish_at=None, **kwargs)


def _db_row(visit):
    return Visit.objects.filter(pk=visit.pk).values().get()


def _status_options(response):
    select = re.search(r'<select name="status".*?</select>', response.content.decode(), re.S)
    return re.findall(r'<option value="([^"]*)"', select.group())


def test_editor_is_offered_only_draft(editor_client):
    visit = _draft()
    assert _status_options(editor_client.get(_change_url(visit))) == ["draft"]
    add_page = editor_client.get(reverse("admin:visits_visit_add"))
    assert _status_options(add_page) == ["draft"]


def test_publisher_is_offered_every_status(publisher_client):
    visit = _draft()
    options = _status_options(publisher_client.get(_change_url(visit)))
    assert options == ["draft", "scheduled", "published"]


@pytest.mark.parametrize("status", ["published", "scheduled"])
def test_editor_crafted_post_cannot_publish_a_draft(editor_client, change_form, status):
    visit = _draft()
    before = _db_row(visit)
    data = change_form(editor_client, _change_url(visit))
    data.update(
        status=status,
        publish_at_0="2019-08-25",
        publish_at_1="10:00:00",
        title_en="Changed in the same POST",
    )
    response = editor_client.post(_change_url(visit), data)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert _db_row(visit) == before


def test_editor_crafted_post_cannot_withdraw_a_published_visit(editor_client, change_form):
    visit = VisitFactory()
    before = _db_row(visit)
    data = change_form(editor_client, _change_url(visit))
    data["status"] = "draft"
    response = editor_client.post(_change_url(visit), data)
    assert response.context["adminform"].form.errors["status"]
    assert _db_row(visit) == before


def test_editor_cannot_move_the_publication_time(editor_client, change_form):
    visit = VisitFactory()
    before = _db_row(visit)
    data = change_form(editor_client, _change_url(visit))
    data["publish_at_0"] = "2030-01-01"
    response = editor_client.post(_change_url(visit), data)
    assert response.context["adminform"].form.errors["status"]
    assert _db_row(visit) == before


def test_editor_corrects_the_text_of_a_published_visit(editor_client, change_form):
    visit = VisitFactory()
    data = change_form(editor_client, _change_url(visit))
    data["report_en"] = "Corrected report."
    data["correction_note"] = "The host's title was corrected."
    response = editor_client.post(_change_url(visit), data)
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.report_en, visit.status) == ("Corrected report.", "published")
    assert [c.note for c in visit.corrections.all()] == ["The host's title was corrected."]


def test_rewriting_a_public_report_without_saying_what_it_is_is_refused(editor_client, change_form):
    visit = VisitFactory()
    before = _db_row(visit)
    data = change_form(editor_client, _change_url(visit))
    data["title_tr"] = "Yeni başlık"
    response = editor_client.post(_change_url(visit), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["correction_note"]
    assert _db_row(visit) == before
    assert not visit.corrections.exists()


def test_adding_a_translation_to_a_public_report_is_no_correction(editor_client, change_form):
    visit = VisitFactory(title_kk="", report_kk="")
    data = change_form(editor_client, _change_url(visit))
    data.update(title_kk="Қапшағайға сапар", report_kk="Есеп.")
    assert editor_client.post(_change_url(visit), data).status_code == 302
    visit.refresh_from_db()
    assert visit.title_kk == "Қапшағайға сапар"
    assert not visit.corrections.exists()


def test_a_rewording_the_editor_calls_no_change_of_fact_logs_nothing(editor_client, change_form):
    visit = VisitFactory()
    data = change_form(editor_client, _change_url(visit))
    data.update(title_en="A better English title", no_change_of_fact="on")
    assert editor_client.post(_change_url(visit), data).status_code == 302
    assert Visit.objects.get(pk=visit.pk).title_en == "A better English title"
    assert not visit.corrections.exists()

    data = change_form(editor_client, _change_url(visit))
    data.update(title_en="Again", no_change_of_fact="on", correction_note="And a fact.")
    response = editor_client.post(_change_url(visit), data)
    assert response.context["adminform"].form.errors["no_change_of_fact"]
    assert not visit.corrections.exists()


def test_a_draft_changes_without_a_correction_note(editor_client, change_form):
    visit = _draft()
    data = change_form(editor_client, _change_url(visit))
    data["report_en"] = "Rewritten."
    assert editor_client.post(_change_url(visit), data).status_code == 302
    assert not visit.corrections.exists()


def test_editor_saves_a_draft(editor_client, change_form):
    visit = _draft()
    data = change_form(editor_client, _change_url(visit))
    data["title_en"] = "Draft title"
    assert editor_client.post(_change_url(visit), data).status_code == 302
    visit.refresh_from_db()
    assert (visit.title_en, visit.status) == ("Draft title", "draft")


def test_editor_cannot_add_a_published_visit(editor_client, change_form):
    relationship = VisitFactory().relationship
    url = reverse("admin:visits_visit_add")
    data = change_form(editor_client, url)
    data.update(
        relationship=relationship.pk,
        slug="crafted",
        direction="outgoing",
        title_tr="Ziyaret",
        title_en="Visit",
        report_tr="Rapor.",
        report_en="Report.",
        status="published",
    )
    response = editor_client.post(url, data)
    assert response.context["adminform"].form.errors["status"]
    assert not Visit.objects.filter(slug="crafted").exists()


def _publish_action(client, visit):
    return client.post(
        reverse(CHANGELIST),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [visit.pk]},
        follow=True,
    )


def test_editor_has_no_publish_action_and_a_crafted_one_does_nothing(editor_client):
    visit = _draft()
    page = editor_client.get(reverse(CHANGELIST))
    assert "publish_selected" not in page.content.decode()
    before = _db_row(visit)
    _publish_action(editor_client, visit)
    assert _db_row(visit) == before


def test_editor_cannot_publish_by_restoring_a_published_version(
    client, editor, publisher, change_form
):
    visit = VisitFactory()  # published: its first history record is public
    published_version = visit.history.earliest()
    client.force_login(publisher)
    data = change_form(client, _change_url(visit))
    data["status"] = "draft"
    assert client.post(_change_url(visit), data).status_code == 302

    client.force_login(editor)
    revert_url = reverse(
        "admin:visits_visit_simple_history", args=[visit.pk, published_version.history_id]
    )
    data = change_form(client, revert_url)
    assert data["status"] == "draft"  # the only status offered to an Editor
    data["status"] = "published"
    response = client.post(revert_url, data)
    assert response.context["adminform"].form.errors["status"]
    assert _db_row(visit)["status"] == "draft"


def test_publisher_publishes_a_draft(publisher_client, change_form):
    visit = _draft()
    data = change_form(publisher_client, _change_url(visit))
    data["status"] = "published"
    assert publisher_client.post(_change_url(visit), data).status_code == 302
    visit.refresh_from_db()
    assert visit.status == "published"
    assert visit.is_public


def test_publisher_publishes_with_the_action_and_incomplete_visits_stay_drafts(publisher_client):
    complete, incomplete = _draft(), _draft(report_tr="")
    response = publisher_client.post(
        reverse(CHANGELIST),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [complete.pk, incomplete.pk]},
        follow=True,
    )
    complete.refresh_from_db()
    incomplete.refresh_from_db()
    assert complete.is_public
    assert incomplete.status == "draft"
    assert str(incomplete) in " ".join(str(m) for m in response.context["messages"])


@pytest.mark.parametrize(
    ("languages", "missing"),
    [(["tr"], "report (Turkish)"), (["tr", "en"], "title (English), report (Turkish)")],
)
def test_publication_names_the_missing_texts_in_the_staff_language(
    publisher_client, change_form, settings, languages, missing
):
    settings.PUBLICATION_LANGUAGES = languages
    visit = _draft(title_en="", report_tr="")
    with translation.override("en"):
        url = _change_url(visit)
    assert url.startswith("/en/")
    data = change_form(publisher_client, url)
    data["status"] = "published"
    response = publisher_client.post(url, data)
    assert response.status_code == 200
    assert f"Missing before publication: {missing}<" in response.content.decode()
    assert _db_row(visit)["status"] == "draft"


def test_a_visit_goes_public_in_turkish_alone(publisher_client, change_form):
    """Turkish first: the other languages' readers get the Turkish text with a notice."""
    visit = _draft(
        **{f"{field}_{lang}": "" for field in ("title", "report") for lang in "en kk ru".split()}
    )
    data = change_form(publisher_client, _change_url(visit))
    data["status"] = "published"
    assert publisher_client.post(_change_url(visit), data).status_code == 302
    assert Visit.objects.get(pk=visit.pk).is_public


def test_a_scheduled_visit_needs_its_texts_too(publisher_client, change_form):
    visit = _draft(report_tr="")
    data = change_form(publisher_client, _change_url(visit))
    data.update(status="scheduled", publish_at_0="2030-01-01", publish_at_1="09:00:00")
    response = publisher_client.post(_change_url(visit), data)
    assert response.context["adminform"].form.non_field_errors()
    assert _db_row(visit)["status"] == "draft"


def test_a_browser_saving_an_unchanged_public_report_is_no_correction(
    publisher_client, change_form
):
    """Browsers send a textarea's line ends as CR LF; the stored text has LF."""
    visit = VisitFactory(report_tr="Birinci paragraf.\n\nİkinci paragraf.")
    data = change_form(publisher_client, _change_url(visit))
    data = {
        key: value.replace("\n", "\r\n") if isinstance(value, str) else value
        for key, value in data.items()
    }
    history = visit.history.count()

    assert publisher_client.post(_change_url(visit), data).status_code == 302

    assert Visit.objects.get(pk=visit.pk).report_tr == "Birinci paragraf.\n\nİkinci paragraf."
    assert not visit.corrections.exists()
    assert visit.history.count() == history + 1
