"""Which published content names a person, an organisation or a source: the one statement
behind Person.objects.public(), Organisation.objects.public() and Source.objects.public().

A mention is the rows of published content that name such a record (the signatories of
published protocols, the delegation members of public visits…) and the field of those rows
that names it; a record is public while one such row names it, and only then. sistercities
adds the mentions of its own content in its AppConfig.ready(); visits, which sistercities
may not import, adds those of public visits in its own. The rows are asked for at each
query, since what is public changes with the time (a scheduled visit's comes).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q


@dataclass(frozen=True)
class Mention:
    rows: Callable[[], models.QuerySet]  # the published rows that name a record
    field: str  # the field of those rows that names it


_mentions: dict[type[models.Model], list[Mention]] = {}


def add(model: type[models.Model], field: str, rows: Callable[[], models.QuerySet]) -> None:
    """Published `rows()` name records of `model` by their `field`."""
    _mentions.setdefault(model, []).append(Mention(rows, field))


def named_publicly(model: type[models.Model]) -> Q:
    """Records of `model` that published content names, each mention an EXISTS subquery;
    none before any app has said what names them."""
    conditions = [
        Exists(mention.rows().filter(**{mention.field: OuterRef("pk")}))
        for mention in _mentions.get(model, [])
    ]
    if not conditions:
        return Q(pk__in=[])
    return Q(*conditions, _connector=Q.OR)


def add_relationship_mentions() -> None:
    """What published relationships name: the signatories of their protocols and the
    organisations they stood for, and the sources of the relationships, their protocols and
    their status changes."""
    from sistercities.models import (
        Organisation,
        Person,
        Protocol,
        Relationship,
        Signatory,
        Source,
        StatusChange,
    )

    def signatories():
        return Signatory.objects.filter(protocol__in=Protocol.objects.published())

    def status_changes():
        return StatusChange.objects.filter(relationship__in=Relationship.objects.published())

    add(Person, "person", signatories)
    add(Organisation, "organisation", signatories)
    add(Source, "sources", Relationship.objects.published)
    add(Source, "sources", Protocol.objects.published)
    add(Source, "sources", status_changes)
