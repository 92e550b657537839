"""Small files that declare huge sheets or make a parser work hard: what an outside probe
sent the importer. Each is a real file, built here, a few kilobytes large."""

import io
import re
import zipfile

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from tests.helpers.spreadsheets import xlsx

HEADER = ["city", "country", "partner city", "partner country"]
ROW = ["Osmangazi", "TR", "Aleppo", "SY"]


def _edit_sheet(data: bytes, edit) -> bytes:
    """The .xlsx `data` with its first sheet's XML passed through `edit`."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = edit(content.decode()).encode()
            target.writestr(member, content)
    return out.getvalue()


def xlsx_with_cell(ref: str, dimension: str | None = None) -> bytes:
    """A two-row list plus one cell at `ref`, the sheet declaring `dimension` (by default
    the truth, A1 to that cell)."""
    row = int(re.sub(r"[A-Z]", "", ref))
    dimension = dimension or f"A1:{ref}"

    def edit(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', xml)
        return xml.replace(
            "</sheetData>", f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'
        )

    return _edit_sheet(xlsx([HEADER, ROW]), edit)


def xlsx_declaring(dimension: str) -> bytes:
    """A two-row list whose sheet declares `dimension`."""
    return _edit_sheet(
        xlsx([HEADER, ROW]),
        lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', xml),
    )


def xlsx_with_shared_strings(unique_count: int) -> bytes:
    """A two-row list whose shared strings declare `unique_count` strings (holding one)."""
    source, out = zipfile.ZipFile(io.BytesIO(xlsx([HEADER, ROW]))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            f'.org/spreadsheetml/2006/main" count="1" uniqueCount="{unique_count}">'
            "<si><t>x</t></si></sst>",
        )
    return out.getvalue()


def ods_repeated(rows: int, columns: int, *, filled: bool = True) -> bytes:
    """A two-row list, then one row repeated `rows` times of a cell repeated `columns`
    times: holding "x" (`filled`) or empty, as LibreOffice ends every sheet."""
    document = OpenDocumentSpreadsheet()
    table = Table(name="Partner")
    for values in (HEADER, ROW):
        table_row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    repeated = TableRow(numberrowsrepeated=rows)
    if filled:
        cell = TableCell(valuetype="string", numbercolumnsrepeated=columns)
        cell.addElement(P(text="x"))
    else:
        cell = TableCell(numbercolumnsrepeated=columns)
    repeated.addElement(cell)
    table.addElement(repeated)
    document.spreadsheet.addElement(table)
    file = io.BytesIO()
    document.write(file)
    return file.getvalue()


def xls_with_cell(row: int, column: int) -> bytes:
    """A two-row Excel 97–2003 list plus one cell at (`row`, `column`), counted from 0."""
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Partner")
    for number, values in enumerate((HEADER, ROW)):
        for position, value in enumerate(values):
            sheet.write(number, position, value)
    sheet.write(row, column, 1)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def quotes_csv(size: int) -> bytes:
    """`size` bytes of `,"`: csv.Sniffer's regular expressions take quadratic time on it."""
    return b',"' * (size // 2)
