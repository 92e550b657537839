"""The names a list gives its columns and its kinds of relationship, in the languages of
the lists offices have (tr, en, de, ru, kk), and the mappings an operator adds.

Header names are compared without regard to case, "_", "-" or spacing ("Partner_Country",
"partner-country" and "Partner Country" are one name). An operator can name a column the
importer does not know (`--column country=Land`), ignore one (`--column country=`), and
read a value the importer does not know as one it does (`--value kind:p=sister city`).
"""

from django.utils.translation import gettext as _

from importing.countries import normalise
from importing.problems import ImportRefused
from sistercities.models import RelationshipKind, RelationshipStatus

COLUMNS = {
    "city": (
        "city", "town", "municipality",
        "stadt", "gemeinde", "ort", "kommune",
        "şehir", "kent", "belediye",
        "город", "муниципалитет",
        "қала",
    ),
    "country": (
        "country",
        "land", "staat",
        "ülke",
        "страна",
        "ел", "мемлекет",
    ),
    "partner_city": (
        "partner city", "partner", "partner town", "sister city", "twin city", "twin town",
        "partnerstadt", "partnergemeinde", "partnerort", "partnerkommune",
        "kardeş şehir", "kardeş kent", "partner şehir",
        "город партнёр", "город партнер", "побратим", "город побратим",
        "серіктес қала", "бауырлас қала",
    ),
    "partner_country": (
        "partner country",
        "partnerland", "partnerstaat", "land der partnerstadt",
        "kardeş ülke", "partner ülke", "kardeş şehrin ülkesi",
        "страна партнёра", "страна партнера", "страна города партнёра",
        "серіктес ел", "серіктес қаланың елі",
    ),
    "since": (
        "since", "since year", "year", "established", "date",
        "seit", "jahr", "partnerschaft seit", "gegründet", "datum",
        "yıl", "tarih", "kuruluş", "kuruluş yılı",
        "год", "дата", "с года",
        "жыл", "күні",
    ),
    "kind": (
        "kind", "type",
        "art", "typ",
        "tür", "tip", "ilişki türü",
        "вид", "тип",
        "түрі",
    ),
    "status": (
        "status",
        "stand",
        "durum",
        "статус",
        "мәртебе", "күйі",
    ),
    "latitude": (
        "latitude", "lat",
        "breitengrad", "breite",
        "enlem",
        "широта",
        "ендік",
    ),
    "longitude": (
        "longitude", "lng", "lon",
        "längengrad", "länge",
        "boylam",
        "долгота",
        "бойлық",
    ),
    "partner_latitude": (
        "partner latitude", "partner lat",
        "partner breitengrad", "partner breite",
        "kardeş enlem", "kardeş şehir enlem",
        "широта партнёра", "широта партнера",
        "серіктес ендік",
    ),
    "partner_longitude": (
        "partner longitude", "partner lng", "partner lon",
        "partner längengrad", "partner länge",
        "kardeş boylam", "kardeş şehir boylam",
        "долгота партнёра", "долгота партнера",
        "серіктес бойлық",
    ),
    "source_url": (
        "source url", "source", "url",
        "quelle", "link",
        "kaynak", "bağlantı",
        "источник", "ссылка",
        "дереккөз", "сілтеме",
    ),
}  # fmt: skip
REQUIRED = ("city", "country", "partner_city", "partner_country")
# twin_cities.csv (Hekman/twincities) under the names above.
TWIN_CITIES = dict(
    zip(
        ("city", "country", "latitude", "longitude")
        + ("partner_city", "partner_country", "partner_latitude", "partner_longitude"),
        ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"),
        strict=True,
    )
)

_SISTER, _FRIENDSHIP, _COOPERATION = (
    RelationshipKind.SISTER_CITY.value,
    RelationshipKind.FRIENDSHIP.value,
    RelationshipKind.COOPERATION.value,
)
KIND_WORDS = {
    _SISTER: (
        "sister city", "sister", "twin", "twin town", "twin city", "partnership",
        "partnerstadt", "städtepartnerschaft", "partnerschaft", "schwesterstadt",
        "kardeş şehir", "kardeş kent", "kardeş",
        "город побратим", "побратим", "побратимство", "город партнёр", "партнёрство",
        "бауырлас қала", "бауырлас",
    ),
    _FRIENDSHIP: (
        "friendship", "friendship city", "friendship agreement",
        "freundschaft", "städtefreundschaft", "freundschaftsvertrag",
        "dostluk", "dost şehir", "dostluk şehri",
        "дружба", "город друг", "дружественный город",
        "достық", "дос қала",
    ),
    _COOPERATION: (
        "cooperation", "cooperation memorandum", "memorandum",
        "kooperation", "zusammenarbeit", "absichtserklärung",
        "işbirliği", "iş birliği", "mutabakat",
        "сотрудничество", "меморандум",
        "ынтымақтастық", "меморандум",
    ),
}  # fmt: skip
STATUS_WORDS = {
    RelationshipStatus.PROPOSED.value: (
        "proposed", "geplant", "vorgeschlagen", "önerildi", "teklif", "предложено",
        "ұсынылған",
    ),
    RelationshipStatus.ACTIVE.value: (
        "active", "aktiv", "aktif", "действует", "активно", "белсенді",
    ),
    RelationshipStatus.SUSPENDED.value: (
        "suspended", "ruhend", "ausgesetzt", "askıda", "приостановлено", "тоқтатылған",
    ),
    RelationshipStatus.ENDED.value: (
        "ended", "beendet", "aufgelöst", "sona erdi", "bitti", "прекращено", "аяқталған",
    ),
}  # fmt: skip


def header_name(cell: str) -> str:
    return normalise(cell.replace("_", " ").replace("-", " "))


def _words(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    words = {header_name(value): value for value in table}
    words.update({header_name(word): value for value, words_ in table.items() for word in words_})
    return words


KINDS = _words(KIND_WORDS)
STATUSES = _words(STATUS_WORDS)
VALUE_COLUMNS = {"kind": KINDS, "status": STATUSES, "country": None}


def parse_column_mapping(options: list[str]) -> dict[str, str]:
    """`key=Header` options as {key: normalised header}; an empty header ignores the column."""
    mapping = {}
    for option in options:
        key, equals, header = option.partition("=")
        key = header_name(key).replace(" ", "_")
        if not equals or key not in COLUMNS:
            raise ImportRefused(
                _("Column mapping “%(option)s”: write COLUMN=HEADER, COLUMN one of %(keys)s.")
                % {"option": option, "keys": ", ".join(COLUMNS)}
            )
        mapping[key] = header_name(header)
    return mapping


def parse_value_mapping(options: list[str]) -> dict[tuple[str, str], str]:
    """`column:value=meaning` options as {(column, normalised value): meaning}."""
    mapping = {}
    for option in options:
        column, colon, rest = option.partition(":")
        value, equals, meaning = rest.partition("=")
        column = header_name(column).replace(" ", "_")
        if not (colon and equals and value.strip() and meaning.strip()) or (
            column not in VALUE_COLUMNS
        ):
            raise ImportRefused(
                _(
                    "Value mapping “%(option)s”: write COLUMN:VALUE=MEANING, COLUMN one of "
                    "%(keys)s (country applies to both countries)."
                )
                % {"option": option, "keys": ", ".join(VALUE_COLUMNS)}
            )
        words = VALUE_COLUMNS[column]
        if words is not None and header_name(meaning) not in words:
            raise ImportRefused(
                _("Value mapping “%(option)s”: “%(meaning)s” is none of %(choices)s.")
                % {
                    "option": option,
                    "meaning": meaning,
                    "choices": ", ".join(sorted(set(words.values()))),
                }
            )
        mapping[(column, header_name(value))] = meaning.strip()
    return mapping
