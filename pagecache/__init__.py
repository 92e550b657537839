"""The public pages, cached per language in Django's cache and invalidated by content changes.

Framework-level: it knows tags, versions and pages, not the portal's models. The content
apps tell it which pages an object appears on (`invalidation.follow`) and when scheduled
content goes public (`schedule.set_source`), from their AppConfig.ready().
"""
