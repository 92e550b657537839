"""A content change bumps, once its transaction commits, the tags of the pages it touches.

A content app calls `follow(app_label, tags_of)` from its AppConfig.ready(): the signals of
each of its models (saves, deletions, many-to-many changes) then bump "lists" and the tags
`tags_of(instance)` names. The state before a save or deletion counts too, so an object
moved to another page leaves both. Bulk writes send no signals: whatever writes through
`bulk_create`, `QuerySet.update()` or raw SQL calls `tags.content_changed()`.
"""

from collections.abc import Callable

from django.apps import apps
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from simple_history.models import HistoricalChanges

from pagecache.tags import ALL, bump_on_commit

TagsOf = Callable[[object], set[str]]

# The `tags_of` of each followed app, by app label.
_followed: dict[str, TagsOf] = {}


def follow(app_label: str, tags_of: TagsOf) -> None:
    """Invalidate the pages of every model of the app (history tables aside) on change."""
    _followed[app_label] = tags_of
    for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
        if issubclass(model, HistoricalChanges):
            continue
        uid = f"page-cache-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        if model._meta.auto_created:  # the through table of a many-to-many field
            m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def _tags_of(instance) -> set[str]:
    return _followed[instance._meta.app_label](instance)


def _before_save(sender, instance, raw=False, **kwargs):
    """The pages that showed the object as it was: it may leave them (a visit moved)."""
    if raw or instance._state.adding:
        return
    before = sender._base_manager.filter(pk=instance.pk).first()
    instance._page_tags_before = _tags_of(before) if before is not None else set()


def _saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_page_tags_before", set())
    bump_on_commit({ALL} if raw else before | _tags_of(instance))


def _deleted(sender, instance, **kwargs):
    bump_on_commit(_tags_of(instance))


def _m2m_changed(action, instance, reverse, **kwargs):
    if action.startswith("post_"):
        bump_on_commit({ALL} if reverse else _tags_of(instance))
