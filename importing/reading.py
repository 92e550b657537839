"""Check a list of sister-city pairs and read its rows.

Two formats, told apart by their header:

- **twin_cities.csv** from Hekman/twincities (Wikipedia's lists): the columns `city1,
  country1, lat1, lng1, city2, country2, lat2, lng2`, countries as English names.
- **A generic list**, its columns found by header name (case, spaces, "_" and "-" aside):
  `city`, `country`, `partner city`, `partner country` (required), and optionally
  `since` (a year, "2019-08" or "2019-08-24"), `kind` (sister city, friendship,
  cooperation), `status` (proposed, active, suspended, ended), `latitude`, `longitude`,
  `partner latitude`, `partner longitude`, `source url`. A country is an English name or
  an ISO 3166 alpha-2 code; other columns are ignored.

The file must be UTF-8 text (a byte-order mark is fine) of at most `MAX_BYTES`. A cell that
starts like a spreadsheet formula (=, +, -, @) and is not a number refuses the whole file,
since opening a list with such a cell in a spreadsheet would run it. A row that cannot be
used is reported with its line number and the reason, and the other rows go on.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from importing.countries import UnknownCountry, country_code, normalise
from sistercities.models import RelationshipKind, RelationshipStatus
from sistercities.partial_dates import PartialDate

MAX_BYTES = 20 * 1024 * 1024
MAX_NAME_LENGTH = 150
TWIN_CITIES = "twin_cities"
GENERIC = "generic"

TWIN_COLUMNS = ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2")
GENERIC_COLUMNS = {
    "city": ("city",),
    "country": ("country",),
    "partner_city": ("partner city", "partner"),
    "partner_country": ("partner country",),
    "since": ("since", "since year", "year", "established"),
    "kind": ("kind",),
    "status": ("status",),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lng", "lon"),
    "partner_latitude": ("partner latitude", "partner lat"),
    "partner_longitude": ("partner longitude", "partner lng", "partner lon"),
    "source_url": ("source url", "source", "url"),
}
REQUIRED = ("city", "country", "partner_city", "partner_country")
# The twin_cities.csv columns under the generic names.
TWIN_AS_GENERIC = dict(
    zip(
        ("city", "country", "latitude", "longitude")
        + ("partner_city", "partner_country", "partner_latitude", "partner_longitude"),
        TWIN_COLUMNS,
        strict=True,
    )
)

KINDS = {
    **{normalise(kind.value.replace("_", " ")): kind.value for kind in RelationshipKind},
    "twin": RelationshipKind.SISTER_CITY,
    "twin town": RelationshipKind.SISTER_CITY,
    "twin city": RelationshipKind.SISTER_CITY,
    "kardeş şehir": RelationshipKind.SISTER_CITY,
    "friendship city": RelationshipKind.FRIENDSHIP,
    "dostluk": RelationshipKind.FRIENDSHIP,
    "cooperation memorandum": RelationshipKind.COOPERATION,
    "işbirliği": RelationshipKind.COOPERATION,
}
STATUSES = {status.value: status.value for status in RelationshipStatus}

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@")
_COORDINATE_STEP = Decimal("0.00001")


class ImportRefused(Exception):
    """The import as a whole cannot go on; nothing is written."""


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass(frozen=True)
class Row:
    line: int
    city: Place
    partner: Place
    kind: str = RelationshipKind.SISTER_CITY
    status: str = ""
    since: PartialDate | None = None
    source_url: str = ""


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str


@dataclass
class ParsedFile:
    format: str
    rows: list[Row]
    problems: list[Problem]
    row_count: int


class _RowError(ValueError):
    pass


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise ImportRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )


def read_file(data: bytes) -> ParsedFile:
    """Check the whole file, then read each row; raises ImportRefused for a bad file."""
    check_size(len(data))
    text = _decode(data)
    if not text.strip():
        raise ImportRefused(_("The file is empty."))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [_header_name(cell) for cell in next(reader)]
    file_format, positions = _columns(header)
    rows, problems, count = [], [], 0
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        count += 1
        _refuse_formulas(cells, header, reader.line_num)
        try:
            rows.append(_row(cells, positions, len(header), reader.line_num))
        except _RowError as error:
            problems.append(Problem(reader.line_num, str(error)))
    if not count:
        raise ImportRefused(_("The file has a header but no rows."))
    return ParsedFile(file_format, rows, problems, count)


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _(
                "The file is not UTF-8 text (byte %(byte)s at position %(position)s). "
                "Save it as “CSV UTF-8” and try again."
            )
            % {"byte": f"0x{data[error.start]:02x}", "position": error.start}
        ) from None
    if "\x00" in text:
        raise ImportRefused(_("The file is not a text file."))
    return text


def _header_name(cell: str) -> str:
    return normalise(cell.replace("_", " ").replace("-", " "))


def _columns(header: list[str]) -> tuple[str, dict[str, int]]:
    """The file's format and the position of each column it uses."""
    if {"city1", "city2"} & set(header):
        names = {key: (column,) for key, column in TWIN_AS_GENERIC.items()}
        file_format, required, expected = TWIN_CITIES, tuple(TWIN_AS_GENERIC), TWIN_COLUMNS
    else:
        names, file_format, required = GENERIC_COLUMNS, GENERIC, REQUIRED
        expected = [GENERIC_COLUMNS[key][0] for key in REQUIRED]
    positions = {}
    for key, accepted in names.items():
        found = [header.index(name) for name in accepted if name in header]
        if found:
            positions[key] = found[0]
    missing = [names[key][0] for key in required if key not in positions]
    if missing:
        raise ImportRefused(
            _("Missing columns: %(missing)s. The file needs the columns %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(expected)}
        )
    return file_format, positions


def _refuse_formulas(cells: list[str], header: list[str], line: int) -> None:
    for position, cell in enumerate(cells):
        value = cell.strip()
        if value[:1] in _FORMULA_START and value != "-" and not _NUMBER.fullmatch(value):
            column = header[position] if position < len(header) else str(position + 1)
            raise ImportRefused(
                _(
                    "Line %(line)s, column “%(column)s”: “%(value)s” looks like a spreadsheet "
                    "formula. The file is refused; remove the formula and try again."
                )
                % {"line": line, "column": column, "value": value[:60]}
            )


def _row(cells: list[str], positions: dict[str, int], width: int, line: int) -> Row:
    if len(cells) != width:
        raise _RowError(
            _("expected %(width)s cells, found %(found)s") % {"width": width, "found": len(cells)}
        )

    def cell(key: str) -> str:
        return cells[positions[key]].strip() if key in positions else ""

    return Row(
        line=line,
        city=_place(cell("city"), cell("country"), cell("latitude"), cell("longitude")),
        partner=_place(
            cell("partner_city"),
            cell("partner_country"),
            cell("partner_latitude"),
            cell("partner_longitude"),
        ),
        kind=_choice(cell("kind"), KINDS, _("kind")) or RelationshipKind.SISTER_CITY,
        status=_choice(cell("status"), STATUSES, _("status")),
        since=_since(cell("since")),
        source_url=cell("source_url"),
    )


def _place(name: str, country: str, latitude: str, longitude: str) -> Place:
    if not name:
        raise _RowError(_("a city name is missing"))
    if len(name) > MAX_NAME_LENGTH:
        raise _RowError(_("the city name “%(name)s…” is too long") % {"name": name[:40]})
    try:
        code = country_code(country)
    except UnknownCountry as error:
        raise _RowError(_("%(city)s: %(reason)s") % {"city": name, "reason": error}) from None
    return Place(
        name,
        code,
        _coordinate(latitude, 90, _("latitude")),
        _coordinate(longitude, 180, _("longitude")),
    )


def _coordinate(text: str, limit: int, label: str) -> Decimal | None:
    if text in ("", "-"):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) > limit:
        raise _RowError(
            _("%(label)s “%(value)s” is not a number between -%(limit)s and %(limit)s")
            % {"label": label, "value": text, "limit": limit}
        )
    return value.quantize(_COORDINATE_STEP)


def _choice(text: str, choices: dict[str, str], label: str) -> str:
    if not text:
        return ""
    key = _header_name(text)
    if key not in choices:
        raise _RowError(
            _("unknown %(label)s “%(value)s” (expected one of: %(choices)s)")
            % {"label": label, "value": text, "choices": ", ".join(sorted(set(choices)))}
        )
    return choices[key]


def _since(text: str) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        raise _RowError(
            _("“%(value)s” is not a year, a year and month or a date") % {"value": text}
        ) from None
