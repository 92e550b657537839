"""Country names, as lists write them in any language, mapped to ISO 3166-1 alpha-2 codes.

A name is looked up, case, marks and spacing aside (`folding.fold`: "TÜRKİYE" is
"Turkiye"), in this order:

1. `EXPLICIT`: spellings the ISO names do not cover, each mapped on purpose (below).
2. `REFUSED`: historical countries whose territory is split between several countries of
   today; guessing one would be wrong, so the row is refused with the reason.
3. The English ISO short names (django-countries), the alpha-2 codes themselves, and the
   CLDR names (Babel) in the languages whose lists the importer reads (`LIST_LANGUAGES`:
   "Almanya", "Deutschland", "Германия" for DE).
4. "Region, Country" ("Brandenburg, Germany", "Réunion, France"): the region when it is
   itself a country or territory with its own code (Réunion is RE), else the country.
5. Steps 3 and 4 again with the CLDR names in every other language CLDR knows, loaded only
   when a name is not found above ("Saksamaa", "Niemcy"); a name that means two countries
   in two languages (the Estonian "Kongo") is left out and so refused.

Disputed territories take the code of the state the United Nations recognise as sovereign
there, since ISO 3166 gives them none: Abkhazia and South Ossetia are GE, Transnistria is
MD, Nagorno-Karabakh is AZ, Somaliland is SO, Crimea is UA. Three exceptions: Palestine
(and the West Bank, Gaza) is PS, which ISO assigns; Kosovo is XK, the user-assigned code
the EU, the IMF and CLDR use; the Turkish Republic of Northern Cyprus is XN, a country of
its own for a Turkish municipality, which cannot list its partners there under Cyprus (both
user-assigned codes are declared in the portal's COUNTRIES_OVERRIDE, with their names).
Their names are matched in Turkish capitals and with ı typed as i too ("KUZEY KIBRIS",
"Kuzey Kibris"), as Turkish lists write them.
Former names of a country that is still one country map to it: West and East Germany are
DE, Burma MM, Zaire CD, Swaziland SZ, Macedonia MK.
"""

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError, localedata
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from importing.folding import fold

# The languages of the lists offices have: the portal's four and German.
LIST_LANGUAGES = ("tr", "en", "de", "ru", "kk")

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
    "KKTC": "XN",
    "K.K.T.C.": "XN",
    "K.K.T.C": "XN",
    "Kuzey Kıbrıs": "XN",
    "Kuzey Kıbrıs Türk Cumhuriyeti": "XN",
    "Northern Cyprus": "XN",
    "North Cyprus": "XN",
    "Turkish Republic of Northern Cyprus": "XN",
    "TRNC": "XN",
    "T.R.N.C.": "XN",
    "Nordzypern": "XN",
    "Türkische Republik Nordzypern": "XN",
    "Северный Кипр": "XN",
    "Турецкая Республика Северного Кипра": "XN",
    "ТРСК": "XN",
    "Солтүстік Кипр": "XN",
    "Солтүстік Кипр Түрік Республикасы": "XN",
    "Kosovo": "XK",
    "Kosova": "XK",
    "Republic of Kosovo": "XK",
    "Kosova Cumhuriyeti": "XK",
    "Косово": "XK",
    "Республика Косово": "XK",
    "Косово Республикасы": "XK",
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


@dataclass(frozen=True)
class _Tables:
    codes: dict[str, str]
    refused: dict[str, str]


def _known_codes() -> set[str]:
    return {code for code, _name in countries} | {"XK"}


def _cldr_names(locale_ids) -> dict[str, str]:
    """Each CLDR country name of these locales, save those meaning two countries."""
    known = _known_codes()
    found: dict[str, set[str]] = {}
    for locale_id in locale_ids:
        try:
            territories = Locale.parse(locale_id).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code in known:
                found.setdefault(fold(name), set()).add(code)
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1}


def _tables() -> _Tables:
    codes = _cldr_names(LIST_LANGUAGES)
    with translation.override("en"):
        codes.update({fold(name): code for code, name in countries})
    codes.update({fold(code): code for code, _name in countries})
    codes.update({fold(name): code for name, code in EXPLICIT.items()})
    return _Tables(codes, {fold(name): codes for name, codes in REFUSED.items()})


@cache
def _all_cldr_names() -> dict[str, str]:
    """The names in every language CLDR has (about 1.5 s to load, so only when needed)."""
    languages = [
        locale_id
        for locale_id in localedata.locale_identifiers()
        if "_" not in locale_id or locale_id.split("_")[1].istitle()  # sr_Latn, not de_AT
    ]
    return _cldr_names(languages)


def _find(key: str, codes: dict[str, str]) -> str | None:
    """The code of `key`, else of its region or its country if it is "Region, Country"."""
    if code := codes.get(key):
        return code
    region, comma, country = key.rpartition(",")
    if comma:
        for part in (region.strip(), country.strip()):
            if code := codes.get(part):
                return code
    return None


def country_code(name: str) -> str:
    """The ISO code for a country name; raises UnknownCountry with a readable reason."""
    key = fold(name)
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
    if code := _find(key, tables.codes) or _find(key, _all_cldr_names()):
        return code
    raise UnknownCountry(_("unknown country “%(name)s”") % {"name": name})
