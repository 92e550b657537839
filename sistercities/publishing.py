"""Who may change what the public sees: the one rule, and the one place every path asks.

A change of publication — publishing, scheduling or withdrawing a visit or a relationship,
moving a public visit or protocol into another relationship, changing or deleting a public
report's correction notes, deleting public content — needs the model's publish permission
(the Publisher's). Each publishable model states here, once, what the public sees of a
row's publication (its *face*); a save that changes the face of the stored row, a new row
that is public from the start, or the deletion of a row whose face is public is such a
change. The admin's forms, inline formsets, actions, history reverts and deletions and
the importer's "publish" ask `refusal()` / `deletion_refusal()` or call
`require_publish_permission()` before they write; commands (user None: the archive's
restore, the showcase) run with the operator's rights. visits registers its models in its
AppConfig.ready(), since this app cannot import it.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercities.models import Protocol, Relationship


@dataclass(frozen=True)
class PublicationRule:
    """What the public sees of one model's rows, and who may change it."""

    permission: str  # "visits.publish_visit"
    # What the public sees of a row's publication; a save that changes it publishes,
    # withdraws or moves public content. None: nothing of the row is public.
    face: Callable[[models.Model], Hashable]
    message: str  # why an attempt without the permission is refused
    field: str | None = None  # the form field the refusal belongs to
    # Whether a new row is public as soon as it is saved (a new protocol of a published
    # relationship is content, not publication: False).
    public_when_created: Callable[[models.Model], bool] = lambda instance: False
    # Makes a new row unpublished, for those who may not publish (a relationship added by
    # an Editor waits for a Publisher).
    withhold: Callable[[models.Model], None] | None = None


_rules: dict[type[models.Model], PublicationRule] = {}


def register(model: type[models.Model], rule: PublicationRule) -> None:
    _rules[model] = rule


def rule_for(model: type[models.Model]) -> PublicationRule | None:
    return _rules.get(model)


def may_publish(user, model: type[models.Model]) -> bool:
    """Whether `user` may change the publication of `model`'s rows. None is a command run
    on the server by its operator, who may."""
    rule = rule_for(model)
    return rule is None or user is None or user.has_perm(rule.permission)


def _stored(instance: models.Model) -> models.Model | None:
    if instance.pk is None:
        return None
    return type(instance)._base_manager.filter(pk=instance.pk).first()


def refusal(*, user, instance: models.Model) -> PublicationRule | None:
    """The rule a save of `instance` by `user` would break, or None when it may be saved."""
    rule = rule_for(type(instance))
    if rule is None or may_publish(user, type(instance)):
        return None
    stored = _stored(instance)
    if stored is None:
        return rule if rule.public_when_created(instance) else None
    return rule if rule.face(stored) != rule.face(instance) else None


def deletion_refusal(*, user, instance: models.Model) -> PublicationRule | None:
    """The rule a deletion of `instance` by `user` would break (it is public), or None."""
    rule = rule_for(type(instance))
    if rule is None or may_publish(user, type(instance)):
        return None
    stored = _stored(instance)
    return rule if stored is not None and rule.face(stored) is not None else None


def check_save(*, user, instance: models.Model) -> None:
    """Raise PermissionDenied with the rule's message where `refusal()` finds one: the last
    guard of a write whose form has already been checked."""
    rule = refusal(user=user, instance=instance)
    if rule is not None:
        raise PermissionDenied(rule.message)


def require_publish_permission(*, user, model: type[models.Model]) -> None:
    """For a write that publishes outright (an import with "publish", an action)."""
    if not may_publish(user, model):
        raise PermissionDenied(rule_for(model).message)


def withhold_if_needed(*, user, instance: models.Model) -> None:
    """A new row made by someone who may not publish starts unpublished."""
    rule = rule_for(type(instance))
    if instance.pk is None and rule and rule.withhold and not may_publish(user, type(instance)):
        rule.withhold(instance)


def relationship_set_published(*, relationship: Relationship, published: bool, user) -> bool:
    """Publish or withdraw a relationship; whether it changed."""
    require_publish_permission(user=user, model=Relationship)
    if relationship.is_published == published:
        return False
    relationship.is_published = published
    relationship._history_user = user
    relationship.save(update_fields=["is_published"])
    return True


def _relationship_is_published(relationship_id) -> bool:
    return Relationship.objects.filter(pk=relationship_id, is_published=True).exists()


def _withhold_relationship(relationship: Relationship) -> None:
    relationship.is_published = False


register(
    Relationship,
    PublicationRule(
        permission="sistercities.publish_relationship",
        face=lambda relationship: relationship.is_published or None,
        message=_("Only a publisher can publish a relationship or withdraw it."),
        field="is_published",
        public_when_created=lambda relationship: relationship.is_published,
        withhold=_withhold_relationship,
    ),
)
register(
    Protocol,
    PublicationRule(
        permission="sistercities.publish_relationship",
        # A protocol is public with its relationship: moving it into or out of a published
        # one publishes or withdraws it.
        face=lambda protocol: _relationship_is_published(protocol.relationship_id) or None,
        message=_(
            "Only a publisher can move a protocol into or out of a published relationship, "
            "or delete a public protocol."
        ),
        field="relationship",
    ),
)
