"""Writes that touch several models, each under one transaction."""

from collections import Counter, defaultdict
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from sistercities import showcase
from sistercities.models import (
    City,
    CooperationArea,
    FormerCityName,
    Organisation,
    Person,
    Protocol,
    Relationship,
    Source,
    StatusChange,
)
from visits.models import DelegationMember, Event, Meeting, Quote, Visit


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


@transaction.atomic
def showcase_load() -> dict[str, Counter[Outcome]]:
    """Load the Osmangazi–Kapchagay record of `sistercities/showcase.py`.

    Returns how many rows of each model were created, updated or left unchanged.
    """
    tally: dict[str, Counter[Outcome]] = defaultdict(Counter)

    def sync(model, key, values, **references):
        """Sync one row: {language: text} becomes name_tr, name_en…; keys named in
        `references` become the objects they stand for (lists for many-to-many)."""
        fields, related = {}, {}
        for name, value in values.items():
            if name in references:
                table = references[name]
                value = [table[k] for k in value] if isinstance(value, list) else table[value]
            if isinstance(value, dict):
                fields.update({f"{name}_{language}": text for language, text in value.items()})
            elif model._meta.get_field(name).many_to_many:
                related[name] = value
            else:
                fields[name] = value
        instance, outcome = instance_sync(
            model=model, key=key, values=fields, related=related, reason="load_showcase"
        )
        tally[str(model._meta.verbose_name_plural)][outcome] += 1
        return instance

    cities = {slug: sync(City, {"slug": slug}, values) for slug, values in showcase.CITIES.items()}
    for (city, year), values in showcase.FORMER_CITY_NAMES.items():
        sync(FormerCityName, {"city": cities[city], "used_until_year": year}, values)
    organisations = {
        key: sync(Organisation, {"name_en": values["name"]["en"]}, values, city=cities)
        for key, values in showcase.ORGANISATIONS.items()
    }
    people = {
        slug: sync(Person, {"slug": slug}, values) for slug, values in showcase.PEOPLE.items()
    }
    areas = {
        slug: sync(CooperationArea, {"slug": slug}, values)
        for slug, values in showcase.COOPERATION_AREAS.items()
    }
    sources = {
        (title, publisher): sync(Source, {"title": title, "publisher": publisher}, values)
        for (title, publisher), values in showcase.SOURCES.items()
    }
    relationships = {
        slug: sync(
            Relationship,
            {"slug": slug},
            values,
            home_city=cities,
            partner_city=cities,
            areas=areas,
            sources=sources,
        )
        for slug, values in showcase.RELATIONSHIPS.items()
    }
    for (relationship, status, date), values in showcase.STATUS_CHANGES.items():
        key = {"relationship": relationships[relationship], "status": status, "date": date}
        sync(StatusChange, key, values, sources=sources)
    for slug, values in showcase.PROTOCOLS.items():
        sync(Protocol, {"slug": slug}, values, relationship=relationships, sources=sources)
    events = {
        name: sync(Event, {"name_en": name}, values) for name, values in showcase.EVENTS.items()
    }
    visits = {
        slug: sync(
            Visit,
            {"slug": slug},
            values,
            relationship=relationships,
            related_event=events,
            sources=sources,
        )
        for slug, values in showcase.VISITS.items()
    }
    for (visit, person), values in showcase.DELEGATION_MEMBERS.items():
        key = {"visit": visits[visit], "person": people[person]}
        sync(DelegationMember, key, values, organisation=organisations)
    for (visit, order), values in showcase.MEETINGS.items():
        key = {"visit": visits[visit], "order": order}
        sync(Meeting, key, values, organisation=organisations, host=people)
    for (visit, order), values in showcase.QUOTES.items():
        sync(Quote, {"visit": visits[visit], "order": order}, values, speaker=people)
    return tally
