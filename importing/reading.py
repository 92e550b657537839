"""Check a list of sister-city pairs and read its rows.

Two formats, told apart by their header:

- **twin_cities.csv** from Hekman/twincities (Wikipedia's lists): the columns `city1,
  country1, lat1, lng1, city2, country2, lat2, lng2`, countries as English names.
- **A generic list**, its columns found by name in Turkish, English, German, Russian or
  Kazakh (`columns.COLUMNS`): city, country, partner city, partner country (required), and
  optionally since (a year, "2019-08" or "2019-08-24"), kind, status, latitude, longitude,
  partner latitude, partner longitude, source url. Every other column is named in the
  report as not read (`ParsedFile.unread`), by its header as the file writes it.

The file is a CSV or a spreadsheet (`tables`). A country is a name in any language CLDR
knows or an ISO code (`countries`); `Options` add what the file does not say: other column
names, other values, the home country of a list without one.

Every problem of a row is reported with its line number, and the other rows go on. A
value that would be stored (a city's name, a source URL) and starts like a spreadsheet
formula (=, +, -, @) is such a problem; other cells are never judged so. A source URL is
checked as its model field checks it when the import is written (a dry run reports what
the writing would refuse). Coordinates far
from the country the row names make the row unusable too, since the country column may
hold the other city's country; and a list of one municipality whose country changes from
row to row is refused whole, for the same reason.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from importing import geography
from importing.columns import COLUMN_NAMES, KINDS, REQUIRED, STATUSES, TWIN_CITIES, header_name
from importing.countries import UnknownCountry, country_code
from importing.folding import fold_case
from importing.problems import ImportRefused, Problem
from importing.tables import Table, read_table
from sistercities.models import City, Source
from sistercities.partial_dates import PartialDate

__all__ = ["ImportRefused", "Problem", "Options", "read_file", "check_size"]

MAX_BYTES = 20 * 1024 * 1024
_SOURCE_URL = Source._meta.get_field("url")
# As long as the fields they are written to.
MAX_NAME_LENGTH = City._meta.get_field("name").max_length
MAX_URL_LENGTH = _SOURCE_URL.max_length
TWIN_FORMAT = "twin_cities"
GENERIC = "generic"

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_COORDINATE_STEP = Decimal("0.00001")
# Translated only when a row has a problem: a list has many rows and few problems.
LABELS = {
    "city": gettext_lazy("city name"),
    "partner_city": gettext_lazy("partner city name"),
    "kind": gettext_lazy("kind"),
    "status": gettext_lazy("status"),
    "latitude": gettext_lazy("latitude"),
    "longitude": gettext_lazy("longitude"),
    "source_url": gettext_lazy("source url"),
}


@dataclass(frozen=True)
class Options:
    """What the operator adds to a file: see `columns.parse_column_mapping` and
    `columns.parse_value_mapping`; `home_country` is an ISO code or a name."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    home_country: str = ""
    encoding: str = ""


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
    kind: str = ""  # empty: the list does not say
    status: str = ""
    since: PartialDate | None = None
    source_url: str = ""


@dataclass
class ParsedFile:
    format: str
    description: str  # how the file was read: "CSV, Windows-1252, separated by semicolon"
    rows: list[Row]
    problems: list[Problem]
    row_count: int
    unread: list[str] = field(default_factory=list)  # the headers of the columns not read


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise ImportRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )


def read_file(data: bytes | Table, options: Options | None = None) -> ParsedFile:
    """Check the whole file, then read each row; raises ImportRefused for a bad file.

    `data` is the file, or its table as `tables.read_table` read it (read again, the
    file would give the same table: `options.encoding` is then not used)."""
    options = options or Options()
    home_country = _home_country(options.home_country)
    if isinstance(data, Table):
        table = data
    else:
        check_size(len(data))
        table = read_table(data, encoding=options.encoding)
    header = [header_name(cell) for cell in table.header]
    file_format, positions = _columns(header, options, bool(home_country), table)
    reader = _RowReader(positions, len(header), options.values, home_country)
    read = set(positions.values())
    unread = [number for number in range(len(header)) if number not in read]
    # A column without a header is named only if it holds something.
    blank = {number for number in unread if not table.header[number].strip()}
    rows, problems, count = [], [], 0
    for line, cells in table.rows:
        count += 1
        row, reasons = reader.row(line, cells)
        if row is not None:
            rows.append(row)
        problems.extend(Problem(line, reason) for reason in reasons)
        if blank:
            blank -= {number for number in blank if number < len(cells) and cells[number].strip()}
    if not count:
        raise ImportRefused(_("The file has a header but no rows."))
    if not home_country:
        _refuse_a_varying_home_country(reader.home_sides)
    named = [
        table.header[number].strip() or _("column %(number)s") % {"number": number + 1}
        for number in unread
        if number not in blank
    ]
    return ParsedFile(file_format, table.describe(), rows, problems, count, named)


def _home_country(name: str) -> str:
    if not name:
        return ""
    try:
        return country_code(name)
    except UnknownCountry as error:
        raise ImportRefused(_("Home country: %(reason)s") % {"reason": error}) from None


def _columns(
    header: list[str], options: Options, home_given: bool, table: Table
) -> tuple[str, dict[str, int]]:
    """The file's format and the position of each column it uses (`header`: folded)."""
    if {"city1", "city2"} & set(header):
        file_format, names = TWIN_FORMAT, {key: (name,) for key, name in TWIN_CITIES.items()}
    else:
        file_format, names = GENERIC, dict(COLUMN_NAMES)
    for key, name in options.columns.items():
        if name and name not in header:
            raise ImportRefused(
                _(
                    "Column mapping %(key)s=%(name)s: the file has no such column (it has "
                    "%(header)s)."
                )
                % {"key": key, "name": name, "header": ", ".join(table.header)}
            )
        names[key] = (name,) if name else ()
    # A column mapped to one key is not found by its name for another.
    claimed = {name for key, name in options.columns.items() if name}
    positions = {}
    for key, accepted in names.items():
        if key not in options.columns:
            accepted = [name for name in accepted if name not in claimed]
        found = [header.index(name) for name in accepted if name in header]
        if found:
            positions[key] = found[0]
    if home_given:
        positions.pop("country", None)
    required = TWIN_CITIES if file_format == TWIN_FORMAT else REQUIRED
    required = [key for key in required if not (key == "country" and home_given)]
    missing = [
        names[key][0] if file_format == TWIN_FORMAT and names[key] else key.replace("_", " ")
        for key in required
        if key not in positions
    ]
    if missing:
        raise ImportRefused(
            _(
                "Missing columns: %(missing)s. The file was read as %(described)s and its "
                "columns are: %(header)s. Name the missing ones with a column mapping "
                "(for example country=Land), or give the home country."
            )
            % {
                "missing": ", ".join(missing),
                "described": table.describe(),
                "header": ", ".join(table.header) or "—",
            }
        )
    return file_format, positions


class _RowReader:
    """Turns cells into a Row, collecting every problem of the row."""

    def __init__(self, positions, width, values, home_country):
        self.positions, self.width, self.values = positions, width, values
        self.home_country = home_country
        self._countries: dict[str, str | UnknownCountry] = {}
        self.home_sides: list[tuple[int, str, str]] = []  # (line, city, country) as read

    def row(self, line: int, cells: list[str]) -> tuple[Row | None, list[str]]:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if len(cells) > self.width and any(cell.strip() for cell in cells[self.width :]):
            found = len(cells)
            return None, [
                _("expected %(width)s cells, found %(found)s")
                % {"width": self.width, "found": found}
            ]
        self.cells, self.reasons = cells, []
        city = self._place("city", "country", "latitude", "longitude")
        partner = self._place(
            "partner_city", "partner_country", "partner_latitude", "partner_longitude"
        )
        if city is not None:
            self.home_sides.append((line, city.name, city.country))
        kind = self._choice("kind", KINDS)
        status = self._choice("status", STATUSES)
        since = self._since(self._cell("since"))
        source_url = self._url(self._stored(self._cell("source_url"), "source_url", MAX_URL_LENGTH))
        if self.reasons or city is None or partner is None:
            return None, self.reasons
        return Row(line, city, partner, kind, status, since, source_url), []

    def _cell(self, key: str) -> str:
        position = self.positions.get(key)
        return self.cells[position].strip() if position is not None else ""

    def _mapped(self, column: str, value: str) -> str:
        if not (self.values and value):
            return value
        return self.values.get((column, header_name(value)), value)

    def _stored(self, value: str, key: str, limit: int) -> str:
        """`value` if it may be stored as it is, else "" and the reason why not."""
        if len(value) > limit:
            self.reasons.append(
                _("the %(label)s “%(value)s…” is longer than %(limit)s characters")
                % {"label": LABELS[key], "value": value[:40], "limit": limit}
            )
            return ""
        if value[:1] in _FORMULA_START and value != "-" and not _NUMBER.fullmatch(value):
            self.reasons.append(
                _("the %(label)s “%(value)s” looks like a spreadsheet formula")
                % {"label": LABELS[key], "value": value[:60]}
            )
            return ""
        return value

    def _url(self, value: str) -> str:
        """`value` if the Source it is written to takes it (its field's own validation,
        as `full_clean` applies it on commit), else "" and the reason why not."""
        try:
            return _SOURCE_URL.clean(value, None)
        except ValidationError as error:
            self.reasons.append(
                _("the %(label)s “%(value)s”: %(reason)s")
                % {
                    "label": LABELS["source_url"],
                    "value": value[:60],
                    "reason": " ".join(error.messages),
                }
            )
            return ""

    def _country(self, text: str) -> str | UnknownCountry:
        """The code of a country cell, or why there is none; each spelling looked up once."""
        if text not in self._countries:
            try:
                self._countries[text] = country_code(self._mapped("country", text))
            except UnknownCountry as error:
                self._countries[text] = error
        return self._countries[text]

    def _place(self, name_key, country_key, latitude_key, longitude_key) -> Place | None:
        name = self._cell(name_key)
        if not name:
            missing = _("a city name is missing") if name_key == "city" else None
            self.reasons.append(missing or _("a partner city is missing"))
            return None
        name = self._stored(name, name_key, MAX_NAME_LENGTH)
        code = self.home_country if name_key == "city" else ""
        if not code:
            code = self._country(self._cell(country_key))
            if isinstance(code, UnknownCountry):
                self.reasons.append(
                    _("%(city)s: %(reason)s") % {"city": name or LABELS[name_key], "reason": code}
                )
                code = ""
        latitude = self._coordinate(self._cell(latitude_key), 90, "latitude")
        longitude = self._coordinate(self._cell(longitude_key), 180, "longitude")
        if code and latitude is not None and longitude is not None:
            self._check_position(name, code, latitude, longitude)
        if not (name and code):
            return None
        return Place(name, code, latitude, longitude)

    def _check_position(self, name: str, code: str, latitude, longitude) -> None:
        if not geography.far_from(code, latitude, longitude):
            return
        found = [other for other in geography.countries_at(latitude, longitude) if other != code]
        self.reasons.append(
            _(
                "%(city)s: the coordinates %(latitude)s, %(longitude)s lie far from %(country)s"
                "%(found)s; does the country column hold the other city's country?"
            )
            % {
                "city": name,
                "latitude": f"{latitude.normalize():f}",
                "longitude": f"{longitude.normalize():f}",
                "country": code,
                "found": _(" (in %(countries)s)") % {"countries": ", ".join(found)}
                if found
                else "",
            }
        )

    def _coordinate(self, text: str, limit: int, key: str) -> Decimal | None:
        if text in ("", "-"):
            return None
        try:
            value = Decimal(text.replace(",", ".", 1) if text.count(",") == 1 else text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) > limit:
            self.reasons.append(
                _("%(label)s “%(value)s” is not a number between -%(limit)s and %(limit)s")
                % {"label": LABELS[key], "value": text[:40], "limit": limit}
            )
            return None
        return value.quantize(_COORDINATE_STEP)

    def _choice(self, key: str, choices: dict[str, str]) -> str:
        text = self._mapped(key, self._cell(key))
        if not text:
            return ""
        value = choices.get(header_name(text))
        if value is None:
            self.reasons.append(
                _(
                    "unknown %(label)s “%(value)s” (expected one of: %(choices)s, or a value "
                    "mapping such as %(column)s:%(value)s=%(example)s)"
                )
                % {
                    "label": LABELS[key],
                    "value": text[:40],
                    "choices": ", ".join(sorted(set(choices.values()))),
                    "column": key,
                    "example": min(choices.values()),
                }
            )
        return value or ""

    def _since(self, text: str) -> PartialDate | None:
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError:
            self.reasons.append(
                _("“%(value)s” is not a year, a year and month or a date") % {"value": text[:40]}
            )
            return None


def _refuse_a_varying_home_country(home_sides: list[tuple[int, str, str]]) -> None:
    """One municipality's list gives one country for it; several mean a mislabelled column."""
    if len({fold_case(name) for _line, name, _country in home_sides}) != 1:
        return
    countries: dict[str, int] = {}
    for line, _name, country in home_sides:
        countries.setdefault(country, line)
    if len(countries) < 2:
        return
    raise ImportRefused(
        _(
            "Every row is about %(city)s, but its country changes from row to row "
            "(%(countries)s): the column read as its country seems to hold the partners' "
            "countries. Give the home country, and map the partners' country column "
            "(for example partner_country=Land)."
        )
        % {
            "city": home_sides[0][1],
            "countries": ", ".join(
                _("%(country)s on line %(line)s") % {"country": country, "line": line}
                for country, line in list(countries.items())[:5]
            ),
        }
    )
