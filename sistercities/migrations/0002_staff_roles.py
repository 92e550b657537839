"""Staff roles: an Editor creates and edits content, a Publisher can also publish and delete.

Permissions are normally created after `migrate` (post_migrate signal); this migration
creates the ones it needs first so that the groups can be filled on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ("sistercities", "visits")
CONTENT_MODELS = {
    "sistercities": (
        "source",
        "city",
        "formercityname",
        "organisation",
        "person",
        "cooperationarea",
        "relationship",
        "statuschange",
        "protocol",
        "signatory",
    ),
    "visits": (
        "event",
        "visit",
        "delegationmember",
        "meeting",
        "quote",
        "photo",
        "correction",
    ),
}
# Edited only as part of their parent's page, so an Editor may remove a line.
INLINE_CHILD_MODELS = (
    "formercityname",
    "statuschange",
    "signatory",
    "delegationmember",
    "meeting",
    "quote",
    "photo",
    "correction",
)


def _ensure_permissions(apps, using):
    for label in APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True  # create_permissions skips apps without models
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    _ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.using(using).get(
            content_type__app_label=app_label, codename=codename
        )

    editor, publisher = [], []
    for app_label, models in CONTENT_MODELS.items():
        for model in models:
            edit = [
                permission(app_label, f"{action}_{model}") for action in ("add", "change", "view")
            ]
            delete = permission(app_label, f"delete_{model}")
            editor += [*edit, delete] if model in INLINE_CHILD_MODELS else edit
            publisher += [*edit, delete]
    publisher.append(permission("visits", "publish_visit"))

    for name, permissions in (("Editor", editor), ("Publisher", publisher)):
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=["Editor", "Publisher"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sistercities", "0001_initial"),
        ("visits", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
