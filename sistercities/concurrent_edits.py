"""No edit is lost: a page someone else saved after it was opened is not saved over them.

Every ContentAdmin form carries a hidden edit token: the latest history id of the object,
and of each kind of object edited on its page (its inlines), read when the page was opened.
Saving reads them again, inside the admin's transaction and with the object's row locked
where the database can (SELECT … FOR UPDATE on PostgreSQL), so two saves cannot both pass.
If anyone saved in between, nothing is written: the form names who saved, when and what
they changed, and the page now carries the current token, so that saving it again is a
choice made knowing the other person's changes.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from simple_history.exceptions import NotHistoricalModelError
from simple_history.models import HistoricalChanges
from simple_history.utils import get_history_model_for_model

from pagecache.numbers import MAX_ID, parse_int
from sistercities.casing import capfirst

TOKEN_FIELD = "edit_token"
# Saves listed per kind of object; older ones are summed up by the latest.
MAX_LISTED = 5


@dataclass(frozen=True)
class TrackedHistory:
    """The history rows of one kind of object shown on a page; `lookup` is the column of
    the history table that holds the page's object id (its own id, or an inline's key)."""

    history: type[models.Model]
    lookup: str

    def rows(self, object_id):
        return self.history._default_manager.filter(**{self.lookup: object_id})


class EditGuard:
    """Reads and compares the versions of one admin page's objects."""

    def __init__(self, model: type[models.Model], inline_models: list[tuple[type, str | None]]):
        self.model = model
        self.tracked = [TrackedHistory(get_history_model_for_model(model), model._meta.pk.attname)]
        for inline_model, fk_name in inline_models:
            try:
                history = get_history_model_for_model(inline_model)
            except NotHistoricalModelError:
                continue
            self.tracked.append(TrackedHistory(history, _foreign_key(inline_model, model, fk_name)))

    @classmethod
    def for_admin(cls, model_admin) -> "EditGuard":
        return cls(
            model_admin.model,
            [(inline.model, inline.fk_name) for inline in model_admin.inlines],
        )

    def token(self, object_id) -> str:
        latest = (
            tracked.rows(object_id).aggregate(latest=models.Max("history_id"))["latest"] or 0
            for tracked in self.tracked
        )
        return ".".join(str(history_id) for history_id in latest)

    def lock(self, object_id) -> None:
        """Hold the object's row until the transaction ends (a no-op on SQLite, which
        serialises writers anyway)."""
        rows = self.model._base_manager.select_for_update().filter(pk=object_id)
        list(rows.values_list("pk"))

    def explain(self, object_id, opened_token: str) -> list[str]:
        """What was saved since the page was opened: who, when, and each changed field."""
        lines = [
            _(
                "Someone else saved this %(object)s after you opened it, so your changes "
                "were not saved."
            )
            % {"object": self.model._meta.verbose_name}
        ]
        own, *inlines = zip(self.tracked, self._parse(opened_token), strict=True)
        lines += self._own_changes(object_id, *own)
        for tracked, seen in inlines:
            newer = self._newer(tracked, object_id, seen)
            lines += [_inline_change(record) for record in newer[-MAX_LISTED:]]
        lines.append(
            _(
                "The form below still holds your version. Compare it with the changes above: "
                "saving it again replaces them."
            )
        )
        return lines

    def _parse(self, token: str) -> list[int]:
        """The history ids of a token; one that cannot be read counts as the oldest."""
        ids = [parse_int(part, minimum=0, maximum=MAX_ID) for part in (token or "").split(".")]
        if len(ids) != len(self.tracked) or None in ids:
            return [0] * len(self.tracked)
        return ids

    @staticmethod
    def _newer(tracked: TrackedHistory, object_id, seen: int) -> list:
        rows = tracked.rows(object_id).filter(history_id__gt=seen)
        return list(rows.select_related("history_user").order_by("history_id"))

    def _own_changes(self, object_id, tracked: TrackedHistory, seen: int) -> list[str]:
        newer = self._newer(tracked, object_id, seen)
        if not newer:
            return []
        lines = [
            _("Saved by %(user)s on %(time)s.") % _who_and_when(record)
            for record in newer[-MAX_LISTED:]
        ]
        opened = tracked.rows(object_id).filter(history_id=seen).first()
        if opened is not None:
            lines += _field_changes(self.model, newer[-1], opened)
        return lines


def _foreign_key(model, parent, fk_name: str | None) -> str:
    """The column of `model` pointing to `parent`, as an inline finds it."""
    for field in model._meta.fields:
        if field.many_to_one and field.related_model is parent:
            if fk_name in (None, field.name):
                return field.attname
    raise ValueError(f"{model.__name__} has no foreign key to {parent.__name__}")


def _who_and_when(record) -> dict[str, str]:
    user = record.history_user
    name = (user.get_full_name() or user.get_username()) if user else _("an unknown user")
    moment = formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    return {"user": name, "time": moment}


def _inline_change(record) -> str:
    messages = {
        "+": _("%(kind)s “%(object)s” added by %(user)s on %(time)s."),
        "~": _("%(kind)s “%(object)s” changed by %(user)s on %(time)s."),
        "-": _("%(kind)s “%(object)s” deleted by %(user)s on %(time)s."),
    }
    try:
        shown = str(record.instance)
    except ObjectDoesNotExist:  # its __str__ names a related object deleted since
        shown = str(record.instance.pk)
    return messages[record.history_type] % {
        "kind": capfirst(record.instance._meta.verbose_name),
        "object": Truncator(shown).chars(60),
        **_who_and_when(record),
    }


def _field_changes(model, newest: HistoricalChanges, opened: HistoricalChanges) -> list[str]:
    """Field by field, the version the page was opened on → the latest one. The untranslated
    copy of a translated field and fields staff do not edit are left out."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    lines = []
    delta = newest.diff_against(opened, foreign_keys_are_objs=True)
    for change in delta.changes:
        try:
            field = model._meta.get_field(change.field)
        except FieldDoesNotExist:
            continue
        empty_before_and_after = change.old in (None, "") and change.new in (None, "")
        if change.field in translated or not field.editable or empty_before_and_after:
            continue
        lines.append(
            _("%(field)s: “%(old)s” → “%(new)s”")
            % {
                "field": capfirst(field.verbose_name),
                "old": _shown(field, change.old),
                "new": _shown(field, change.new),
            }
        )
    return lines


def _shown(field, value) -> str:
    if value in (None, ""):
        return _("(empty)")
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    return Truncator(str(value)).chars(80)


class EditTokenField(forms.CharField):
    """The hidden token; never counted as a change of the object itself."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


class GuardedFormMixin:
    """Put the token on the page when it opens; refuse a save if it is stale."""

    edit_guard: EditGuard

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[TOKEN_FIELD] = self.edit_guard.token(self.instance.pk)

    def clean(self):
        if self.instance.pk is not None:
            self._refuse_if_saved_since()
        return super().clean()

    def _refuse_if_saved_since(self):
        guard, object_id = self.edit_guard, self.instance.pk
        guard.lock(object_id)
        opened = self.cleaned_data.get(TOKEN_FIELD, "")
        current = guard.token(object_id)
        if opened == current:
            return
        self.add_error(None, ValidationError(guard.explain(object_id, opened), code="stale"))
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = current


def guarded_form(form_class: type[forms.ModelForm], guard: EditGuard) -> type[forms.ModelForm]:
    """`form_class` with the hidden token and the check on saving."""
    attrs = {TOKEN_FIELD: EditTokenField(), "edit_guard": guard}
    return type(form_class.__name__, (GuardedFormMixin, form_class), attrs)


def with_token_fieldset(fieldsets, obj) -> list:
    """The admin's fieldsets without the token, and the token alone in a hidden fieldset
    at the end of a change page."""
    fieldsets = [
        (name, {**options, "fields": [f for f in options["fields"] if f != TOKEN_FIELD]})
        for name, options in fieldsets
    ]
    if obj is not None:
        fieldsets.append((None, {"fields": [TOKEN_FIELD], "classes": ["hidden"]}))
    return fieldsets
