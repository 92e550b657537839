"""The history page's list (django-simple-history) in the reader's terms: its "Changes"
column shows a choice by its label ("taslak → yayımlandı", not "draft → published"), a
time in the portal's time zone as the admin formats times ("7 Aralık 2026 22:35", not
"2026-12-07 19:35:16.890720+00:00"), a date as a date, and nothing as a dash, not "None".
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext
from simple_history.template_utils import HistoricalRecordContextHelper

NOTHING = "—"


class ReadableChanges(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return NOTHING
        if field.choices and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return formats.date_format(value, "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        return value


class ReadableHistory:
    """For a SimpleHistoryAdmin: its history list with ReadableChanges, and a template
    that shows a missing change reason as a dash."""

    object_history_list_template = "admin/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)
