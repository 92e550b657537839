"""The slice of the real partner list, and what an import wrote."""

from pathlib import Path

from django.apps import apps

# Header, the 19 Osmangazi rows and a few others of twin_cities.csv (Hekman/twincities,
# commit 84ebdec; Wikipedia data, CC BY-SA), line for line as in the real file.
SLICE = Path(__file__).parents[1] / "importing" / "data" / "twin_cities_slice.csv"


def row_counts() -> dict[str, int]:
    """Rows in every table of the two apps, history and many-to-many tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("sistercities", "visits")
    }


def count_queries(action) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)
