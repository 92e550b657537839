"""Spreadsheet files made in a test: .xlsx through openpyxl, .ods through odfpy, Excel
97–2003 .xls through xlwt."""

import io

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P


def xlsx(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def ods(rows: list[list]) -> bytes:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Partner")
    for row in rows:
        table_row = TableRow()
        for value in row:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    file = io.BytesIO()
    document.write(file)
    return file.getvalue()


def xls(rows: list[list]) -> bytes:
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Partner")
    for row_number, row in enumerate(rows):
        for column, value in enumerate(row):
            sheet.write(row_number, column, value)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()
