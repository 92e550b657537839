"""How large a list may be, and how large a spreadsheet is before it is opened.

python-calamine lays a sheet out as one rectangle from its first to its last cell, so a
1.5 KB file with a cell at XFD1048576 would ask for 512 GB. Each format's extent is read
here first, streaming and without keeping what is read, and a sheet beyond `MAX_ROWS` or
`MAX_COLUMNS` is refused before calamine sees it:

- **.xlsx**: the first sheet's declared `<dimension ref>`, and the position of every
  cell, since the declaration may be missing or lie (a cell without `r` follows the one
  before it, as calamine places it); and the shared strings' declared `uniqueCount`, for
  which calamine reserves room when it opens the file.
- **.ods**: every table (calamine reads them all), counting `number-rows-repeated` and
  `number-columns-repeated` of rows and cells that hold something; the empty rows
  repeated to the sheet's end that LibreOffice writes count for nothing.
- **.xls**: every sheet's DIMENSIONS record and the position of every cell record of the
  workbook stream (calamine reads every sheet).
"""

import functools
import re
import struct
import zipfile
from posixpath import join, normpath
from xml.parsers import expat

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from importing.compound_file import BrokenFile, read_stream
from importing.problems import ImportRefused

MAX_ROWS = 50_000  # the header included; Wikipedia's whole list has 25,918
MAX_COLUMNS = 100
_CHUNK = 1024 * 1024
_REFERENCE = re.compile(r"([A-Za-z]*)(\d*)")
_FAR = 12  # digits (or letters) of a reference beyond any sheet
_OFFICE_VALUES = {
    "office:value-type",
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "table:formula",
}
# BIFF cell records calamine reads, by type: each starts with its row and column.
_XLS_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006}
_XLS_MULRK, _XLS_DIMENSIONS = 0x00BD, 0x0200


class _Enough(Exception):
    """What was wanted of an XML member has been read."""


class _TooLarge(Exception):
    def __init__(self, rows: int, columns: int):
        self.rows, self.columns = rows, columns


def refuse_beyond_limits(rows: int, columns: int) -> None:
    """Refuse a list that reaches row `rows` or column `columns` (counted from 1)."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise ImportRefused(
            _(
                "The file reaches row %(rows)s and column %(columns)s; a list may have at "
                "most %(max_rows)s rows and %(max_columns)s columns. Delete what lies beyond "
                "the list (or copy the list alone into a new file) and try again."
            )
            % {
                name: number_format(value, force_grouping=True)
                for name, value in {
                    "rows": rows,
                    "columns": columns,
                    "max_rows": MAX_ROWS,
                    "max_columns": MAX_COLUMNS,
                }.items()
            }
        )


def check_spreadsheet(data: bytes, archive: zipfile.ZipFile | None) -> None:
    """Refuse a spreadsheet that would reach beyond the limits, or whose structure cannot
    be followed; a spreadsheet of another kind is left to calamine."""
    try:
        if archive is None:
            _xls(data)
        elif "xl/workbook.xml" in archive.namelist():
            _xlsx(archive)
        elif "content.xml" in archive.namelist():
            _ods(archive.open("content.xml"))
    except _TooLarge as extent:
        refuse_beyond_limits(extent.rows, extent.columns)
    except (BrokenFile, zipfile.BadZipFile, KeyError, OSError, struct.error):
        raise ImportRefused(
            _("The file cannot be read as a spreadsheet (%(reason)s).")
            % {"reason": _("its structure is broken")}
        ) from None
    except expat.ExpatError as error:
        raise ImportRefused(
            _("The file cannot be read as a spreadsheet (%(reason)s).") % {"reason": error}
        ) from None


def _seen(rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _TooLarge(rows, columns)


def _cell(reference: str) -> tuple[int, int]:
    """(row, column) of "B7", counted from 1; 0 for a part that is missing. calamine takes
    letters then digits and nothing else, or refuses the file."""
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        return 0, 0
    letters, digits = match.groups()
    digits = digits.lstrip("0")
    row = int(digits) if len(digits) <= _FAR else 10**_FAR  # far beyond either way
    column = _column(letters) if len(letters) <= 3 else _column.__wrapped__(letters[:_FAR])
    return row, column


@functools.lru_cache(maxsize=1024)
def _column(letters: str) -> int:
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return column


def _parse(stream, start, end=None) -> None:
    """Feed an XML member through expat in chunks: memory does not grow with its size."""
    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    with stream:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _xlsx(archive: zipfile.ZipFile) -> None:
    _parse(archive.open(_first_sheet(archive)), _SheetCells().start)
    if "xl/sharedStrings.xml" in archive.namelist():
        _shared_strings(archive.open("xl/sharedStrings.xml"))


class _SheetCells:
    """Where calamine places each cell of an .xlsx sheet: at its `r`, else after the cell
    before it, in its row (at the row's `r`, else the one after the row before)."""

    def __init__(self):
        self.row = self.column = 0  # from 1; 0 before the first
        self.local: dict[str, str] = {}  # element name: its name without a prefix

    def start(self, name, attributes):
        local = self.local.get(name)
        if local is None:
            local = self.local[name] = name.rpartition(":")[2]
        if local == "c":
            reference = attributes.get("r")
            if reference:
                row, self.column = _cell(reference)
            else:
                row, self.column = self.row, self.column + 1
            if row > MAX_ROWS or self.column > MAX_COLUMNS:
                raise _TooLarge(row, self.column)
        elif local == "row":
            reference = attributes.get("r")
            self.row = _cell(reference)[0] if reference else self.row + 1
            self.column = 0
        elif local == "dimension":
            _seen(*_cell(attributes.get("ref", "").rpartition(":")[2]))


def _shared_strings(stream) -> None:
    """A sheet within the limits has at most MAX_ROWS × MAX_COLUMNS strings."""

    def start(name, attributes):
        if _count(attributes.get("uniqueCount")) > MAX_ROWS * MAX_COLUMNS:
            raise BrokenFile("it declares more shared strings than a list may hold")
        raise _Enough  # the count is on the first element

    try:
        _parse(stream, start)
    except _Enough:
        pass


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The member of the workbook's first sheet, the one calamine reads."""
    sheets, targets = [], {}

    def sheet(name, attributes):
        if name.rpartition(":")[2] == "sheet":
            sheets.append(next((v for k, v in attributes.items() if k.endswith(":id")), ""))

    def relationship(name, attributes):
        if name.rpartition(":")[2] == "Relationship":
            targets[attributes.get("Id")] = attributes.get("Target", "")

    _parse(archive.open("xl/workbook.xml"), sheet)
    _parse(archive.open("xl/_rels/workbook.xml.rels"), relationship)
    target = targets.get(sheets[0] if sheets else None, "")
    if not target:
        raise BrokenFile("the workbook names no first sheet")
    return target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))


def _ods(stream) -> None:
    """Every table's last row and column holding something, repeats counted."""
    tables = []  # per table (a cell may hold one): [row, column, repeats of the row]

    def start(name, attributes):
        if name == "table:table":
            tables.append([0, 0, 1])
        elif not tables:
            return
        elif name == "table:table-row":
            tables[-1][1:] = [0, _count(attributes.get("table:number-rows-repeated"))]
        elif name in ("table:table-cell", "table:covered-table-cell"):
            table = tables[-1]
            table[1] += _count(attributes.get("table:number-columns-repeated"))
            if _OFFICE_VALUES.intersection(attributes):
                _seen(table[0] + table[2], table[1])

    def end(name):
        if name == "table:table":
            tables.pop()
        elif name == "table:table-row" and tables:
            tables[-1][0] += tables[-1][2]
            tables[-1][2] = 1

    _parse(stream, start, end)


def _count(text: str | None) -> int:
    try:
        return max(int(text), 1) if text else 1
    except ValueError:
        return 1


def _xls(data: bytes) -> None:
    stream = read_stream(data, ("Workbook", "Book"))
    if stream is None:
        raise BrokenFile("it holds no workbook")
    offset, size = 0, len(stream)
    while offset + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = offset + 4
        offset = body + length
        if kind in _XLS_CELLS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, body)
            _seen(row + 1, column + 1)
        elif kind == _XLS_MULRK and length >= 6:
            (row,) = struct.unpack_from("<H", stream, body)
            (last,) = struct.unpack_from("<H", stream, offset - 2)
            _seen(row + 1, last + 1)
        elif kind == _XLS_DIMENSIONS and length in (10, 14):
            layout = "<xxHxxH" if length == 10 else "<xxxxIxxH"
            _seen(*struct.unpack_from(layout, stream, body))  # each one past the last
