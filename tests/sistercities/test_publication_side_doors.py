"""No way around the Publisher: history reverts, moving a visit or protocol between
relationships, correction notes, deletions and imports all pass sistercities.publishing."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sistercities import publishing
from sistercities.models import Protocol, Relationship
from tests.factories import ProtocolFactory, RelationshipFactory, VisitFactory
from visits.models import Correction, PublicationStatus, Visit

pytestmark = pytest.mark.django_db

REFUSED = "Only a publisher can"


def _revert_url(obj, version):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[obj.pk, version.history_id],
    )


def _change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _relationship_published_then_withdrawn():
    relationship = RelationshipFactory(is_published=True)
    relationship.is_published = False
    relationship.save()
    return relationship, relationship.history.order_by("history_id").first()


@pytest.fixture
def viewer(django_user_model, staff_roles):
    """Staff who may only look: every view permission, nothing else."""
    user = django_user_model.objects.create_user(username="viewer", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    return user


@pytest.fixture
def viewer_client(viewer):
    client = Client()
    client.force_login(viewer)
    return client


def test_an_editor_cannot_publish_a_relationship_by_reverting_to_a_published_version(
    editor_client, change_form
):
    relationship, published_version = _relationship_published_then_withdrawn()
    url = _revert_url(relationship, published_version)

    response = editor_client.post(url, change_form(editor_client, url))

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    relationship.refresh_from_db()
    assert relationship.is_published is False
    assert relationship.history.count() == 2


def test_a_publisher_may_revert_publication(publisher_client, change_form):
    relationship, published_version = _relationship_published_then_withdrawn()
    url = _revert_url(relationship, published_version)

    assert publisher_client.post(url, change_form(publisher_client, url)).status_code == 302

    relationship.refresh_from_db()
    assert relationship.is_published is True


def test_an_editor_cannot_withdraw_a_visit_by_reverting_to_its_draft(editor_client, change_form):
    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    draft_version = visit.history.get()
    visit.status, visit.publish_at = PublicationStatus.PUBLISHED, timezone.now()
    visit.save()
    url = _revert_url(visit, draft_version)

    response = editor_client.post(url, change_form(editor_client, url))

    assert REFUSED in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).status == PublicationStatus.PUBLISHED


def test_view_permission_shows_history_but_neither_opens_nor_posts_a_revert(
    viewer_client, change_form, publisher_client
):
    relationship, published_version = _relationship_published_then_withdrawn()
    history = reverse("admin:sistercities_relationship_history", args=[relationship.pk])
    url = _revert_url(relationship, published_version)
    data = change_form(publisher_client, url)

    assert viewer_client.get(history).status_code == 200
    assert viewer_client.get(url).status_code == 403
    assert viewer_client.post(url, data).status_code == 403

    relationship.refresh_from_db()
    assert relationship.is_published is False
    assert relationship.history.count() == 2


def test_view_permission_cannot_rewrite_a_notice_through_its_history(
    viewer_client, publisher_client, change_form, site_footer
):
    from public.models import Notice

    notice = Notice.objects.first()
    notice.body_tr = "Yeni metin"
    notice.save()
    version = notice.history.order_by("history_id").first()
    url = _revert_url(notice, version)
    data = change_form(publisher_client, url)

    assert viewer_client.post(url, data).status_code == 403
    notice.refresh_from_db()
    assert notice.body_tr == "Yeni metin"


@pytest.mark.parametrize("version", ["abc", "¹", "99999999999999999999", "0"])
def test_a_version_that_is_not_one_is_not_found(publisher_client, version):
    relationship = RelationshipFactory()
    url = reverse("admin:sistercities_relationship_history", args=[relationship.pk])
    assert publisher_client.get(f"{url}{version}/").status_code == 404
    assert (
        publisher_client.get(url.replace(f"/{relationship.pk}/", f"/{version}/")).status_code == 404
    )


@pytest.mark.parametrize(
    ("from_published", "to_published"), [(True, False), (False, True), (True, True)]
)
def test_an_editor_cannot_move_a_released_visit_to_another_relationship(
    editor_client, change_form, from_published, to_published
):
    visit = VisitFactory(relationship__is_published=from_published)
    other = RelationshipFactory(is_published=to_published)
    data = change_form(editor_client, _change_url(visit))
    data["relationship"] = str(other.pk)

    response = editor_client.post(_change_url(visit), data)

    assert REFUSED in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).relationship_id == visit.relationship_id


def test_an_editor_may_move_a_draft_and_a_publisher_a_released_visit(
    editor_client, publisher, change_form
):
    draft = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    released = VisitFactory()
    other = RelationshipFactory(is_published=False)
    data = change_form(editor_client, _change_url(draft))
    data["relationship"] = str(other.pk)
    assert editor_client.post(_change_url(draft), data).status_code == 302
    assert Visit.objects.get(pk=draft.pk).relationship_id == other.pk

    publisher_client = Client()
    publisher_client.force_login(publisher)
    data = change_form(publisher_client, _change_url(released))
    data["relationship"] = str(other.pk)
    assert publisher_client.post(_change_url(released), data).status_code == 302
    assert Visit.objects.get(pk=released.pk).relationship_id == other.pk


def _correction_form(client, change_form, visit):
    data = change_form(client, _change_url(visit))
    prefix = next(key for key in data if key.endswith("-0-note_tr")).removesuffix("-0-note_tr")
    return data, prefix


def test_an_editor_cannot_delete_or_change_a_public_reports_corrections(editor_client, change_form):
    visit = VisitFactory()
    correction = Correction.objects.create(visit=visit, note_tr="Tarih düzeltildi.")

    data, prefix = _correction_form(editor_client, change_form, visit)
    data[f"{prefix}-0-DELETE"] = "on"
    response = editor_client.post(_change_url(visit), data)
    assert REFUSED in response.content.decode()
    assert Correction.objects.filter(pk=correction.pk).exists()

    data, prefix = _correction_form(editor_client, change_form, visit)
    data[f"{prefix}-0-note_tr"] = "Hiçbir şey değişmedi."
    response = editor_client.post(_change_url(visit), data)
    assert REFUSED in response.content.decode()
    assert Correction.objects.get(pk=correction.pk).note_tr == "Tarih düzeltildi."


def test_a_drafts_notes_are_the_editors_and_a_public_reports_the_publishers(
    editor_client, publisher, change_form
):
    draft = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    Correction.objects.create(visit=draft, note_tr="Taslak notu.")
    data, prefix = _correction_form(editor_client, change_form, draft)
    data[f"{prefix}-0-DELETE"] = "on"
    assert editor_client.post(_change_url(draft), data).status_code == 302
    assert not draft.corrections.exists()

    public = VisitFactory()
    Correction.objects.create(visit=public, note_tr="Tarih düzeltildi.")
    publisher_client = Client()
    publisher_client.force_login(publisher)
    data, prefix = _correction_form(publisher_client, change_form, public)
    data[f"{prefix}-0-DELETE"] = "on"
    assert publisher_client.post(_change_url(public), data).status_code == 302
    assert not public.corrections.exists()


def test_an_editor_cannot_move_a_protocol_into_a_published_relationship(editor_client, change_form):
    protocol = ProtocolFactory(relationship__is_published=False)
    published = RelationshipFactory(is_published=True)
    data = change_form(editor_client, _change_url(protocol))
    data["relationship"] = str(published.pk)

    response = editor_client.post(_change_url(protocol), data)

    assert REFUSED in response.content.decode()
    assert Protocol.objects.get(pk=protocol.pk).relationship_id == protocol.relationship_id


def test_public_content_cannot_be_deleted_without_the_publish_permission(
    django_user_model, staff_roles
):
    """A role with the delete permission but not the publish one (made here: the migration
    gives none) deletes an unpublished relationship, not a published one."""
    deleter = django_user_model.objects.create_user(username="deleter", is_staff=True)
    deleter.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_relationship", "delete_relationship", "change_relationship"]
        )
    )
    client = Client()
    client.force_login(deleter)
    public, hidden = RelationshipFactory(is_published=True), RelationshipFactory(is_published=False)

    def delete(relationship):
        url = reverse("admin:sistercities_relationship_delete", args=[relationship.pk])
        return client.post(url, {"post": "yes"})

    assert delete(public).status_code == 403
    assert delete(hidden).status_code == 302
    assert list(Relationship.objects.values_list("pk", flat=True)) == [public.pk]


def test_the_rule_refuses_each_change_of_publication_to_an_editor(editor, publisher):
    relationship = RelationshipFactory(is_published=False)
    relationship.is_published = True
    assert publishing.refusal(user=editor, instance=relationship) is not None
    assert publishing.refusal(user=publisher, instance=relationship) is None
    assert publishing.refusal(user=None, instance=relationship) is None  # a command

    new = Relationship(is_published=True)
    assert publishing.refusal(user=editor, instance=new) is not None
    publishing.withhold_if_needed(user=editor, instance=new)
    assert new.is_published is False

    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    visit.relationship = RelationshipFactory()
    assert publishing.refusal(user=editor, instance=visit) is None  # a draft moves freely
    visit.status = PublicationStatus.SCHEDULED
    assert publishing.refusal(user=editor, instance=visit) is not None

    with pytest.raises(PermissionDenied):
        publishing.relationship_set_published(
            relationship=RelationshipFactory(is_published=False), published=True, user=editor
        )


def test_an_import_publishes_only_for_a_publisher(showcase, editor, publisher):
    from importing.service import relationships_import
    from tests.helpers.importing import SLICE

    before = Relationship.objects.count()
    with pytest.raises(PermissionDenied):
        relationships_import(data=SLICE.read_bytes(), commit=True, publish=True, user=editor)
    assert Relationship.objects.count() == before

    relationships_import(data=SLICE.read_bytes(), commit=True, publish=True, user=publisher)
    assert Relationship.objects.published().count() > before
