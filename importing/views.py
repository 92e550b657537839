"""Importing a list of sister-city pairs from the admin: upload, preview, confirm.

The uploaded file is read once; its table waits in the default file storage under a random
token (`uploads`), and the session remembers which tokens belong to the user and the
mappings given with it. The preview is the import's dry run, and its mappings can be
changed there and the preview made again; the confirmation writes it in one transaction
and removes the table. A file that cannot be read is answered on the upload form; a file
that can, with a mapping that is wrong or leaves it unreadable, is kept and answered on
the preview, where the mapping is corrected without choosing the file again. Never an
error page. A match by distance is written only if its checkbox on the preview is ticked.
"""

from functools import wraps

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from importing import uploads
from importing.columns import parse_column_mapping, parse_value_mapping
from importing.reading import ImportRefused, Options, check_size
from importing.report import PROPOSALS, proposal_text, sections, summary
from importing.service import relationships_import
from importing.tables import read_table
from sistercities import publishing
from sistercities.models import Relationship

SESSION_KEY = "relationship_imports"
SHOWN_PER_SECTION = 200


class MappingFields(forms.Form):
    """What the operator adds to a file the importer cannot read alone."""

    columns = forms.CharField(
        label=gettext_lazy("Column mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "One per line: COLUMN=HEADER, e.g. country=Land; “country=” ignores the column. "
            "COLUMN is the field's key or its name in English, Turkish, Kazakh or Russian "
            "(partner_country, “kardeş ülke”, “бауырлас ел”, “страна побратима”)."
        ),
    )
    values = forms.CharField(
        label=gettext_lazy("Value mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("One per line: COLUMN:VALUE=MEANING, e.g. kind:p=sister city."),
    )
    home_country = forms.CharField(
        label=gettext_lazy("Home country"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For a list without a country column for the home city, e.g. TR."),
    )

    def mapping(self) -> dict:
        """The mappings as the session keeps them."""
        return {name: self.cleaned_data[name] for name in ("columns", "values", "home_country")}


class MappingForm(MappingFields):
    def clean(self):
        data = super().clean()
        try:
            data["options"] = Options(
                columns=parse_column_mapping(_lines(data.get("columns", ""))),
                values=parse_value_mapping(_lines(data.get("values", ""))),
                home_country=data.get("home_country", "").strip(),
            )
        except ImportRefused as error:
            raise forms.ValidationError(str(error)) from None
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class UploadForm(MappingFields):
    file = forms.FileField(
        label=gettext_lazy("List of pairs"),
        help_text=gettext_lazy(
            "CSV (UTF-8, UTF-16, Windows-1252/1254/1251; comma, semicolon or tab) or a "
            "spreadsheet (.xlsx, .ods, .xls): Wikipedia's twin_cities.csv, or a list with the "
            "columns city, country, partner city, partner country and optionally since, "
            "kind, status, latitude, longitude, partner latitude, partner longitude, source "
            "url, named in Turkish, English, German, Russian or Kazakh."
        ),
    )
    field_order = ["file", "columns", "values", "home_country"]
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
        except ImportRefused as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def clean(self):
        """The file's table; the mappings are checked on the preview, the file kept."""
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["table"] = read_table(upload.read()).kept()
            except ImportRefused as error:
                self.add_error("file", str(error))
        return data


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


def _expired() -> Http404:
    return Http404(_("This import has expired or was already done; upload the file again."))


def _pending(request, token: str) -> dict:
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        raise _expired()
    return pending


def _run(request, pending: dict, *, commit: bool, accepted_matches=()):
    table = uploads.load(pending["path"])
    if table is None:
        raise _expired()
    form = MappingForm(pending.get("mapping", {}))
    if not form.is_valid():
        raise ImportRefused(" ".join(form.non_field_errors()))
    return relationships_import(
        data=table,
        options=form.cleaned_data["options"],
        commit=commit,
        all_pairs=pending["all_pairs"],
        publish=pending["publish"],
        user=request.user,
        reason=f"admin import {pending['name']}"[:100],
        accepted_matches=accepted_matches,
    )


@_importer
def upload(request):
    may_publish = publishing.may_publish(request.user, Relationship)
    if request.method == "POST":
        uploads.delete_stale()
    form = UploadForm(request.POST or None, request.FILES or None, may_publish=may_publish)
    if form.is_valid():
        token, path = uploads.keep(form.cleaned_data["table"])
        upload = form.cleaned_data["file"]
        request.session[SESSION_KEY] = {
            **request.session.get(SESSION_KEY, {}),
            token: {
                "path": path,
                "name": upload.name,
                "all_pairs": form.cleaned_data["all_pairs"],
                "publish": form.cleaned_data.get("publish", False),
                "mapping": form.mapping(),
            },
        }
        return redirect(reverse("relationship-import:preview", kwargs={"token": token}))
    return render(request, "importing/upload.html", _context(request, form=form))


@_importer
def preview(request, token):
    """The dry run; a POST changes the mappings and shows it again."""
    pending = _pending(request, token)
    mapping = MappingForm(request.POST or pending.get("mapping", {}))
    if request.method == "POST" and mapping.is_valid():
        pending["mapping"] = mapping.mapping()
        request.session[SESSION_KEY] = {**request.session[SESSION_KEY], token: pending}
        return redirect(reverse("relationship-import:preview", kwargs={"token": token}))
    context = _context(request, token=token, pending=pending, mapping=mapping)
    try:
        report = _run(request, pending, commit=False)
    except ImportRefused as error:
        return render(request, "importing/preview.html", {**context, "refused": str(error)})
    shown = [
        (section.title, section.items[:SHOWN_PER_SECTION], len(section.items))
        for section in sections(report)
        if section.items and section.name != PROPOSALS
    ]
    proposals = [(proposal.key, proposal_text(proposal)) for proposal in report.proposals]
    return render(
        request,
        "importing/preview.html",
        {**context, "summary": summary(report), "sections": shown, "proposals": proposals},
    )


@require_POST
@_importer
def confirm(request, token):
    pending = _pending(request, token)
    try:
        report = _run(
            request, pending, commit=True, accepted_matches=set(request.POST.getlist("accept"))
        )
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
        uploads.forget(pending["path"])
