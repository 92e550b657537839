"""Writes that touch several models, each under one transaction."""

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    UNCHANGED = "unchanged", _("unchanged")


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    field = instance._meta.get_field(name)
    current = field.value_from_object(instance)
    if field.is_relation:
        return current != (value.pk if value is not None else None)
    return field.get_prep_value(current) != field.get_prep_value(value)


@transaction.atomic
def instance_sync(
    *,
    model: type[models.Model],
    key: dict[str, Any],
    values: dict[str, Any],
    related: dict[str, list[models.Model]] | None = None,
    reason: str = "",
) -> tuple[models.Model, Outcome]:
    """Make the row found by `key` hold `values` (and the `related` many-to-many sets).

    The row is validated and saved only when something differs, so running the same sync
    again writes nothing, not even a history row.
    """
    try:
        instance = model._default_manager.get(**key)
    except model.DoesNotExist:
        instance, outcome = model(**{**key, **values}), Outcome.CREATED
    else:
        changed = {name: value for name, value in values.items() if _differs(instance, name, value)}
        for name, value in changed.items():
            setattr(instance, name, value)
        outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
    if outcome != Outcome.UNCHANGED:
        instance.full_clean()
        instance._change_reason = reason
        instance.save()
    for name, objects in (related or {}).items():
        manager = getattr(instance, name)
        if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in objects}:
            manager.set(objects)
            if outcome == Outcome.UNCHANGED:
                outcome = Outcome.UPDATED
    return instance, outcome
