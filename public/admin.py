"""Staff admin of the footer: the office's contact and the privacy and accessibility
notices, one tab per language, with history. Their rows come with the migrations; staff
change them, never add or remove one."""

from django.contrib import admin

from public.models import Notice, Office
from sistercities.admin import ContentAdmin


class FixedRowsAdmin(ContentAdmin):
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Office)
class OfficeAdmin(FixedRowsAdmin):
    list_display = ("name", "phone", "email", "updated_at")
    fields = ("name", "address", "phone", "email", "opening_hours")


@admin.register(Notice)
class NoticeAdmin(FixedRowsAdmin):
    list_display = ("title", "kind", "updated_at")
    fields = ("title", "body")
