from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

# Header, the 19 Osmangazi rows and a few others of twin_cities.csv (Hekman/twincities,
# commit 84ebdec; Wikipedia data, CC BY-SA), line for line as in the real file.
SLICE = Path(__file__).with_name("data") / "twin_cities_slice.csv"
OSMANGAZI_ROWS = 19


@pytest.fixture
def twin_cities() -> bytes:
    return SLICE.read_bytes()


@pytest.fixture
def showcase(db):
    call_command("load_showcase", verbosity=0)


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
