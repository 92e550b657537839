"""Writes that change what the public sees of visits, each under one transaction and
through the publication rule (sistercities.publishing)."""

from django.db import transaction
from django.utils import timezone

from sistercities import publishing
from visits.models import PublicationStatus, Visit
from visits.publication import missing_for_publication


@transaction.atomic
def visit_publish(*, visit: Visit, user) -> bool:
    """Publish `visit` now; False, and nothing written, while texts it needs are missing.
    PermissionDenied for a user who may not publish."""
    publishing.require_publish_permission(user=user, model=Visit)
    if missing_for_publication(visit):
        return False
    visit.status = PublicationStatus.PUBLISHED
    visit.publish_at = timezone.now()
    visit._history_user = user
    visit.save()
    return True
