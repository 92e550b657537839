"""The relationship health page in the admin, for staff who may see relationships."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from reports.health import relationship_health, unpublished_upcoming_visits


def _health(request):
    if not request.user.has_perm("sistercities.view_relationship"):
        raise PermissionDenied
    rows = relationship_health()
    return render(
        request,
        "admin/reports/relationship_health.html",
        {
            **admin.site.each_context(request),
            "title": _("Relationship health"),
            "rows": rows,
            "dormant_count": sum(row.dormant for row in rows),
            "dormant_after": settings.PORTAL_DORMANT_AFTER_YEARS,
            "pending_visits": unpublished_upcoming_visits(),
        },
    )


relationship_health_page = admin.site.admin_view(_health)
