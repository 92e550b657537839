"""The interface catalogues in locale/ and the Kazakh country names: complete, checked,
compiled."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django_countries import base as countries_base
from django_countries import data as countries_data

from tests.portal.i18n.catalogues import (
    COUNTRIES_LOCALE,
    LANGUAGES,
    LOCALE,
    catalogue,
    placeholders,
    translations,
)

DJANGO_LOCALE = Path(translation.__file__).parents[2] / "conf" / "locale"


def entry_id(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert len(po) > 300  # the catalogue was made from the source, not left empty
    untranslated = [
        entry_id(entry) for entry in po if not all(text.strip() for text in translations(entry))
    ]
    fuzzy = [entry_id(entry) for entry in po if "fuzzy" in entry.flags]
    obsolete = [entry_id(entry) for entry in po.obsolete_entries()]
    assert (untranslated, fuzzy, obsolete) == ([], [], [])
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_djangos_own(language):
    """Django merges our catalogue with its own; the same plural rule keeps them one."""
    django_po = polib.pofile(str(DJANGO_LOCALE / language / "LC_MESSAGES" / "django.po"))
    po = catalogue(language)
    assert po.metadata["Plural-Forms"] == django_po.metadata["Plural-Forms"]
    plurals = int(re.search(r"nplurals=(\d)", po.metadata["Plural-Forms"])[1])
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == plurals, entry_id(entry)


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    wrong = []
    for entry in catalogue(language):
        for index, text in enumerate(translations(entry)):
            source = entry.msgid_plural if entry.msgid_plural and index else entry.msgid
            expected = placeholders(source)
            found = placeholders(text)
            if entry.msgid_plural:
                # A plural form may leave out the number its choice already says
                # ("one visit"), never any other placeholder.
                expected_named = set(placeholders(entry.msgid_plural)[0])
                if not set(found[0]) <= expected_named or found[1:] != expected[1:]:
                    wrong.append((entry_id(entry), text))
            elif found != expected:
                wrong.append((entry_id(entry), text))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_url_patterns_are_lower_case_ascii_slugs_with_their_converters(language):
    seen = {}
    for entry in catalogue(language):
        if not entry.msgid.endswith("/") or " " in entry.msgid:
            continue
        path = entry.msgstr
        assert re.fullmatch(r"([a-z0-9-]+/|<\w+:\w+>/)+", path), path
        assert re.findall(r"<[^>]+>", path) == re.findall(r"<[^>]+>", entry.msgid), path
        assert path not in seen, (path, seen.get(path), entry.msgid)
        seen[path] = entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): translations(entry) for entry in mo}
    stale = [
        entry_id(entry)
        for entry in po
        if compiled.get((entry.msgctxt, entry.msgid)) != translations(entry)
    ]
    assert stale == [], "run manage.py compilemessages"


def test_kazakh_month_names_are_lower_case_in_dates():
    po = catalogue("kk")
    months = [entry for entry in po if entry.msgctxt == "alt. month"]
    assert len(months) == 12
    assert all(entry.msgstr == entry.msgstr.lower() for entry in months)
    with translation.override("kk"):
        assert translation.pgettext("alt. month", "August") == "тамыз"


def test_django_strings_the_public_site_shows_are_translated_into_kazakh():
    """Django's kk catalogue lacks some of them; a missing one would fall back to Turkish."""
    with translation.override("kk"):
        assert (
            translation.pgettext("String to return when truncating text", "%(truncated_text)s…")
            == "%(truncated_text)s…"
        )
        assert translation.gettext("That page contains no results") == "Бұл бетте нәтиже жоқ"
        assert "таңдаңыз" in translation.gettext(
            "Select a valid choice. %(value)s is not one of the available choices."
        )


# The Kazakh country names --------------------------------------------------------------


def django_countries_msgids() -> set[str]:
    names = {str(name) for name in countries_data.COUNTRIES.values()}
    names |= {str(name) for name in countries_base.CountriesBase.COMMON_NAMES.values()}
    names |= {str(name) for old in countries_base.CountriesBase.OLD_NAMES.values() for name in old}
    return names


def countries_catalogue() -> polib.POFile:
    return polib.pofile(str(COUNTRIES_LOCALE / "kk" / "LC_MESSAGES" / "django.po"))


def test_every_country_has_a_kazakh_name():
    with translation.override("en"):
        wanted = django_countries_msgids()
    po = countries_catalogue()
    names = {entry.msgid: entry.msgstr for entry in po}
    assert sorted(wanted - set(names)) == []
    assert all(re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", name) for name in names.values())
    assert not [entry.msgid for entry in po if "fuzzy" in entry.flags or not entry.msgstr]
    mo = polib.mofile(str(COUNTRIES_LOCALE / "kk" / "LC_MESSAGES" / "django.mo"))
    assert {entry.msgid: entry.msgstr for entry in mo} == names


def test_country_names_catalogue_is_out_of_makemessages_reach():
    """makemessages writes to the first of LOCALE_PATHS for every file of the project and to
    folders named "locale"; the country names sit in neither."""
    assert settings.LOCALE_PATHS[0] == settings.BASE_DIR / "locale"
    assert COUNTRIES_LOCALE in [Path(path) for path in settings.LOCALE_PATHS[1:]]
    assert COUNTRIES_LOCALE.name != "locale"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("KZ", "Қазақстан"),
        ("TR", "Түркия"),
        ("RU", "Ресей"),
        ("KG", "Қырғызстан"),
        ("XK", "Косово"),
        ("XN", "Солтүстік Кипр Түрік Республикасы"),
    ],
)
def test_countries_are_named_in_kazakh(code, name):
    from django_countries.fields import Country

    with translation.override("kk"):
        assert Country(code).name == name


def test_every_country_a_city_can_have_is_named_in_kazakh():
    """The admin's choices, those of COUNTRIES_OVERRIDE (named in locale/) included."""
    from django_countries import countries

    with translation.override("kk"):
        unnamed = [
            code for code, name in countries if not re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", name)
        ]
    assert unnamed == []
    assert {"XK", "XN"} <= {code for code, _name in countries}


# The catalogues against the source ------------------------------------------------------

# What `makemessages` is told to leave out (see the catalogue header), and what it would
# not read anyway.
NOT_SOURCE = {".venv", "node_modules", "staticfiles", "bench", "tests", "locale", "media"}


def source_msgids(tmp_path, monkeypatch, settings) -> set[tuple[str | None, str]]:
    """The msgids makemessages finds in the project today, gathered in a copy of the
    source so that the real catalogues are left alone."""
    from django.core.management import call_command

    root = Path(settings.BASE_DIR)
    copy = tmp_path / "source"
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if path.suffix not in {".py", ".html", ".txt"} or not path.is_file():
            continue
        if relative.parts[0] in NOT_SOURCE or any(part.startswith(".") for part in relative.parts):
            continue
        if "countries_locale" in relative.parts or relative.parts[0] == "build":
            continue
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        (copy / relative).write_bytes(path.read_bytes())
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    call_command("makemessages", locale=["tr"], verbosity=0)
    po = polib.pofile(str(copy / "locale" / "tr" / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid) for entry in po}


def test_catalogues_hold_every_msgid_of_the_source(tmp_path, monkeypatch, settings):
    """A string added to the source without `makemessages` and a translation would show
    in English, or in Turkish on Kazakh pages."""
    wanted = source_msgids(tmp_path, monkeypatch, settings)
    assert len(wanted) > 300
    for language in LANGUAGES:
        held = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
        assert sorted(wanted - held, key=str) == [], language
