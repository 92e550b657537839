"""Small files that declare huge sheets, or make a parser work hard: each is refused with a
clear message, fast and within bounded memory, by the reader, the admin and the command.

The reader runs in a forked child with its address space limited, so that a regression
(calamine asking for 512 GB) fails one test instead of killing the test run; the child
measures its own peak resident memory (Linux's VmHWM, reset through clear_refs)."""

import json
import os
import resource
import signal
import time
import tracemalloc
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from importing.reading import ImportRefused, read_file
from tests.helpers import hostile
from tests.helpers.importing import row_counts
from tests.importing.test_admin_import import staff_client, upload

LIMIT_MESSAGE = "a list may have at most 50,000 rows and 100 columns"
SECONDS = 2
MEGABYTES = 50

HOSTILE = {
    # Each declares or holds a cell at the sheet's last row and column.
    "xlsx_last_cell": lambda: hostile.xlsx_with_cell("XFD1048576"),
    "xlsx_last_cell_undeclared": lambda: hostile.xlsx_with_cell("XFD1048576", "A1:D2"),
    "xlsx_declared_last_cell": lambda: hostile.xlsx_declaring("A1:XFD1048576"),
    "xlsx_row_400000": lambda: hostile.xlsx_with_cell("D400000"),
    "xlsx_row_of_5000_digits": lambda: hostile.xlsx_declaring("A1:A" + "9" * 5000),
    "ods_repeated_to_the_end": lambda: hostile.ods_repeated(1_000_000, 16384),
    "ods_4000_squared": lambda: hostile.ods_repeated(4000, 4000),
    "xls_last_cell": lambda: hostile.xls_with_cell(65535, 255),
    "csv_of_quotes": lambda: hostile.quotes_csv(65536),
}


def _status(key: str) -> int:
    """A line of /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) // 1024
    raise LookupError(key)


def read_in_a_child(data: bytes) -> dict:
    """read_file(data) in a forked child limited to 3 GB more address space: how it ended,
    in how many seconds, growing its resident memory by how many MB."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(reader)
            limit = (_status("VmSize") + 3 * 1024) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))
            signal.alarm(60)
            Path("/proc/self/clear_refs").write_text("5")  # the peak is now the current size
            before, start = _status("VmRSS"), time.perf_counter()
            try:
                outcome = f"read {read_file(data).row_count} rows"
            except ImportRefused as error:
                outcome = f"refused: {error}"
            except Exception as error:  # a regression: reported, not a silent child
                outcome = f"{type(error).__name__}: {error}"
            result = {
                "outcome": outcome,
                "seconds": time.perf_counter() - start,
                "megabytes": _status("VmHWM") - before,
            }
            os.write(writer, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        answer = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    died = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"status {status}"
    assert answer, f"the reader died: {died}"
    return json.loads(answer)


pytestmark = pytest.mark.skipif(
    not os.access("/proc/self/clear_refs", os.W_OK), reason="measures memory through Linux's /proc"
)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {name: build() for name, build in HOSTILE.items()}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_fast_within_bounded_memory(files, name):
    result = read_in_a_child(files[name])
    assert LIMIT_MESSAGE in result["outcome"], result
    assert result["seconds"] < SECONDS, result
    assert result["megabytes"] < MEGABYTES, result


@pytest.mark.django_db
@pytest.mark.parametrize("name", HOSTILE)
def test_the_admin_refuses_a_hostile_file(client, django_user_model, showcase, files, name):
    client = staff_client(client, django_user_model, "Editor")
    client.get(reverse("relationship-import:upload"))  # the admin's first page, once
    before = row_counts()
    start = time.perf_counter()
    response = upload(client, files[name])
    assert time.perf_counter() - start < SECONDS
    assert response.status_code == 200
    assert LIMIT_MESSAGE in str(response.context["form"].errors["file"])
    tracemalloc.start()  # again, measuring what Python allocates (and slower)
    try:
        upload(client, files[name])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEGABYTES * 1024 * 1024
    assert row_counts() == before
    assert not default_storage.exists("imports") or not default_storage.listdir("imports")[1]


@pytest.mark.django_db
@pytest.mark.parametrize("name", HOSTILE)
def test_the_command_refuses_a_hostile_file(showcase, files, name, tmp_path):
    path = tmp_path / name
    path.write_bytes(files[name])
    before = row_counts()
    start = time.perf_counter()
    with pytest.raises(CommandError, match=LIMIT_MESSAGE):
        call_command("import_relationships", str(path), "--commit", verbosity=0)
    assert time.perf_counter() - start < SECONDS
    assert row_counts() == before


def test_shared_strings_declaring_a_huge_count_are_refused():
    """calamine reserves room for the declared count when it opens the file."""
    result = read_in_a_child(hostile.xlsx_with_shared_strings(10**11))
    assert "cannot be read as a spreadsheet (its structure is broken)" in result["outcome"]
    assert result["seconds"] < SECONDS, result
    assert read_in_a_child(hostile.xlsx_with_shared_strings(1))["outcome"] == "read 1 rows"


def test_libreoffice_empty_rows_to_the_sheet_end_are_not_the_list():
    """LibreOffice ends every sheet with its empty rows repeated to row 1,048,576."""
    result = read_in_a_child(hostile.ods_repeated(1_048_000, 1024, filled=False))
    assert result["outcome"] == "read 1 rows", result
    assert result["megabytes"] < MEGABYTES, result


def test_a_sheet_just_within_the_limits_is_read():
    result = read_in_a_child(hostile.xlsx_with_cell("D50000"))
    assert result["outcome"] == "read 2 rows", result  # the cell's row lacks a city
    assert result["megabytes"] < MEGABYTES, result


def test_a_csv_beyond_the_row_limit_is_refused():
    data = b"city,country,partner city,partner country\n" + b"a,TR,b,SY\n" * 50_000
    with pytest.raises(ImportRefused, match="reaches row 50,001 and column 4; " + LIMIT_MESSAGE):
        read_file(data)


def _fastest(data: bytes) -> float:
    times = []
    for _attempt in range(3):
        start = time.perf_counter()
        with pytest.raises(ImportRefused):
            read_file(data)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("prefix", [b"", b"x\n"], ids=["one_line", "after_a_header"])
def test_telling_the_delimiter_takes_time_linear_in_the_file(prefix):
    small = _fastest(prefix + hostile.quotes_csv(64 * 1024))
    large = _fastest(prefix + hostile.quotes_csv(1024 * 1024))  # 16 times as large
    assert small < SECONDS and large < SECONDS
    assert large / max(small, 0.001) < 40
