"""Find the city a list means: by its current or former name in any language, or through
the alias table; never by a guess.

A city is known by its country and its name compared without regard to case, Unicode form,
spacing or dash style (`countries.normalise`). Names in every language count: the Turkish
"Kapçağay", the Kazakh "Қапшағай" and the English "Kapchagay" all lead to Konaev.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from importing.countries import normalise
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


@dataclass(frozen=True)
class Match:
    """An existing city and how it was found: "name", "former name" or "alias"."""

    city_id: int
    how: str


class CityIndex:
    """Every city of the database by each of its names, loaded in three queries."""

    def __init__(self):
        self.cities: dict[int, str] = {}
        self._ids: dict[Key, set[int]] = defaultdict(set)
        self._how: dict[tuple[Key, int], str] = {}
        columns = _name_columns()
        for pk, country, *names in City.objects.values_list("pk", "country", *columns):
            self.cities[pk] = next((name for name in names if name), "")
            self._add(pk, country, names, _("name"))
        former = FormerCityName.objects.values_list("city_id", "city__country", *columns)
        for pk, country, *names in former:
            self._add(pk, country, names, _("former name"))
        self.aliases: dict[Key, str] = {
            (country, normalise(alias)): same_as for country, alias, same_as in built_in_aliases()
        }
        for country, alias, same_as in CityAlias.objects.values_list("country", "name", "same_as"):
            self.aliases[(country, normalise(alias))] = same_as

    def _add(self, pk: int, country: str, names: list[str | None], how: str) -> None:
        for name in names:
            if name:
                key = (country, normalise(name))
                self._ids[key].add(pk)
                self._how.setdefault((key, pk), how)

    def canonical(self, name: str, country: str) -> tuple[Key, str]:
        """The key a spelling stands for and the spelling to keep for a new city."""
        same_as = self.aliases.get((country, normalise(name)))
        spelling = same_as or name
        return (country, normalise(spelling)), spelling

    def find(self, key: Key) -> list[Match]:
        """The existing cities known under `key`: none, one, or several (ambiguous)."""
        return [Match(pk, self._how[(key, pk)]) for pk in sorted(self._ids.get(key, ()))]
