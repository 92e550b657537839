"""The health page's small column chart of visits per year, drawn as inline SVG."""

from dataclasses import dataclass

YEARS_SHOWN = 10
COLUMN_WIDTH = 10
COLUMN_GAP = 3
CHART_HEIGHT = 30
LABEL_HEIGHT = 10


@dataclass(frozen=True)
class Column:
    year: int
    count: int
    x: int
    y: float
    height: float


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    width: int
    height: int
    baseline: int
    column_width: int = COLUMN_WIDTH

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns)

    @property
    def first_year(self) -> int:
        return self.columns[0].year

    @property
    def last_year(self) -> int:
        return self.columns[-1].year


def visits_per_year(counts: dict[int, int], last_year: int) -> ColumnChart:
    """One column per year of the YEARS_SHOWN up to `last_year`, scaled to the busiest."""
    years = range(last_year - YEARS_SHOWN + 1, last_year + 1)
    busiest = max((counts.get(year, 0) for year in years), default=0) or 1
    columns = []
    for index, year in enumerate(years):
        count = counts.get(year, 0)
        height = round(count / busiest * CHART_HEIGHT, 1)
        x = index * (COLUMN_WIDTH + COLUMN_GAP)
        columns.append(Column(year, count, x, round(CHART_HEIGHT - height, 1), height))
    width = YEARS_SHOWN * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP
    return ColumnChart(columns, width, CHART_HEIGHT + LABEL_HEIGHT, CHART_HEIGHT)
