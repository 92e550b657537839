"""Geometry for the server-drawn SVG of the partner directory: a world map and bar charts.

The map is an equirectangular projection (x from longitude, y from latitude) drawn with no
tiles and no outside request; the charts are horizontal bars, one row per label.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MAP_WIDTH = 720
MAP_HEIGHT = 360
GRATICULE_STEP = 30
CHART_WIDTH = 640
LABEL_WIDTH = 190
BAR_HEIGHT = 18
ROW_GAP = 8
LAND_OUTLINE = Path(__file__).parent / "data" / "land-110m.json"


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def project(latitude, longitude) -> Point | None:
    """The point of the map for a city's coordinates, None if they are unknown."""
    if latitude is None or longitude is None:
        return None
    x = (float(longitude) + 180) / 360 * MAP_WIDTH
    y = (90 - float(latitude)) / 180 * MAP_HEIGHT
    return Point(round(x, 1), round(y, 1))


def graticule() -> dict[str, list[float]]:
    """The x of every meridian and the y of every parallel, each GRATICULE_STEP degrees."""
    return {
        "meridians": [project(0, longitude).x for longitude in range(-180, 181, GRATICULE_STEP)],
        "parallels": [project(latitude, 0).y for latitude in range(-90, 91, GRATICULE_STEP)],
    }


@cache
def land_outline() -> str:
    """The SVG path of the land, Natural Earth's, written by scripts/world_outline.py."""
    return json.loads(LAND_OUTLINE.read_text())["d"]


@dataclass(frozen=True)
class Bar:
    series: int
    value: int
    x: float
    y: float
    width: float

    @property
    def value_x(self) -> float:
        return round(self.x + self.width + 4, 1)

    @property
    def middle(self) -> float:
        return round(self.y + BAR_HEIGHT / 2, 1)


@dataclass(frozen=True)
class ChartRow:
    label: str
    values: list[int]
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    series: list[str]
    rows: list[ChartRow]
    width: int
    height: int
    label_width: int

    @property
    def total(self) -> int:
        return sum(sum(row.values) for row in self.rows)


def bar_chart(data: list[tuple[str, list[int]]], series: list[str]) -> BarChart:
    """Horizontal bars: one row per (label, values), one bar per series in each row."""
    longest = max((value for _label, values in data for value in values), default=0) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - 40) / longest
    rows, y = [], ROW_GAP
    for label, values in data:
        bars = [
            Bar(index, value, LABEL_WIDTH, y + index * BAR_HEIGHT, round(value * scale, 1))
            for index, value in enumerate(values)
        ]
        rows.append(ChartRow(label, values, y + len(values) * BAR_HEIGHT / 2, bars))
        y += len(values) * BAR_HEIGHT + ROW_GAP
    return BarChart(series, rows, CHART_WIDTH, int(y), LABEL_WIDTH)
