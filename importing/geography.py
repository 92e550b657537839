"""Coordinates that lie far from the country a row names, and distances between places.

`data/country_cells.json` (written by `scripts/country_cells.py` from GeoNames) holds, per
country, the 1° cells with a town of 1,000 people or more. A point is taken to be in a
country if its cell or one of the eight around it (100–200 km) holds such a town: loose
enough for a village far from any town, tight enough to see a German town said to be in
France, the mistake a list makes when its "country" column holds the partner's country.
A country without cells in the file (none of its towns reach 1,000) is not checked, and a
point in a territory of the country (`TERRITORIES`: Réunion for France, Guam for the United
States) is in it: lists name the state, ISO gives the territory its own code.
A country the portal names with a user-assigned code (`SHARED_LAND`) is checked against the
cells of the land it lies in as well: GeoNames files the KKTC's towns under Cyprus, and
Kosovo has few cells of its own (three), Serbia's around them.
"""

import json
import math
from decimal import Decimal
from functools import cache
from pathlib import Path

CELLS = Path(__file__).with_name("data") / "country_cells.json"
EARTH_RADIUS_KM = 6371.0

Cell = tuple[int, int]

TERRITORIES = {
    "AU": ("CX", "CC", "NF", "HM"),
    "CN": ("HK", "MO"),
    "DK": ("FO", "GL"),
    "FI": ("AX",),
    "FR": ("GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF", "TF"),
    "GB": ("GG", "JE", "IM", "GI", "BM", "KY", "VG", "AI", "MS", "TC", "FK", "SH", "PN", "IO"),
    "NL": ("AW", "CW", "SX", "BQ"),
    "NO": ("SJ", "BV"),
    "NZ": ("CK", "NU", "TK"),
    "US": ("PR", "GU", "VI", "AS", "MP", "UM"),
}
SHARED_LAND = {"XN": ("CY",), "XK": ("RS",)}


@cache
def _cells() -> dict[str, frozenset[Cell]]:
    """Each country's cells, with its territories' (which keep their own) and its
    SHARED_LAND's."""
    data = {
        code: frozenset(map(tuple, cells))
        for code, cells in json.loads(CELLS.read_text(encoding="utf-8")).items()
    }
    for state, territories in TERRITORIES.items():
        data[state] = data[state].union(*(data.get(code, ()) for code in territories))
    for country, lands in SHARED_LAND.items():
        data[country] = data.get(country, frozenset()).union(*(data[land] for land in lands))
    return data


def _cell(latitude: Decimal, longitude: Decimal) -> Cell:
    return math.floor(latitude), math.floor(longitude)


def _around(cell: Cell):
    latitude, longitude = cell
    for step_lat in (-1, 0, 1):
        for step_lon in (-1, 0, 1):
            yield latitude + step_lat, (longitude + step_lon + 180) % 360 - 180


def far_from(country: str, latitude: Decimal, longitude: Decimal) -> bool:
    """True if the point lies far from every town of `country` (when it has any)."""
    cells = _cells().get(country)
    if not cells:
        return False
    cell = _cell(latitude, longitude)
    return cell not in cells and not any(near in cells for near in _around(cell))


def countries_at(latitude: Decimal, longitude: Decimal) -> list[str]:
    """The countries with a town in the point's own cell."""
    cell = _cell(latitude, longitude)
    return sorted(code for code, cells in _cells().items() if cell in cells)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
