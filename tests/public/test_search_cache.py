"""A cached search answer follows the publication of what names its people: publishing a
visit shows its delegation in the search at once, withdrawing it takes them out."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import DelegationMemberFactory, VisitFactory
from visits.models import PublicationStatus

pytestmark = pytest.mark.usefixtures("page_cache")

NAME = "Zqsearchable Delegate"


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what a commit would run: the tests' transaction is never committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def search(client) -> str:
    return client.get(reverse("sistercities:search") + "?q=Zqsearchable").content.decode()


def test_publishing_and_withdrawing_a_visit_changes_the_cached_search(client, db, committing):
    visit = VisitFactory(status=PublicationStatus.DRAFT, publish_at=None)
    DelegationMemberFactory(visit=visit, person__name_tr=NAME, person__name_en=NAME)
    assert NAME not in search(client)
    assert NAME not in search(client)  # now from the cache

    with committing():
        visit.status, visit.publish_at = PublicationStatus.PUBLISHED, timezone.now()
        visit.save()
    assert NAME in search(client)

    with committing():
        visit.status = PublicationStatus.DRAFT
        visit.save()
    assert NAME not in search(client)
