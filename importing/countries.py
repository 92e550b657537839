"""English country names, as lists write them, mapped to ISO 3166-1 alpha-2 codes.

A name is looked up, case and spacing aside, in this order:

1. `EXPLICIT`: spellings the ISO names do not cover, each mapped on purpose (below).
2. `REFUSED`: historical countries whose territory is split between several countries of
   today; guessing one would be wrong, so the row is refused with the reason.
3. The English ISO short names (django-countries) and the alpha-2 codes themselves.
4. "Region, Country" ("Brandenburg, Germany", "Réunion, France"): the region when it is
   itself a country or territory with its own code (Réunion is RE), else the country.

Disputed territories take the code of the state the United Nations recognise as sovereign
there, since ISO 3166 gives them none: Northern Cyprus is CY, Abkhazia and South Ossetia
are GE, Transnistria is MD, Nagorno-Karabakh is AZ, Somaliland is SO, Crimea is UA. Two
exceptions follow common international use: Palestine (and the West Bank, Gaza) is PS, which
ISO assigns; Kosovo is XK, the user-assigned code the EU, the IMF and ISO's own guidance use
(the portal's settings must declare it through COUNTRIES_OVERRIDE for it to display).
Former names of a country that is still one country map to it: West and East Germany are
DE, Burma MM, Zaire CD, Swaziland SZ, Macedonia MK.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

EXPLICIT = {
    # Common English names that differ from the ISO short name.
    "Turkey": "TR",
    "Czech Republic": "CZ",
    "United States": "US",
    "USA": "US",
    "United Kingdom": "GB",
    "UK": "GB",
    "Russia": "RU",
    "Cape Verde": "CV",
    "Ivory Coast": "CI",
    "East Timor": "TL",
    "Bahamas": "BS",
    "The Bahamas": "BS",
    "The Gambia": "GM",
    "Federated States of Micronesia": "FM",
    "Republic of Ireland": "IE",
    "Georgia (country)": "GE",
    "Falkland Islands": "FK",
    "São Tomé and Príncipe": "ST",
    "Vatican City": "VA",
    "Republic of the Congo": "CG",
    "Democratic Republic of the Congo": "CD",
    # The nations of the United Kingdom.
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    # Disputed territories (see the module's docstring).
    "Northern Cyprus": "CY",
    "Turkish Republic of Northern Cyprus": "CY",
    "Kosovo": "XK",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "West Bank": "PS",
    "Gaza Strip": "PS",
    "Abkhazia": "GE",
    "South Ossetia": "GE",
    "Transnistria": "MD",
    "Nagorno-Karabakh": "AZ",
    "Artsakh": "AZ",
    "Somaliland": "SO",
    "Crimea": "UA",
    # Former names of countries that are still one country.
    "West Germany": "DE",
    "East Germany": "DE",
    "Federal Republic of Germany": "DE",
    "German Democratic Republic": "DE",
    "Burma": "MM",
    "Zaire": "CD",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "Republic of Macedonia": "MK",
    "Ceylon": "LK",
    "Moldavia": "MD",
    # Misspellings found in the Wikipedia lists (Hekman/twincities, commit 84ebdec).
    "Bosnia and Hercegovina": "BA",
    "Grece": "GR",
    "Island": "IS",  # Iceland in the Scandinavian languages: the row is Norðurþing.
    "Kazakhstah": "KZ",
    "Madagaskar": "MG",
    "Surinam": "SR",
    "in Italy": "IT",
}

REFUSED = {
    "Soviet Union": "RU, UA, KZ…",
    "USSR": "RU, UA, KZ…",
    "Czechoslovakia": "CZ, SK",
    "Yugoslavia": "RS, HR, SI, BA, MK, ME, XK",
    "Serbia and Montenegro": "RS, ME, XK",
}


class UnknownCountry(ValueError):
    """The name maps to no country; the message says why."""


def normalise(text: str) -> str:
    """Compare names without regard to case, Unicode form, spacing or dash style."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Tables:
    codes: dict[str, str]
    refused: dict[str, str]


@cache
def _tables() -> _Tables:
    with translation.override("en"):
        codes = {normalise(name): code for code, name in countries}
    codes.update({normalise(code): code for code, _name in countries})
    codes.update({normalise(name): code for name, code in EXPLICIT.items()})
    return _Tables(codes, {normalise(name): codes for name, codes in REFUSED.items()})


def country_code(name: str) -> str:
    """The ISO code for a country name; raises UnknownCountry with a readable reason."""
    key = normalise(name)
    if not key:
        raise UnknownCountry(_("no country given"))
    tables = _tables()
    if key in tables.refused:
        raise UnknownCountry(
            _(
                "“%(name)s” no longer exists and is now several countries (%(codes)s); "
                "give today's country"
            )
            % {"name": name, "codes": tables.refused[key]}
        )
    if key in tables.codes:
        return tables.codes[key]
    region, comma, country = key.rpartition(",")
    if comma:
        for part in (region.strip(), country.strip()):
            if part in tables.codes:
                return tables.codes[part]
    raise UnknownCountry(_("unknown country “%(name)s”") % {"name": name})
