"""Find the city a list means: by its current or former name in any language, through
the alias table, or by its coordinates; never by a guess about its name.

A city is known by its country and its name compared without regard to case (Turkish "İ"
and "I" included), Unicode form, spacing or dash style (`folding.fold_case`). Names in
every language count: the Turkish "Kapçağay", the Kazakh "Қапшағай" and the English
"Kapchagay" all lead to Konaev.

The alias table is, in order of precedence, the aliases staff add (CityAlias), the table
shipped with the importer (`aliases.csv`) and the exonyms CLDR gives for the cities that
name a time zone, in the languages of the lists (`countries.LIST_LANGUAGES`): "Moskau",
"Moskova" and "Москва" are all Moscow, and a Moscow created from a German list gets its
CLDR names in the portal's languages. A row that gives coordinates and names no known
city may be the one known city of its country within `NEAR_KM`, if there is exactly one;
that is only a proposal (a metropolitan municipality and its central district share a
centre: Bursa and Osmangazi are 0.2 km apart), which the import uses only when staff accept
it (`service`).
"""

import csv
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import get_global
from django.conf import settings
from django.utils.translation import gettext as _

from importing.countries import LIST_LANGUAGES
from importing.folding import fold_case
from importing.geography import distance_km
from sistercities.models import City, CityAlias, FormerCityName

BUILT_IN_ALIASES = Path(__file__).with_name("aliases.csv")

Key = tuple[str, str]  # (ISO country code, normalised name)


def _name_columns(field: str = "name") -> list[str]:
    return [f"{field}_{code}" for code, _name in settings.LANGUAGES]


def built_in_aliases() -> list[tuple[str, str, str]]:
    """(country, alias, same as) from the table shipped with the importer."""
    with BUILT_IN_ALIASES.open(encoding="utf-8", newline="") as file:
        lines = (line for line in file if not line.startswith("#"))
        return [(row["country"], row["alias"], row["same_as"]) for row in csv.DictReader(lines)]


@cache
def cldr_cities() -> dict[tuple[str, str], dict[str, str]]:
    """{(country, normalised name in any list language): {language: name}} for the cities
    CLDR names time zones after ("Europe/Moscow": Moscow, Moskau, Moskova, Москва…)."""
    zones = get_global("zone_territories")
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for language in LIST_LANGUAGES:
        for zone, data in Locale.parse(language).time_zones.items():
            if "city" in data:
                names[zone][language] = data["city"]
    cities = {}
    for zone, country in zones.items():
        by_language = {"en": zone.rpartition("/")[2].replace("_", " "), **names.get(zone, {})}
        for name in by_language.values():
            cities.setdefault((country, fold_case(name)), by_language)
    return cities


NEAR_KM = 5.0
_GRID = 0.1  # degrees: the cells of the index of known coordinates


@dataclass(frozen=True)
class Match:
    """An existing city and how it was found: "name", "former name", "alias" or by
    distance (`distance_km` then says how far)."""

    city_id: int
    how: str
    distance_km: float | None = None


class CityIndex:
    """Every city of the database by each of its names, loaded in three queries."""

    def __init__(self):
        self.cities: dict[int, str] = {}
        self._ids: dict[Key, set[int]] = defaultdict(set)
        self._how: dict[tuple[Key, int], str] = {}
        self._near: dict[tuple[str, int, int], list[tuple[int, float, float]]] = defaultdict(list)
        columns = _name_columns()
        rows = City.objects.values_list("pk", "country", "latitude", "longitude", *columns)
        for pk, country, latitude, longitude, *names in rows:
            self.cities[pk] = next((name for name in names if name), "")
            self._add(pk, country, names, _("name"))
            if latitude is not None and longitude is not None:
                point = float(latitude), float(longitude)
                self._near[(country, *_grid_cell(*point))].append((pk, *point))
        former = FormerCityName.objects.values_list("city_id", "city__country", *columns)
        for pk, country, *names in former:
            self._add(pk, country, names, _("former name"))
        self.aliases: dict[Key, str] = {
            key: names["en"]
            for key, names in cldr_cities().items()
            if fold_case(names["en"]) != key[1]
        }
        self.aliases.update(
            {(country, fold_case(alias)): same_as for country, alias, same_as in built_in_aliases()}
        )
        for country, alias, same_as in CityAlias.objects.values_list("country", "name", "same_as"):
            self.aliases[(country, fold_case(alias))] = same_as

    def _add(self, pk: int, country: str, names: list[str | None], how: str) -> None:
        for name in names:
            if name:
                key = (country, fold_case(name))
                self._ids[key].add(pk)
                self._how.setdefault((key, pk), how)

    def canonical(self, name: str, country: str) -> tuple[Key, str]:
        """The key a spelling stands for and the spelling to keep for a new city."""
        same_as = self.aliases.get((country, fold_case(name)))
        spelling = same_as or name
        return (country, fold_case(spelling)), spelling

    def find(self, key: Key) -> list[Match]:
        """The existing cities known under `key`: none, one, or several (ambiguous)."""
        return [Match(pk, self._how[(key, pk)]) for pk in sorted(self._ids.get(key, ()))]

    def near(self, country: str, latitude, longitude) -> Match | None:
        """The one known city of `country` within NEAR_KM of the point, if there is one."""
        point = float(latitude), float(longitude)
        row, column = _grid_cell(*point)
        found = [
            (distance, pk)
            for step_row in (-1, 0, 1)
            for step_column in (-1, 0, 1)
            for pk, *known in self._near.get((country, row + step_row, column + step_column), ())
            if (distance := distance_km(point, known)) <= NEAR_KM
        ]
        if len(found) != 1:
            return None
        distance, pk = found[0]
        return Match(pk, _("distance"), round(distance, 1))


def _grid_cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / _GRID), math.floor(longitude / _GRID)
