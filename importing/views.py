"""Importing a list of sister-city pairs from the admin: upload, preview, confirm.

The uploaded file waits in the default file storage under a random token (shared by every
app server, unlike a process or a local folder); the session remembers which tokens belong
to the user. The preview is the import's dry run; the confirmation writes it in one
transaction and removes the file.
"""

import secrets
from functools import wraps

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from importing.reading import ImportRefused, check_size, read_file
from importing.report import sections, summary
from importing.service import relationships_import
from sistercities.models import Relationship

SESSION_KEY = "relationship_imports"
SHOWN_PER_SECTION = 200


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 CSV: Wikipedia's twin_cities.csv, or a list with the columns city, "
            "country, partner city, partner country and optionally since, kind, status, "
            "latitude, longitude, partner latitude, partner longitude, source url."
        ),
    )
    all_pairs = forms.BooleanField(
        label=gettext_lazy("Import every pair, not only the home city's"), required=False
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the new relationships at once"), required=False
    )

    def __init__(self, *args, may_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
            read_file(upload.read())
        except ImportRefused as error:
            raise forms.ValidationError(str(error)) from None
        upload.seek(0)
        return upload


def _importer(view):
    """Staff who may add relationships, through the admin's own login."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.has_perm("sistercities.add_relationship"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return admin.site.admin_view(checked)


def _context(request, **extra):
    return {
        **admin.site.each_context(request),
        "opts": Relationship._meta,
        "title": _("Import relationships"),
        **extra,
    }


def _pending(request, token: str) -> dict:
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        raise Http404(_("This import has expired or was already done; upload the file again."))
    return pending


def _run(request, pending: dict, *, commit: bool):
    with default_storage.open(pending["path"], "rb") as file:
        data = file.read()
    return relationships_import(
        data=data,
        commit=commit,
        all_pairs=pending["all_pairs"],
        publish=pending["publish"],
        user=request.user,
        reason=f"admin import {pending['name']}"[:100],
    )


@_importer
def upload(request):
    may_publish = request.user.has_perm("sistercities.publish_relationship")
    form = UploadForm(request.POST or None, request.FILES or None, may_publish=may_publish)
    if form.is_valid():
        token = secrets.token_urlsafe(16)
        upload = form.cleaned_data["file"]
        path = default_storage.save(f"imports/{token}.csv", ContentFile(upload.read()))
        request.session[SESSION_KEY] = {
            **request.session.get(SESSION_KEY, {}),
            token: {
                "path": path,
                "name": upload.name,
                "all_pairs": form.cleaned_data["all_pairs"],
                "publish": form.cleaned_data.get("publish", False),
            },
        }
        return redirect(reverse("relationship-import:preview", kwargs={"token": token}))
    return render(request, "importing/upload.html", _context(request, form=form))


@_importer
def preview(request, token):
    pending = _pending(request, token)
    try:
        report = _run(request, pending, commit=False)
    except ImportRefused as error:
        _forget(request, token)
        messages.error(request, str(error))
        return redirect("relationship-import:upload")
    shown = [
        (section.title, section.items[:SHOWN_PER_SECTION], len(section.items))
        for section in sections(report)
        if section.items
    ]
    return render(
        request,
        "importing/preview.html",
        _context(request, token=token, pending=pending, summary=summary(report), sections=shown),
    )


@require_POST
@_importer
def confirm(request, token):
    pending = _pending(request, token)
    try:
        report = _run(request, pending, commit=True)
    except ImportRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, summary(report))
    _forget(request, token)
    return redirect("admin:sistercities_relationship_changelist")


def _forget(request, token: str) -> None:
    imports = request.session.get(SESSION_KEY, {})
    pending = imports.pop(token, None)
    request.session[SESSION_KEY] = imports
    if pending:
        default_storage.delete(pending["path"])
