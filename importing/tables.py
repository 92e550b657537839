"""A list's cells as rows of text, whatever file it came in.

- **CSV** in any encoding `decoding` knows, its delimiter (comma, semicolon or tab) told by
  the header: the one that splits it into the most known column names, else the one found
  most often outside quotes, else a comma. Both are one pass over the header line
  (csv.Sniffer, which took 14 s on 64 KB of `,"`, is not used).
- **Spreadsheets** (.xlsx, .ods, and Excel 97–2003 .xls), the first sheet, read by
  python-calamine. Numbers come as written ("1985", not "1985.0"), dates as ISO dates, a
  formula as its computed value. A spreadsheet is a ZIP archive: one that would unpack to
  more than `MAX_UNPACKED` bytes is refused before it is opened, as is one whose sheet
  reaches beyond `bounds.MAX_ROWS` or `bounds.MAX_COLUMNS` (`bounds`); its rows are then
  taken one by one.

Every cell is at most `MAX_CELL` characters; a larger one refuses the file with its line
number, as does a CSV line Python's csv module cannot read, and a CSV of more rows or
columns than a sheet may have. A table can be kept as JSON (`Table.to_json`), so that the
admin's preview and confirmation read the file's cells without reading the file again.
"""

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from python_calamine import CalamineError, CalamineWorkbook

from importing.bounds import MAX_COLUMNS, MAX_ROWS, check_spreadsheet, refuse_beyond_limits
from importing.columns import COLUMN_NAMES, TWIN_CITIES, header_name
from importing.decoding import decode
from importing.problems import ImportRefused

MAX_CELL = 131072  # the csv module's own default limit
MAX_UNPACKED = 200 * 1024 * 1024
DELIMITERS = {",": gettext_lazy("comma"), ";": gettext_lazy("semicolon"), "\t": gettext_lazy("tab")}
CSV = "CSV"
KINDS = {
    "zip": gettext_lazy("spreadsheet (.xlsx or .ods)"),
    "xls": gettext_lazy("Excel 97–2003 spreadsheet (.xls)"),
    "xlsx": gettext_lazy("Excel spreadsheet (.xlsx)"),
    "ods": gettext_lazy("OpenDocument spreadsheet (.ods)"),
}
SPREADSHEETS = {b"PK\x03\x04": "zip", b"\xd0\xcf\x11\xe0": "xls"}
# What a spreadsheet's ZIP archive holds tells which one it is.
ZIPPED = {"xl/workbook.xml": "xlsx", "content.xml": "ods"}
_KNOWN = {name for names in COLUMN_NAMES.values() for name in names} | set(TWIN_CITIES.values())


@dataclass
class Table:
    kind: str  # CSV or a key of KINDS
    encoding: str  # "" for a spreadsheet
    delimiter: str  # "" for a spreadsheet
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (line, cells), empty lines left out, read once

    def describe(self) -> str:
        if self.kind != CSV:
            return str(KINDS[self.kind])
        return _("CSV, %(encoding)s, separated by %(delimiter)s") % {
            "encoding": self.encoding,
            "delimiter": DELIMITERS[self.delimiter],
        }

    def kept(self) -> "Table":
        """The table with its rows in a list, to be read more than once."""
        rows = self.rows if isinstance(self.rows, list) else list(self.rows)
        return Table(self.kind, self.encoding, self.delimiter, self.header, rows)

    def to_json(self) -> bytes:
        fields = ("kind", "encoding", "delimiter", "header")
        return json.dumps(
            {**{name: getattr(self, name) for name in fields}, "rows": list(self.rows)},
            ensure_ascii=False,
        ).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Table":
        """Raises ValueError (or KeyError, TypeError) for what `to_json` did not write."""
        kept = json.loads(data)
        table = cls(kept["kind"], kept["encoding"], kept["delimiter"], kept["header"], [])
        table.rows = [(line, cells) for line, cells in kept["rows"]]
        if table.kind != CSV and table.kind not in KINDS:
            raise ValueError(table.kind)
        return table


def read_table(data: bytes, *, encoding: str = "") -> Table:
    for magic, kind in SPREADSHEETS.items():
        if data.startswith(magic):
            return _spreadsheet(data, kind)
    text, encoding = decode(data, encoding)
    if not text.strip():
        raise ImportRefused(_("The file is empty."))
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = _csv_rows(reader)
    first = next(rows, None)
    if first is None:
        raise ImportRefused(_("The file is empty."))
    return Table(CSV, encoding, delimiter, first[1], rows)


def _csv_rows(reader) -> Iterator[tuple[int, list[str]]]:
    """The records, each checked; the file refused at a row or column beyond the limits."""
    count = 0
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
        if len(cells) > MAX_COLUMNS:
            if any(cell.strip() for cell in cells[MAX_COLUMNS:]):
                refuse_beyond_limits(reader.line_num, len(cells))
            del cells[MAX_COLUMNS:]
        if any(cell.strip() for cell in cells):
            count += 1
            if count > MAX_ROWS:
                refuse_beyond_limits(reader.line_num, len(cells))
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
    """The delimiter of the header line, in time linear in its length."""
    end = text.find("\n")
    first_line = text[: end if end >= 0 else len(text)]

    def known(delimiter: str) -> int:
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:  # a header cell larger than MAX_CELL: then no name is known
            return 0
        return sum(header_name(cell) in _KNOWN for cell in cells[: MAX_COLUMNS + 1])

    names = {delimiter: known(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=names.__getitem__)
    if names[best]:
        return best
    # Outside quotes: the even pieces between double quotes ("" inside a cell included).
    outside = first_line.split('"')[::2]
    counts = {
        delimiter: sum(piece.count(delimiter) for piece in outside) for delimiter in DELIMITERS
    }
    best = max(DELIMITERS, key=counts.__getitem__)
    return best if counts[best] else ","


def _spreadsheet(data: bytes, kind: str) -> Table:
    archive = None
    if kind == "zip":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = archive.infolist()
        except (zipfile.BadZipFile, ValueError, OSError):
            archive, members = None, []
        unpacked = sum(member.file_size for member in members)
        names = {member.filename for member in members}
        kind = next((named for name, named in ZIPPED.items() if name in names), kind)
        if unpacked > MAX_UNPACKED:
            raise ImportRefused(
                _("The spreadsheet would unpack to %(size)s MB; the limit is %(limit)s MB.")
                % {"size": unpacked // 1024 // 1024, "limit": MAX_UNPACKED // 1024 // 1024}
            )
    if kind == "zip":  # calamine would read others (.xlsb) without `bounds`' checks
        raise ImportRefused(
            _("The file cannot be read as a spreadsheet (%(reason)s).")
            % {"reason": _("it is neither an .xlsx nor an .ods file")}
        )
    check_spreadsheet(data, archive)
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        values = sheet.iter_rows()
    except (CalamineError, ValueError, IndexError, OSError) as error:
        raise ImportRefused(
            _("The file cannot be read as a spreadsheet (%(reason)s).") % {"reason": error}
        ) from None
    rows = _sheet_rows(values)
    first = next(rows, None)
    if first is None:
        raise ImportRefused(_("The file is empty."))
    return Table(kind, "", "", first[1], rows)


def _sheet_rows(values: Iterator[list]) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows that hold something, numbered from 1 as the sheet numbers them
    (calamine's rows start at the first, its columns at the first that holds a cell)."""
    for number, row in enumerate(values, start=1):
        if number > MAX_ROWS:  # `bounds` refused such a sheet: calamine reads it otherwise
            refuse_beyond_limits(number, len(row))
        if any(value not in ("", None) for value in row):
            yield _checked((number, [_text(value) for value in row[:MAX_COLUMNS]]))


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return "" if value is None else str(value)
