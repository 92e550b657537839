"""The country table, and the refusal of bad files (nothing read, nothing written)."""

import pytest

from importing.countries import UnknownCountry, country_code
from importing.reading import GENERIC, TWIN_FORMAT, ImportRefused, read_file


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Kazakhstan", "KZ"),
        ("Northern Cyprus", "XN"),
        ("Kosovo", "XK"),
        ("Palestine", "PS"),
        ("West Bank", "PS"),
        ("East Germany", "DE"),
        ("England", "GB"),
        ("England, United Kingdom", "GB"),
        ("Réunion, France", "RE"),
        ("Brandenburg, Germany", "DE"),
        ("Georgia (country)", "GE"),
        ("  czech   REPUBLIC ", "CZ"),
        ("Grece", "GR"),
        ("tr", "TR"),
    ],
)
def test_country_names_map_to_iso_codes(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "KKTC",
        "kktc",
        "K.K.T.C.",
        "Kuzey Kıbrıs",
        "KUZEY KIBRIS",
        "Kuzey Kibris",
        "KUZEY KİBRİS",
        "kuzey kıbrıs",
        "Kuzey Kıbrıs Türk Cumhuriyeti",
        "KUZEY KIBRIS TÜRK CUMHURİYETİ",
        "Kuzey Kibris Türk Cumhuriyeti",
        "Northern Cyprus",
        "NORTHERN CYPRUS",
        "Turkish Republic of Northern Cyprus",
        "TRNC",
        "Северный Кипр",
        "СЕВЕРНЫЙ КИПР",
        "Турецкая Республика Северного Кипра",
        "Солтүстік Кипр",
        "Солтүстік Кипр Түрік Республикасы",
        "Gazimağusa, KKTC",
        "XN",
    ],
)
def test_the_kktc_is_a_country_of_its_own(name):
    assert country_code(name) == "XN"


@pytest.mark.parametrize(
    "name", ["Kosova", "KOSOVA", "Kosovo", "Косово", "КОСОВО", "Prizren, Kosova", "XK"]
)
def test_kosovo_is_a_country_of_its_own(name):
    assert country_code(name) == "XK"


@pytest.mark.parametrize("name", ["Cyprus", "Kıbrıs", "Кипр", "Serbia", "Sırbistan"])
def test_cyprus_and_serbia_stay_themselves(name):
    assert country_code(name) in ("CY", "RS")


@pytest.mark.parametrize("name", ["Soviet Union", "Czechoslovakia", "Yugoslavia"])
def test_a_country_split_since_is_refused_rather_than_guessed(name):
    with pytest.raises(UnknownCountry, match="give today's country"):
        country_code(name)


@pytest.mark.parametrize("name", ["", "Atlantis", "Lyonesse, Atlantis"])
def test_an_unknown_country_is_refused(name):
    with pytest.raises(UnknownCountry):
        country_code(name)


def test_the_real_file_format_is_recognised(twin_cities):
    parsed = read_file(twin_cities)
    assert parsed.format == TWIN_FORMAT
    assert parsed.description == "CSV, UTF-8, separated by comma"
    assert parsed.row_count == 36
    first = parsed.rows[0]
    assert (first.line, first.city.name, first.city.country) == (2, "Berat", "AL")
    assert str(first.partner.latitude) == "40.65000"


def test_a_generic_list_is_read_by_header_name():
    data = b"Partner_Country;x\n"
    with pytest.raises(ImportRefused, match="Missing columns: city, country, partner city"):
        read_file(data)
    with pytest.raises(ImportRefused, match="columns are: Partner_Country, x"):
        read_file(data)
    data = (
        b"Since,City,Country,Partner city,Partner country,Kind,Status,Notes\n"
        b"1997-05,Osmangazi,TR,Kapchagay,Kazakhstan,friendship,active,-\n"
        b"1999,Osmangazi,TR,Aleppo,Syria,twin,ended,\n"
    )
    parsed = read_file(data)
    assert parsed.format == GENERIC
    assert parsed.problems == []
    assert parsed.rows[1].line == 3
    assert parsed.rows[0].kind == "friendship"
    assert parsed.rows[0].since.isoformat() == "1997-05"
    assert parsed.rows[1].status == "ended"


def test_unusable_rows_are_reported_with_their_line_and_reason():
    data = (
        b"city,country,partner city,partner country,since,latitude\n"
        b"Osmangazi,Turkey,Kapchagay,Kazakhstan,,-91\n"
        b"Osmangazi,Turkey,Moscow,Soviet Union,,\n"
        b"Osmangazi,Turkey,Aleppo,Syria,soon,\n"
        b",Turkey,Aleppo,Syria,,\n"
        b"Osmangazi,Turkey,Aleppo,Syria,1999,40.2,extra\n"
        b"Osmangazi,Turkey,Aleppo,Syria,1999,39.5\n"
    )
    parsed = read_file(data)
    reasons = {problem.line: problem.reason for problem in parsed.problems}
    assert "latitude" in reasons[2] and "-91" in reasons[2]
    assert "Soviet Union" in reasons[3]
    assert "soon" in reasons[4]
    assert "city name is missing" in reasons[5]
    assert "expected 6 cells, found 7" in reasons[6]
    assert [row.line for row in parsed.rows] == [7]


def test_every_problem_of_a_row_is_reported():
    data = (
        b"city,country,partner city,partner country,since,kind,latitude\n"
        b"Osmangazi,Atlantis,,Syria,soon,enemy,-91\n"
    )
    reasons = [problem.reason for problem in read_file(data).problems]
    assert len(reasons) == 5
    for expected in ("Atlantis", "partner city is missing", "soon", "enemy", "-91"):
        assert any(expected in reason for reason in reasons), expected
    assert any("kind:enemy=" in reason for reason in reasons)  # how to map it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n\n", "The file is empty."),
        (b"city1,country1,lat1,lng1,city2,country2,lat2,lng2\n", "a header but no rows"),
        (b"city1,country1,city2\nA,B,C\n", "Missing columns: lat1, lng1, country2"),
        (b"city,country\nA,\x00B\n", "Line 2 holds a NUL byte"),
        (b"city,country,partner city,partner country\nA,TR,\x81,SY\n", "Line 2: byte 0x81"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ImportRefused, match=message):
        read_file(data)


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ('"=HYPERLINK(""http://x"")"', "partner city name"),
        ("@SUM(A1)", "partner city name"),
        ("+cmd|' /C calc'!A0", "partner city name"),
    ],
)
def test_a_formula_where_it_would_be_stored_makes_the_row_unusable(cell, column):
    data = f"city,country,partner city,partner country\nA,TR,{cell},SY\nC,TR,D,SY\n".encode()
    parsed = read_file(data)
    (problem,) = parsed.problems
    assert problem.line == 2
    assert f"the {column} “" in problem.reason
    assert "looks like a spreadsheet formula" in problem.reason
    assert [row.line for row in parsed.rows] == [3]


def test_a_formula_like_cell_in_a_column_not_stored_is_harmless():
    data = (
        b"city,country,partner city,partner country,notes,since\n"
        b"Osmangazi,TR,Aleppo,SY,-- unknown --,1999\n"
        b"Osmangazi,TR,Konaev,KZ,=1+1,\n"
    )
    parsed = read_file(data)
    assert parsed.problems == []
    assert len(parsed.rows) == 2


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr("importing.reading.MAX_BYTES", 100)
    with pytest.raises(ImportRefused, match="the limit is"):
        read_file(b"city,country,partner city,partner country\n" + b"A,TR,B,SY\n" * 20)


def test_numbers_and_a_lone_dash_are_not_formulas():
    data = (
        b"city,country,partner city,partner country,latitude,longitude\n"
        b"A,AU,B,SY,-33.9,+151.2\n"
        b"C,TR,D,SY,-,-\n"
    )
    parsed = read_file(data)
    assert parsed.problems == []
    assert str(parsed.rows[0].city.latitude) == "-33.90000"
    assert parsed.rows[1].city.latitude is None
