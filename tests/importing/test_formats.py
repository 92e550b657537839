"""Lists as offices save them: encodings, delimiters, spreadsheets, languages, any cell."""

import pytest

from importing.reading import ImportRefused, Options, read_file
from importing.service import relationships_import
from tests.helpers.importing import row_counts
from tests.helpers.spreadsheets import ods, xls, xlsx

GERMAN_HEADER = ["Stadt", "Land", "Partnerstadt", "Partnerland", "seit", "Art"]
GERMAN_ROWS = [
    ["Osmangazi", "Türkei", "Köln", "Deutschland", 1985, "Städtepartnerschaft"],
    ["Osmangazi", "Türkei", "Moskau", "Russland", 1992, "Freundschaft"],
]


def german_csv(delimiter: str = ";") -> str:
    return "\n".join(
        delimiter.join(str(cell) for cell in row) for row in [GERMAN_HEADER, *GERMAN_ROWS]
    )


def places(parsed) -> list[tuple]:
    return [
        (row.city.name, row.city.country, row.partner.name, row.partner.country, row.kind)
        for row in parsed.rows
    ]


EXPECTED = [
    ("Osmangazi", "TR", "Köln", "DE", "sister_city"),
    ("Osmangazi", "TR", "Moskau", "RU", "friendship"),
]


def test_a_semicolon_list_in_windows_1252_is_read_and_named():
    parsed = read_file(german_csv(";").encode("cp1252"))
    assert parsed.problems == []
    assert places(parsed) == EXPECTED
    assert parsed.description == "CSV, Windows-1252, separated by semicolon"
    assert parsed.rows[0].since.isoformat() == "1985"


def test_a_turkish_list_in_windows_1254_is_read_and_named():
    data = (
        "şehir;ülke;kardeş şehir;kardeş ülke;tür\n"
        "Osmangazi;Türkiye;Kapçağay;Kazakistan;kardeş şehir\n"
        "Osmangazi;Türkiye;Şumnu;Bulgaristan;dostluk\n"
    ).encode("cp1254")
    parsed = read_file(data)
    assert parsed.description == "CSV, Windows-1254, separated by semicolon"
    assert [(row.partner.name, row.partner.country, row.kind) for row in parsed.rows] == [
        ("Kapçağay", "KZ", "sister_city"),
        ("Şumnu", "BG", "friendship"),
    ]


def test_a_russian_list_in_windows_1251_is_read_and_named():
    data = (
        "город,страна,город-партнёр,страна партнёра\n"
        "Османгази,Турция,Москва,Россия\n"
        "Османгази,Турция,Алматы,Казахстан\n"
    ).encode("cp1251")
    parsed = read_file(data)
    assert parsed.description == "CSV, Windows-1251, separated by comma"
    assert [(row.city.country, row.partner.name, row.partner.country) for row in parsed.rows] == [
        ("TR", "Москва", "RU"),
        ("TR", "Алматы", "KZ"),
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "named"),
    [
        ("utf-16", "\t", "CSV, UTF-16, separated by tab"),
        ("utf-8-sig", ",", "CSV, UTF-8 (BOM), separated by comma"),
        ("utf-8", "\t", "CSV, UTF-8, separated by tab"),
    ],
)
def test_unicode_lists_with_any_delimiter(encoding, delimiter, named):
    parsed = read_file(german_csv(delimiter).encode(encoding))
    assert (places(parsed), parsed.description) == (EXPECTED, named)


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (xlsx, "Excel spreadsheet (.xlsx)"),
        (ods, "OpenDocument spreadsheet (.ods)"),
        (xls, "Excel 97–2003 spreadsheet (.xls)"),
    ],
)
def test_spreadsheets_are_read(make, named):
    parsed = read_file(make([GERMAN_HEADER, [], *GERMAN_ROWS]))
    assert parsed.problems == []
    assert places(parsed) == EXPECTED
    assert parsed.description == named
    assert parsed.rows[0].line == 3  # the sheet's own row number; the empty row is skipped
    assert parsed.rows[0].since.isoformat() == "1985"  # not "1985.0"


def test_a_spreadsheet_that_is_not_one_is_refused():
    with pytest.raises(ImportRefused, match="cannot be read as a spreadsheet"):
        read_file(b"PK\x03\x04" + b"\x00" * 100)


@pytest.mark.parametrize(
    ("header", "partner", "country"),
    [
        ("şehir,ülke,kardeş şehir,kardeş ülke", "Kazan", "Rusya"),
        ("City,Country,Partner city,Partner country", "Kazan", "Russia"),
        ("Stadt,Land,Partnerstadt,Partnerland", "Kasan", "Russland"),
        ("город,страна,город-партнёр,страна партнёра", "Казань", "Россия"),
        ("қала,ел,серіктес қала,серіктес ел", "Қазан", "Ресей"),
    ],
)
def test_column_names_and_countries_in_five_languages(header, partner, country):
    parsed = read_file(f"{header}\nOsmangazi,TR,{partner},{country}\n".encode())
    assert [(row.partner.name, row.partner.country) for row in parsed.rows] == [(partner, "RU")]


@pytest.mark.parametrize(
    ("name", "code"),
    [("Deutschland", "DE"), ("Frankreich", "FR"), ("Almanya", "DE"), ("Казахстан", "KZ")],
)
def test_the_country_names_the_issue_saw_refused(name, code):
    parsed = read_file(f"city,country,partner city,partner country\nA,TR,B,{name}\n".encode())
    assert parsed.rows[0].partner.country == code


def test_a_five_megabyte_cell_is_refused_with_its_line(showcase):
    before = row_counts()
    data = b"city,country,partner city,partner country\nA,TR,B,SY\nA,TR," + b"x" * 5_000_000
    data += b",SY\n"
    with pytest.raises(ImportRefused, match="Line 3 cannot be read: a cell is larger than"):
        relationships_import(data=data, commit=True)
    assert row_counts() == before


def test_a_huge_spreadsheet_cell_is_refused_with_its_line():
    big = "x" * 5_000_000
    with pytest.raises(ImportRefused, match="Line 2 cannot be read: a cell is larger"):
        read_file(ods([GERMAN_HEADER, ["Osmangazi", "TR", big, "DE", 1985, ""]]))
    # An .xlsx cell holds at most 32,767 characters: the name is then too long for its row.
    parsed = read_file(xlsx([GERMAN_HEADER, ["Osmangazi", "TR", big, "DE", 1985, ""]]))
    (problem,) = parsed.problems
    assert problem.line == 2 and "longer than 150 characters" in problem.reason


@pytest.mark.parametrize("byte", [bytes([value]) for value in range(256)])
def test_any_byte_is_read_or_refused_with_a_message(byte):
    data = b"city,country,partner city,partner country\nA,TR,B" + byte + b",SY\n"
    try:
        read_file(data)
    except ImportRefused as error:
        assert "Line 2" in str(error) or "line" in str(error).lower()


def test_column_and_value_mappings_and_a_home_country():
    data = b"Ort;Partner;Staat;Typ\nOsmangazi;Vitre;FR;p\n"
    options = Options(
        columns={"partner_country": "staat", "kind": "typ"},
        values={("kind", "p"): "sister city"},
        home_country="Türkiye",
    )
    parsed = read_file(data, options)
    assert parsed.problems == []
    assert places(parsed) == [("Osmangazi", "TR", "Vitre", "FR", "sister_city")]
    with pytest.raises(ImportRefused, match="Missing columns: partner country. The file"):
        read_file(data)


def test_a_spreadsheet_that_would_unpack_too_large_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr("importing.tables.MAX_UNPACKED", 1000)
    with pytest.raises(ImportRefused, match="would unpack to 0 MB; the limit is 0 MB"):
        read_file(xlsx([GERMAN_HEADER, *GERMAN_ROWS]))
