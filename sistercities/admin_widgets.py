"""Admin form fields that read what browsers and hand-made POSTs send.

A textarea's line ends come back from a browser as CR LF, while the texts are stored with
LF: read as sent, every multi-line text counted as changed on every save, and a public
report asked for a correction note nobody had made. TextareaField reads them as LF.

Autocomplete widgets that survive a hand-made POST: to redraw a form, Django's admin
autocomplete widgets look up the posted ids in the database; an id the key column cannot
hold (text, or a number past its integer range) raises there and the admin answers 500.
These widgets leave such a value out of the redrawn select; the form field itself still
reports it as an invalid choice.
"""

from django import forms
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError
from django.db import connections, models


class _StorableValuesOnly:
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._storable(v)], attr)

    def _storable(self, value) -> bool:
        target = self.field.target_field
        try:
            number = target.to_python(value)
        except ValidationError:
            return False
        low, high = connections[self.db or "default"].ops.integer_field_range(
            target.get_internal_type()
        )
        if isinstance(number, int) and low is not None and high is not None:
            return low <= number <= high
        return True


class AutocompleteSelect(_StorableValuesOnly, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(_StorableValuesOnly, widgets.AutocompleteSelectMultiple):
    pass


class TextareaField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class AdminFieldsMixin:
    """For a ModelAdmin or an inline: its autocomplete fields use the widgets above, its
    texts are read with TextareaField."""

    formfield_overrides = {models.TextField: {"form_class": TextareaField}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                AutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class _Download:
    """A stored file as the file widget shows it: its name, and where staff download it."""

    def __init__(self, file, url: str):
        self.name, self.url = file.name, url

    def __str__(self):
        return self.name


class DocumentInput(widgets.AdminFileWidget):
    """A file input whose current file links to an admin view that serves it, not to the
    storage's address (a local folder serves no such file; a bucket's would be public)."""

    def __init__(self, url_of, attrs=None):
        super().__init__(attrs)
        self.url_of = url_of  # the stored file → its download address

    def format_value(self, value):
        value = super().format_value(value)
        return _Download(value, self.url_of(value)) if value else value
