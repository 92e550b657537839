"""Rows the migrations make (the staff roles, the footer), made again by the same code
after a transactional test's flush has emptied every table."""

from importlib import import_module
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader


def ensure_staff_roles() -> None:
    """The Editor and Publisher groups of sistercities/migrations/0002_staff_roles.py."""
    if Group.objects.filter(name="Publisher").exists():
        return
    roles = import_module("sistercities.migrations.0002_staff_roles")
    state = MigrationLoader(connection).project_state(("sistercities", "0002_staff_roles"))
    roles.create_roles(state.apps, SimpleNamespace(connection=connection))


def ensure_site_footer() -> None:
    """The footer's office and notices, and the roles' rights on them."""
    from public.models import Notice

    ensure_staff_roles()
    if Notice.objects.exists():
        return
    defaults = import_module("public.migrations.0002_default_footer")
    state = MigrationLoader(connection).project_state(("public", "0002_default_footer"))
    defaults.create_defaults(state.apps, SimpleNamespace(connection=connection))
