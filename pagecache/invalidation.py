"""A content change bumps, once its transaction commits, the tags of the pages it touches.

A content app calls `follow(app_label, tags_of)` from its AppConfig.ready(): the signals of
each of its models (saves, deletions, many-to-many changes) then bump "lists" and the tags
`tags_of(instance)` names. The state before a save or deletion counts too, so an object
moved to another page leaves both. A deletion, a removal from a many-to-many field and a
save that `withdraws(before, after)` calls a withdrawal (unpublishing) are withdrawals: no
older copy of their pages is served stale, and the write renders the cached ones itself
before the change shows (`withdraw`). `pages_of(instance)` names the addresses to render
again in the background once any other change commits (pagecache.rendering). Bulk writes
send no signals: whatever writes through `bulk_create`, `QuerySet.update()` or raw SQL
calls `tags.content_changed()`.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from simple_history.models import HistoricalChanges

from pagecache import registry, rendering
from pagecache.rendering import render_on_commit
from pagecache.tags import ALL, LISTS, bump, bump_on_commit, versions_to_come

# At most this many cached pages are rendered by the write that withdraws their content
# (the most recently stored first); the readers of the rest render them.
WITHDRAWAL_RENDERS = 30


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
        instance._page_withdrawn = _of(before).withdraws(before, instance)


def _saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_page_tags_before", set())
    withdrawn = instance.__dict__.pop("_page_withdrawn", False)
    if raw:
        bump_on_commit({ALL}, withdrawal=True)
        return
    followed = _of(instance)
    if withdrawn:
        withdraw_on_commit(before | followed.tags_of(instance))
    else:
        bump_on_commit(before | followed.tags_of(instance))
        render_on_commit(lambda: followed.pages_of(instance))


def _deleted(sender, instance, **kwargs):
    withdraw_on_commit(_of(instance).tags_of(instance))


def _m2m_changed(action, instance, reverse, **kwargs):
    if not action.startswith("post_"):
        return
    tags = {ALL} if reverse else _of(instance).tags_of(instance)
    if action == "post_add":
        bump_on_commit(tags)
    else:
        withdraw_on_commit(tags)


def withdraw_on_commit(tags: set[str]) -> None:
    transaction.on_commit(lambda: withdraw(tags), robust=True)


def withdraw(tags: set[str]) -> None:
    """Once content is withdrawn: render the cached pages of its tags in this thread, then
    bump the tags to the version those renders recorded, so that readers go on getting a
    current copy, the one rendered without it. The versions come with the withdrawal mark:
    every copy rendered before is out of date and never served stale. Until the bump, for
    as long as the renders take, readers still get the copies from before. A withdrawal
    of "all" (bulk writes, raw saves) renders nothing: every page would be rendered."""
    version = time.time_ns()
    try:
        if ALL not in tags:
            with versions_to_come(tags, version):
                for url in registry.pages_showing({*tags, LISTS}, WITHDRAWAL_RENDERS):
                    rendering.render_now(url)
    finally:
        bump(tags, withdrawal=True, version=version)
