"""Time and peak memory of importing Wikipedia's twin_cities.csv, whole and a quarter.

    DATABASE_URL=postgres://… .venv/bin/python bench/import_benchmark.py [FILE]

Each import runs with --all-pairs semantics (every pair becomes a relationship) on the
database DATABASE_URL names, migrated and with the showcase loaded, inside a transaction
that is rolled back afterwards, so the database is left as it was and each run starts from
the same state. Every size is run twice: once timed, once under tracemalloc for the peak of
Python allocations (tracemalloc slows the run down, so it is not timed). The process's
peak resident size is reported too.
"""

import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from importing.service import relationships_import  # noqa: E402

# The project lives beside ../shared, as on every machine of the team and in CI.
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "data" / "twin_cities.csv"


class RolledBack(Exception):
    pass


def run(data: bytes):
    """Import `data`; return the report, leaving the database unchanged."""
    try:
        with transaction.atomic():
            report = relationships_import(data=data, all_pairs=True, commit=True)
            raise RolledBack
    except RolledBack:
        return report


def measure(label: str, data: bytes) -> None:
    start = time.perf_counter()
    report = run(data)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    run(data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:>8}: {report.row_count:>6} rows → {len(report.new_pairs):>6} relationships, "
        f"{len(report.new_cities):>6} cities, {len(report.problems)} unusable rows | "
        f"{seconds:6.1f} s | peak Python allocations {peak / 1024 / 1024:6.1f} MB | "
        f"peak RSS so far {rss:6.1f} MB"
    )


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FILE
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_showcase", stdout=quiet)
    header, *rows = path.read_bytes().splitlines(keepends=True)
    print(f"{path.name} on {connection.vendor} ({connection.settings_dict['NAME']})")
    measure("quarter", header + b"".join(rows[: len(rows) // 4]))
    measure("full", header + b"".join(rows))


if __name__ == "__main__":
    main()
