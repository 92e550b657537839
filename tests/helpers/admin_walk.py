"""What the admin's permission walk compares and posts: every registered model's rows, what
the public sees, the permissions a role holds, and forms made from an admin page."""

from dataclasses import dataclass

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import F
from django.urls import URLPattern, URLResolver, get_resolver
from django_countries.fields import CountryField

from sistercities.models import Relationship
from sistercities.partial_dates import PartialDateField
from visits.models import Correction, Visit

# ---------------------------------------------------------------- rows and public state


def snapshot_models() -> list[type[models.Model]]:
    """Every model of the admin, with the many-to-many tables of their fields."""
    found = []
    for model in admin.site._registry:
        found.append(model)
        found += [field.remote_field.through for field in model._meta.local_many_to_many]
    return sorted(set(found), key=lambda model: model._meta.label)


def row_snapshot() -> dict[str, dict]:
    """Every row of every admin model (and its many-to-many links), by primary key."""
    return {
        model._meta.label: {
            row["pk"]: row for row in model._base_manager.values("pk", *_columns(model))
        }
        for model in snapshot_models()
    }


def _columns(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def row_changes(before: dict, after: dict) -> list[str]:
    """The rows added, removed or changed between two snapshots, one line each."""
    lines = []
    for label, old_rows in before.items():
        new_rows = after[label]
        for pk in sorted(old_rows.keys() - new_rows.keys(), key=str):
            lines.append(f"{label} #{pk} deleted")
        for pk in sorted(new_rows.keys() - old_rows.keys(), key=str):
            lines.append(f"{label} #{pk} added: {_short(new_rows[pk])}")
        for pk in sorted(old_rows.keys() & new_rows.keys(), key=str):
            old, new = old_rows[pk], new_rows[pk]
            fields = [name for name in old if old[name] != new[name]]
            if fields:
                changes = ", ".join(f"{name}: {old[name]!r} → {new[name]!r}" for name in fields)
                lines.append(f"{label} #{pk} changed: {changes}")
    return lines


def _short(row: dict) -> str:
    text = ", ".join(f"{name}={value!r}" for name, value in row.items() if value not in ("", None))
    return text[:200]


@dataclass(frozen=True)
class PublicState:
    """What the public sees of publication: its visits, its relationships, and the
    correction notes of its visits."""

    visits: frozenset
    relationships: frozenset
    corrections: dict


def public_state() -> PublicState:
    public_visits = frozenset(Visit.objects.published().values_list("pk", flat=True))
    return PublicState(
        visits=public_visits,
        relationships=frozenset(Relationship.objects.published().values_list("pk", flat=True)),
        corrections={
            pk: (visit_id, note)
            for pk, visit_id, note in Correction.objects.filter(
                visit__in=public_visits
            ).values_list("pk", "visit_id", "note")
        },
    )


def public_changes(before: PublicState, after: PublicState) -> list[str]:
    """How the public's view differs. A new correction note is not a change of publication
    (editing a public report's text adds one); a note removed or rewritten is."""
    lines = []
    for kind in ("visits", "relationships"):
        old, new = getattr(before, kind), getattr(after, kind)
        if new - old:
            lines.append(f"{kind} made public: {sorted(new - old)}")
        if old - new:
            lines.append(f"{kind} hidden from the public: {sorted(old - new)}")
    for pk, (visit_id, note) in before.corrections.items():
        if pk not in after.corrections:
            lines.append(f"correction #{pk} of public visit #{visit_id} gone: {note!r}")
        elif after.corrections[pk] != (visit_id, note):
            lines.append(f"correction #{pk} rewritten: {note!r} → {after.corrections[pk]!r}")
    return lines


# ---------------------------------------------------------------- permissions


def view_permissions() -> list[Permission]:
    """The view_* permission of every model of the admin."""
    return [
        Permission.objects.get(
            content_type__app_label=model._meta.app_label,
            codename=f"view_{model._meta.model_name}",
        )
        for model in admin.site._registry
    ]


def permission_names(user) -> set[str]:
    """The "app_label.codename" permissions a user holds (a superuser: all there are)."""
    if user is None or not user.is_active:
        return set()
    if user.is_superuser:
        return {
            f"{app_label}.{codename}"
            for app_label, codename in Permission.objects.values_list(
                "content_type__app_label", "codename"
            )
        }
    return user.get_all_permissions()


def holds(permissions: set[str], model, action: str) -> bool:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}" in permissions


# ---------------------------------------------------------------- URL patterns


def admin_routes(prefix: str) -> set[str]:
    """The route of every URL pattern under `prefix` (the admin's path with its language
    prefix), as `resolve()` reports it: the admin site's and each ModelAdmin's, and the
    views mounted beside it."""
    routes = set()

    def walk(patterns, parent_routes):
        for pattern in patterns:
            chain = [*parent_routes, str(pattern.pattern)]
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, chain)
            elif isinstance(pattern, URLPattern):
                route = chain[-1]
                for outer in reversed(chain[:-1]):
                    route = URLResolver._join_route(outer, route)
                if route.startswith(prefix):
                    routes.add(route)

    walk(get_resolver().url_patterns, [])
    return routes


# ---------------------------------------------------------------- forms

_PLAIN_TEXT = (models.CharField, models.TextField)
_NOT_PLAIN_TEXT = (
    models.SlugField,
    models.EmailField,
    models.URLField,
    models.GenericIPAddressField,
    PartialDateField,
    CountryField,
)


def _plain_text_fields(model, data: dict) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, _PLAIN_TEXT)
        and not isinstance(field, _NOT_PLAIN_TEXT)
        and not field.choices
        and field.editable
        and field.name != "password"
        and isinstance(data.get(field.name), str)
    ]


def alter_a_field(model, data: dict) -> str:
    """Change one plain text field of a form's data (a correction note goes with it, where
    the form asks for one); return its name, or "" if the form has none."""
    fields = _plain_text_fields(model, data)
    fields.sort(key=lambda field: (field.unique, data[field.name] == ""))
    if not fields:
        return ""
    field = fields[0]
    limit = (field.max_length or 200) - len(" (walk)")
    data[field.name] = data[field.name][:limit] + " (walk)"
    if "correction_note" in data:
        data["correction_note"] = "Walked by the permission test."
    return field.name


def as_new(model, add_page: dict, change_page: dict) -> dict:
    """An add form's data: the add page's fields and defaults, its empty fields filled from
    an existing object's change page, no inline rows, the values that must be unique made
    new, and a password where the page asks for one."""
    prefixes = [
        key.removesuffix("-TOTAL_FORMS") for key in add_page if key.endswith("-TOTAL_FORMS")
    ]
    data = {}
    for key, value in add_page.items():
        if any(key.startswith(f"{prefix}-") for prefix in prefixes):
            data[key] = value
        elif key in ("password1", "password2"):
            data[key] = "Walk-the-admin-2026!"
        else:
            data[key] = value or change_page.get(key, value)
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key and isinstance(data.get(field.name), str):
            data[field.name] = "" if field.blank else f"{data[field.name]}-walk"
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.condition is None:
            _make_unique(model, data, _constrained_fields(model, constraint))
    return data


def _constrained_fields(model, constraint) -> list[models.Field]:
    names = list(constraint.fields)
    for expression in constraint.expressions:
        names += [part.name for part in expression.flatten() if isinstance(part, F)]
    return [model._meta.get_field(name) for name in names]


def _make_unique(model, data, fields):
    """Point the first foreign key of a unique set of fields to a row that makes the set
    new, and differs from the set's other values (another partner city for a relationship:
    one relationship per pair, a city is not its own sister)."""
    taken = {
        tuple(sorted(map(str, values)))
        for values in model._base_manager.values_list(*[field.attname for field in fields])
    }
    for index, field in enumerate(fields):
        if not field.many_to_one:
            continue
        for candidate in field.related_model._base_manager.values_list("pk", flat=True):
            values = [str(data.get(other.name) or "") for other in fields]
            others = values[:index] + values[index + 1 :]
            values[index] = str(candidate)
            if tuple(sorted(values)) not in taken and str(candidate) not in others:
                data[field.name] = str(candidate)
                return
