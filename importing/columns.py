"""The names a list gives its columns and its kinds of relationship, in the languages of
the lists offices have (tr, en, de, ru, kk), and the mappings an operator adds.

Header names and values are compared folded (`folding.fold`: case, Turkish "İ"/"I"/"ı",
marks, "_", "-" and spacing aside: "İlişki Türü", "ILIŞKI_TÜRÜ" and "iliski turu" are one
name). An operator can name a column the importer does not know (`--column country=Land`),
ignore one (`--column country=`), and read a value the importer does not know as one it
does (`--value kind:p=sister city`). The field is named by its key or by its label in any
of the interface's languages (`FIELD_LABELS`: `--column "kardeş ülke=Ülkesi"`).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from importing.folding import fold
from importing.problems import ImportRefused
from sistercities.models import RelationshipKind, RelationshipStatus

COLUMNS = {
    "city": (
        "city", "town", "municipality",
        "stadt", "gemeinde", "ort", "kommune",
        "şehir", "kent", "belediye", "şehir adı", "belediye adı",
        "город", "муниципалитет", "населённый пункт",
        "қала", "қала атауы",
    ),
    "country": (
        "country",
        "land", "staat",
        "ülke", "ülkesi",
        "страна",
        "ел", "мемлекет",
    ),
    "partner_city": (
        "partner city", "partner", "partner town", "sister city", "twin city", "twin town",
        "partnerstadt", "partnergemeinde", "partnerort", "partnerkommune",
        "kardeş şehir", "kardeş kent", "partner şehir", "kardeş belediye",
        "город партнёр", "город партнер", "побратим", "город побратим",
        "серіктес қала", "бауырлас қала",
    ),
    "partner_country": (
        "partner country",
        "partnerland", "partnerstaat", "land der partnerstadt",
        "kardeş ülke", "partner ülke", "kardeş şehrin ülkesi", "kardeş şehir ülkesi",
        "страна партнёра", "страна партнера", "страна города партнёра", "страна побратима",
        "страна города побратима",
        "серіктес ел", "серіктес қаланың елі", "бауырлас ел", "бауырлас қаланың елі",
    ),
    "since": (
        "since", "since year", "year", "established", "date", "date of establishment",
        "seit", "jahr", "partnerschaft seit", "gegründet", "datum", "gründungsdatum",
        "gründungsjahr", "datum der partnerschaft", "unterzeichnet am",
        "yıl", "tarih", "kuruluş", "kuruluş yılı", "kuruluş tarihi", "kardeşlik tarihi",
        "kardeşlik yılı", "protokol tarihi", "imza tarihi",
        "год", "дата", "с года", "дата установления", "дата подписания", "год установления",
        "дата установления отношений",
        "жыл", "күні", "құрылған күні", "құрылған жылы", "қол қойылған күні",
    ),
    "kind": (
        "kind", "type", "kind of relationship", "relationship type",
        "art", "typ", "art der partnerschaft", "partnerschaftsart",
        "tür", "türü", "tip", "ilişki türü", "ilişki tipi",
        "вид", "тип", "тип отношений", "вид отношений", "тип связи",
        "түрі", "қарым қатынас түрі", "қатынас түрі",
    ),
    "status": (
        "status", "relationship status",
        "stand", "partnerschaftsstatus",
        "durum", "durumu", "ilişki durumu",
        "статус", "статус отношений", "состояние",
        "мәртебе", "мәртебесі", "күйі", "жағдайы",
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


# The importer's fields by their label in the interface's languages: a mapping may name a
# field so (`--column "ilişki türü=Tür"`) as well as by its key.
FIELD_LABELS = {
    "city": pgettext_lazy("import field", "city"),
    "country": pgettext_lazy("import field", "country"),
    "partner_city": pgettext_lazy("import field", "partner city"),
    "partner_country": pgettext_lazy("import field", "partner country"),
    "since": pgettext_lazy("import field", "date of establishment"),
    "kind": pgettext_lazy("import field", "kind of relationship"),
    "status": pgettext_lazy("import field", "status"),
    "latitude": pgettext_lazy("import field", "latitude"),
    "longitude": pgettext_lazy("import field", "longitude"),
    "partner_latitude": pgettext_lazy("import field", "partner latitude"),
    "partner_longitude": pgettext_lazy("import field", "partner longitude"),
    "source_url": pgettext_lazy("import field", "source url"),
}


def header_name(cell: str) -> str:
    """A header or value as it is compared: folded, "_" and "-" as spaces."""
    return fold(cell.replace("_", " ").replace("-", " "))


# The column names as they are compared.
COLUMN_NAMES = {
    key: tuple(dict.fromkeys(map(header_name, names))) for key, names in COLUMNS.items()
}


def _words(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    words = {header_name(value): value for value in table}
    words.update({header_name(word): value for value, words_ in table.items() for word in words_})
    return words


KINDS = _words(KIND_WORDS)
STATUSES = _words(STATUS_WORDS)
VALUE_COLUMNS = {"kind": KINDS, "status": STATUSES, "country": None}


def field_key(name: str, keys) -> str | None:
    """The key among `keys` that `name` means: the key itself, or its label in one of the
    interface's languages; None if it means none."""
    wanted = header_name(name)
    for key in keys:
        if wanted == header_name(key):
            return key
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for key in keys:
                if wanted == header_name(str(FIELD_LABELS[key])):
                    return key
    return None


def _field_names(keys) -> str:
    """The keys with their labels in the current language, for an error message."""
    return ", ".join(
        key if header_name(key) == header_name(str(FIELD_LABELS[key])) else
        f"{key} ({FIELD_LABELS[key]})"
        for key in keys
    )  # fmt: skip


def parse_column_mapping(options: list[str]) -> dict[str, str]:
    """`field=Header` options as {key: folded header}; an empty header ignores the column."""
    mapping = {}
    for option in options:
        name, equals, header = option.partition("=")
        key = field_key(name, COLUMNS)
        if not equals or key is None:
            raise ImportRefused(
                _("Column mapping “%(option)s”: write COLUMN=HEADER, COLUMN one of %(keys)s.")
                % {"option": option, "keys": _field_names(COLUMNS)}
            )
        mapping[key] = header_name(header)
    return mapping


def parse_value_mapping(options: list[str]) -> dict[tuple[str, str], str]:
    """`field:value=meaning` options as {(key, folded value): meaning}."""
    mapping = {}
    for option in options:
        name, colon, rest = option.partition(":")
        value, equals, meaning = rest.partition("=")
        column = field_key(name, VALUE_COLUMNS)
        if not (colon and equals and value.strip() and meaning.strip()) or column is None:
            raise ImportRefused(
                _(
                    "Value mapping “%(option)s”: write COLUMN:VALUE=MEANING, COLUMN one of "
                    "%(keys)s (country applies to both countries)."
                )
                % {"option": option, "keys": _field_names(VALUE_COLUMNS)}
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
