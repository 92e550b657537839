"""Reading an .xls's workbook stream without a library, to measure its sheets first."""

import pytest

from importing.bounds import check_spreadsheet
from importing.compound_file import BrokenFile, read_stream
from importing.reading import ImportRefused
from tests.helpers.compound_files import biff_cells, compound_file
from tests.helpers.spreadsheets import xls

NAMES = ("Workbook", "Book")


@pytest.mark.parametrize("size", [100, 4095, 4096, 10_000], ids=lambda size: f"{size}_bytes")
def test_a_stream_is_read_from_the_mini_stream_or_its_own_sectors(size):
    stream = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert read_stream(compound_file(stream), NAMES) == stream


def test_the_workbook_of_a_real_xls_is_found():
    stream = read_stream(xls([["city"], ["Osmangazi"]]), NAMES)
    assert stream[:2] == b"\x09\x08"  # BIFF's BOF record


def test_a_looping_chain_is_refused_not_followed_forever():
    data = bytearray(compound_file(b"x" * 5000))
    data[512 + 4 * 3 : 512 + 4 * 4] = (3).to_bytes(4, "little")  # sector 3 follows itself
    with pytest.raises(BrokenFile, match="loops"):
        read_stream(bytes(data), NAMES)


def test_a_cell_far_out_in_a_short_workbook_stream_is_refused():
    """A workbook of a few records sits in the mini stream: its cells are read there too."""
    data = compound_file(biff_cells((0, 0), (65535, 255)))
    with pytest.raises(ImportRefused, match="reaches row 65,536 and column 256"):
        check_spreadsheet(data, None)
    check_spreadsheet(compound_file(biff_cells((0, 0), (49_999, 99))), None)  # within
