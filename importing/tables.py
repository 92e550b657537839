"""A list's cells as rows of text, whatever file it came in.

- **CSV** in any encoding `decoding` knows, its delimiter (comma, semicolon or tab) told by
  the header: the one that splits it into the most known column names, else the one
  Python's csv.Sniffer finds, else a comma.
- **Spreadsheets** (.xlsx, .ods, and Excel 97–2003 .xls), the first sheet, read by
  python-calamine. Numbers come as written ("1985", not "1985.0"), dates as ISO dates, a
  formula as its computed value. A spreadsheet is a ZIP archive: one that would unpack to
  more than `MAX_UNPACKED` bytes is refused before it is opened.

Every cell is at most `MAX_CELL` characters; a larger one refuses the file with its line
number, as does a CSV line Python's csv module cannot read.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from python_calamine import CalamineError, CalamineWorkbook

from importing.columns import COLUMNS, TWIN_CITIES, header_name
from importing.decoding import decode
from importing.problems import ImportRefused

MAX_CELL = 131072  # the csv module's own default limit
MAX_UNPACKED = 200 * 1024 * 1024
DELIMITERS = {",": gettext_lazy("comma"), ";": gettext_lazy("semicolon"), "\t": gettext_lazy("tab")}
CSV = "CSV"
SPREADSHEETS = {
    b"PK\x03\x04": gettext_lazy("spreadsheet (.xlsx or .ods)"),
    b"\xd0\xcf\x11\xe0": gettext_lazy("Excel 97–2003 spreadsheet (.xls)"),
}
# What a spreadsheet's ZIP archive holds tells which one it is.
ZIPPED = {
    "xl/workbook.xml": gettext_lazy("Excel spreadsheet (.xlsx)"),
    "content.xml": gettext_lazy("OpenDocument spreadsheet (.ods)"),
}
_KNOWN = {name for names in COLUMNS.values() for name in names} | set(TWIN_CITIES.values())


@dataclass
class Table:
    kind: str  # CSV or a spreadsheet's description
    encoding: str  # "" for a spreadsheet
    delimiter: str  # "" for a spreadsheet
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (line, cells), empty lines left out

    def describe(self) -> str:
        if self.kind != CSV:
            return str(self.kind)
        return _("CSV, %(encoding)s, separated by %(delimiter)s") % {
            "encoding": self.encoding,
            "delimiter": DELIMITERS[self.delimiter],
        }


def read_table(data: bytes, *, encoding: str = "") -> Table:
    for magic, kind in SPREADSHEETS.items():
        if data.startswith(magic):
            return _spreadsheet(data, kind)
    text, encoding = decode(data, encoding)
    if not text.strip():
        raise ImportRefused(_("The file is empty."))
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _checked(next(_csv_rows(reader)))[1]
    return Table(CSV, encoding, delimiter, header, _csv_rows(reader))


def _csv_rows(reader) -> Iterator[tuple[int, list[str]]]:
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportRefused(
                _("Line %(line)s cannot be read: %(reason)s. The file is refused.")
                % {"line": reader.line_num, "reason": _cell_error(error)}
            ) from None
        if any(cell.strip() for cell in cells):
            yield _checked((reader.line_num, cells))


def _cell_error(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return _("a cell is larger than %(limit)s characters") % {"limit": MAX_CELL}
    return str(error)


def _checked(row: tuple[int, list[str]]) -> tuple[int, list[str]]:
    line, cells = row
    for cell in cells:
        if len(cell) > MAX_CELL:
            raise ImportRefused(
                _(
                    "Line %(line)s cannot be read: a cell is larger than %(limit)s characters. "
                    "The file is refused."
                )
                % {"line": line, "limit": MAX_CELL}
            )
    return row


def _delimiter(text: str) -> str:
    first_line = text[: text.find("\n") if "\n" in text else len(text)]

    def known(delimiter: str) -> int:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(header_name(cell) in _KNOWN for cell in cells)

    best = max(DELIMITERS, key=known)
    if known(best):
        return best
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


def _spreadsheet(data: bytes, kind: str) -> Table:
    if data.startswith(b"PK"):
        try:
            members = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, ValueError, OSError):
            members = []  # calamine says what is wrong with it
        unpacked = sum(member.file_size for member in members)
        names = {member.filename for member in members}
        kind = next((named for name, named in ZIPPED.items() if name in names), kind)
        if unpacked > MAX_UNPACKED:
            raise ImportRefused(
                _("The spreadsheet would unpack to %(size)s MB; the limit is %(limit)s MB.")
                % {"size": unpacked // 1024 // 1024, "limit": MAX_UNPACKED // 1024 // 1024}
            )
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError, OSError) as error:
        raise ImportRefused(
            _("The file cannot be read as a spreadsheet (%(reason)s).") % {"reason": error}
        ) from None
    rows = (
        _checked((number, [_text(value) for value in row]))
        for number, row in enumerate(values, start=1)
        if any(value not in ("", None) for value in row)
    )
    first = next(rows, None)
    if first is None:
        raise ImportRefused(_("The file is empty."))
    return Table(kind, "", "", first[1], rows)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return "" if value is None else str(value)
