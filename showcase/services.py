"""Loading the showcase record, which spans both apps, under one transaction."""

from collections import Counter, defaultdict

from django.db import transaction

from showcase import record
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
from sistercities.services import Outcome, instance_sync
from visits.models import DelegationMember, Event, Meeting, Quote, Visit


@transaction.atomic
def showcase_load() -> dict[str, Counter[Outcome]]:
    """Load the Osmangazi–Kapchagay record of `showcase/record.py`.

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

    cities = {slug: sync(City, {"slug": slug}, values) for slug, values in record.CITIES.items()}
    for (city, year), values in record.FORMER_CITY_NAMES.items():
        sync(FormerCityName, {"city": cities[city], "used_until_year": year}, values)
    organisations = {
        key: sync(Organisation, {"name_en": values["name"]["en"]}, values, city=cities)
        for key, values in record.ORGANISATIONS.items()
    }
    people = {slug: sync(Person, {"slug": slug}, values) for slug, values in record.PEOPLE.items()}
    areas = {
        slug: sync(CooperationArea, {"slug": slug}, values)
        for slug, values in record.COOPERATION_AREAS.items()
    }
    sources = {
        (title, publisher): sync(Source, {"title": title, "publisher": publisher}, values)
        for (title, publisher), values in record.SOURCES.items()
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
        for slug, values in record.RELATIONSHIPS.items()
    }
    for (relationship, status, date), values in record.STATUS_CHANGES.items():
        key = {"relationship": relationships[relationship], "status": status, "date": date}
        sync(StatusChange, key, values, sources=sources)
    for slug, values in record.PROTOCOLS.items():
        sync(Protocol, {"slug": slug}, values, relationship=relationships, sources=sources)
    events = {
        name: sync(Event, {"name_en": name}, values) for name, values in record.EVENTS.items()
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
        for slug, values in record.VISITS.items()
    }
    for (visit, person), values in record.DELEGATION_MEMBERS.items():
        key = {"visit": visits[visit], "person": people[person]}
        sync(DelegationMember, key, values, organisation=organisations)
    for (visit, order), values in record.MEETINGS.items():
        key = {"visit": visits[visit], "order": order}
        sync(Meeting, key, values, organisation=organisations, host=people)
    for (visit, order), values in record.QUOTES.items():
        sync(Quote, {"visit": visits[visit], "order": order}, values, speaker=people)
    return tally
