"""A content change bumps, once its transaction commits, the tags of the pages it touches.

A content app calls `follow(app_label, tags_of)` from its AppConfig.ready(): the signals of
each of its models (saves, deletions, many-to-many changes) then bump "lists" and the tags
`tags_of(instance)` names. The state before a save or deletion counts too, so an object
moved to another page leaves both. A deletion, a removal from a many-to-many field and a
save that `withdraws(before, after)` calls a withdrawal (unpublishing) are withdrawals: no
older copy of their pages is served stale. `pages_of(instance)` names the addresses to
render again in the background once the change commits (pagecache.rendering); after a
withdrawing save, those it was on before, so that their readers wait for a render under
way rather than render them. Bulk writes send no signals: whatever writes through
`bulk_create`, `QuerySet.update()` or raw SQL calls `tags.content_changed()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from simple_history.models import HistoricalChanges

from pagecache.rendering import render_on_commit
from pagecache.tags import ALL, bump_on_commit


@dataclass(frozen=True)
class Followed:
    tags_of: Callable[[object], set[str]]
    withdraws: Callable[[object, object], bool]
    pages_of: Callable[[object], list[str]]


# How the pages of each followed app's objects are found, by app label.
_followed: dict[str, Followed] = {}


def follow(app_label: str, tags_of, withdraws=None, pages_of=None) -> None:
    """Invalidate the pages of every model of the app (history tables aside) on change."""
    _followed[app_label] = Followed(
        tags_of, withdraws or (lambda before, after: False), pages_of or (lambda instance: [])
    )
    for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
        if issubclass(model, HistoricalChanges):
            continue
        uid = f"page-cache-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        if model._meta.auto_created:  # the through table of a many-to-many field
            m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def _of(instance) -> Followed:
    return _followed[instance._meta.app_label]


def _before_save(sender, instance, raw=False, **kwargs):
    """The pages that showed the object as it was: it may leave them (a visit moved)."""
    if raw or instance._state.adding:
        return
    before = sender._base_manager.filter(pk=instance.pk).first()
    if before is not None:
        instance._page_tags_before = _of(before).tags_of(before)
        if _of(before).withdraws(before, instance):
            instance._page_withdrawn_from = _of(before).pages_of(before)


def _saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_page_tags_before", set())
    withdrawn_from = instance.__dict__.pop("_page_withdrawn_from", None)
    if raw:
        bump_on_commit({ALL}, withdrawal=True)
        return
    followed = _of(instance)
    bump_on_commit(before | followed.tags_of(instance), withdrawal=withdrawn_from is not None)
    if withdrawn_from is not None:  # rendered without it, or 404
        render_on_commit(lambda: withdrawn_from, urgent=True)
    else:
        render_on_commit(lambda: followed.pages_of(instance))


def _deleted(sender, instance, **kwargs):
    bump_on_commit(_of(instance).tags_of(instance), withdrawal=True)


def _m2m_changed(action, instance, reverse, **kwargs):
    if action.startswith("post_"):
        withdrawal = action != "post_add"
        bump_on_commit({ALL} if reverse else _of(instance).tags_of(instance), withdrawal)
