"""Importing the real list: dry run, matching, merging, idempotence, sources, publication."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from importing.reading import ImportRefused
from importing.service import WIKIPEDIA_LISTS, relationships_import
from sistercities.models import City, CityAlias, Relationship, Source, StatusChange
from tests.helpers.importing import SLICE, count_queries, row_counts

# The list names Galateia twice, once in Northern Cyprus and once in Cyprus: two countries
# for the portal (the KKTC is XN), so two cities; the office corrects the second (or maps
# the list's "Cyprus" to XN). Agios Sergios, in the north too, is "Cyprus" in the list.
NEW_PAIRS = 17
OSMANGAZI_PARTNERS = {
    "Sarajevo – Stari Grad": "BA",
    "Kardzhali": "BG",
    "Mamusha": "XK",
    "Galateia": "XN",
    "Beit Hanoun": "PS",
    "Gaza City": "PS",
    "Agios Sergios": "CY",
    "Aleppo": "SY",
    "Arriana": "GR",
    "Čair (Skopje)": "MK",
    "Konaev": "KZ",
    "Lahn-Dill (district)": "DE",
    "Obiliq": "XK",
    "Omurtag": "BG",
    "Preševo": "RS",
    "Topeiros": "GR",
    "Turakurgan": "UZ",
}

# What Osmangazi's 19 rows give: Stari Grad is listed twice (once from each side), and
# Galateia twice in two countries (Northern Cyprus and Cyprus), which are two cities.
OSMANGAZI_ROWS_PARTNERS = {*OSMANGAZI_PARTNERS.items(), ("Galateia", "CY")}

pytestmark = pytest.mark.django_db


def partners_of_osmangazi() -> set[tuple[str, str]]:
    home = City.objects.home()
    return {
        (str(r.partner_city.name), r.partner_city.country.code)
        for r in Relationship.objects.involving(home).select_related("partner_city")
    }


def test_the_dry_run_writes_nothing(showcase, twin_cities):
    before = row_counts()
    report = relationships_import(data=twin_cities)
    assert len(report.new_pairs) == NEW_PAIRS
    assert row_counts() == before


def test_the_osmangazi_rows_give_its_partners_with_their_iso_countries(showcase, twin_cities):
    report = relationships_import(data=twin_cities, commit=True)
    # 19 rows; Stari Grad is listed twice (once from each side), Galateia twice in two
    # countries (NEW_PAIRS).
    assert len(report.merged_pairs) == 1
    assert partners_of_osmangazi() == OSMANGAZI_ROWS_PARTNERS
    assert report.skipped > 0
    assert not City.objects.filter(name_en="Berat").exists()


def test_kapchagay_in_the_file_is_the_existing_konaev(showcase, twin_cities):
    konaev = City.objects.get(slug="konaev")
    report = relationships_import(data=twin_cities, commit=True)
    (matched,) = [city for city in report.matched_cities if city.name == "Konaev"]
    assert matched.city_id == konaev.pk
    assert list(matched.spellings) == ["Kapchagay"]
    assert Relationship.objects.filter(partner_city=konaev).count() == 1
    assert Relationship.objects.get(partner_city=konaev).slug == "osmangazi-kapchagay"
    assert not City.objects.filter(name_en="Kapchagay").exists()


def test_a_former_name_in_another_language_matches_too(showcase):
    data = "city,country,partner city,partner country\nOsmangazi,TR,Қапшағай,KZ\n".encode()
    report = relationships_import(data=data)
    assert [city.name for city in report.matched_cities] == ["Osmangazi", "Konaev"]
    assert report.new_pairs == []


def test_importing_the_same_file_twice_changes_nothing(showcase, twin_cities):
    relationships_import(data=twin_cities, commit=True)
    after_first = row_counts()
    report = relationships_import(data=twin_cities, commit=True)
    assert row_counts() == after_first
    assert report.new_pairs == [] and report.new_cities == []
    assert len(report.existing_pairs) == NEW_PAIRS + 1  # and the showcase's


def test_the_alias_table_merges_two_spellings_of_one_place(showcase, twin_cities):
    relationships_import(data=twin_cities, commit=True)
    stari_grad = City.objects.get(name_en="Sarajevo – Stari Grad")
    assert not City.objects.filter(name_en="Stari Grad (Sarajevo)").exists()
    assert Relationship.objects.filter(partner_city=stari_grad).count() == 1


def test_an_alias_added_by_staff_is_used(showcase):
    CityAlias.objects.create(name="Kapçağay", country="KZ", same_as="Konaev")
    data = "city,country,partner city,partner country\nOsmangazi,TR,Kapçağay,KZ\n".encode()
    (matched,) = relationships_import(data=data).existing_pairs
    assert matched.partner.name == "Konaev"
    assert matched.partner.how == "alias"


def test_without_an_alias_two_spellings_stay_two_cities(showcase):
    data = (
        "city,country,partner city,partner country\n"
        "Osmangazi,TR,Stari Grad Sarajevo,BA\n"
        "Osmangazi,TR,Sarajevo – Stari Grad,BA\n"
    ).encode()
    assert len(relationships_import(data=data).new_cities) == 2


def test_imported_relationships_carry_the_list_as_source_and_wait_for_a_publisher(
    showcase, twin_cities
):
    relationships_import(data=twin_cities, commit=True)
    source = Source.objects.get(title=WIKIPEDIA_LISTS.title)
    assert source.licence == "CC BY-SA 4.0"
    assert "Wikipedia" in source.note_en and "Hekman/twincities" in source.url
    for relationship in Relationship.objects.prefetch_related("sources"):
        assert source in relationship.sources.all()
    assert Relationship.objects.filter(is_published=False).count() == NEW_PAIRS
    assert Relationship.objects.get(slug="osmangazi-kapchagay").is_published


def test_imports_write_history_in_bulk(showcase, twin_cities, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        relationships_import(data=twin_cities, commit=True, reason="test import")
    history = Relationship.history.filter(history_change_reason="test import")
    assert history.count() == NEW_PAIRS


def test_queries_grow_with_batches_not_rows(showcase, twin_cities):
    header, *rows = twin_cities.splitlines(keepends=True)
    relationships_import(data=header + rows[0], all_pairs=True, commit=True)  # the Source
    few = count_queries(
        lambda: relationships_import(data=header + b"".join(rows[1:6]), all_pairs=True, commit=True)
    )
    many = count_queries(
        lambda: relationships_import(data=twin_cities, all_pairs=True, commit=True)
    )
    assert many == few


def test_all_pairs_imports_every_usable_row(showcase, twin_cities):
    report = relationships_import(data=twin_cities, all_pairs=True, commit=True)
    assert report.skipped == 0
    assert Relationship.objects.count() == 1 + len(report.new_pairs)
    hailar = City.objects.get(name_en="Hulunbuir – Hailar")
    # Hailar–Chita is listed from both sides, under two spellings of Hailar.
    assert Relationship.objects.involving(hailar).count() == 2
    assert any(str(pair.partner) == "Chita (RU)" and pair.repeated_on for pair in report.pairs)


def test_a_generic_list_sets_kind_date_and_status(showcase):
    data = (
        b"city,country,partner city,partner country,since,kind,status,source url\n"
        b"Osmangazi,Turkey,Aleppo,Syria,2009-10,friendship,ended,https://example.org/list\n"
    )
    relationships_import(data=data, commit=True, publish=True)
    relationship = Relationship.objects.get(partner_city__name_en="Aleppo")
    assert (relationship.kind, relationship.established_on.isoformat()) == ("friendship", "2009-10")
    assert relationship.is_published
    assert StatusChange.objects.get(relationship=relationship).status == "ended"
    assert relationship.sources.get().url == "https://example.org/list"


def test_a_row_pairing_a_city_with_itself_is_unusable(showcase):
    data = b"city,country,partner city,partner country\nOsmangazi,TR,Osmangazi,Turkey\n"
    (problem,) = relationships_import(data=data).problems
    assert (problem.line, "own sister" in problem.reason) == (2, True)


def test_without_the_home_city_the_import_is_refused(db, twin_cities):
    with pytest.raises(ImportRefused, match="home city"):
        relationships_import(data=twin_cities)


def test_the_command_dry_run_lists_what_it_would_do(showcase, capsys):
    before = row_counts()
    call_command("import_relationships", str(SLICE))
    out = capsys.readouterr().out
    assert "Nothing has been written" in out
    assert "“Kapchagay” is Konaev (KZ)" in out
    assert "“Stari Grad (Sarajevo)”" in out
    assert "line 18: Nienburg (DE) cannot be its own sister" in out
    assert "line 19: Varna, Bulgaria: no country given" in out
    assert row_counts() == before


def test_the_command_commits_and_refuses_bad_files(showcase, tmp_path):
    call_command("import_relationships", str(SLICE), "--commit", verbosity=0)
    assert Relationship.objects.count() == NEW_PAIRS + 1  # and the showcase
    before = row_counts()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"city,country,partner city,partner country\nA,TR,B,SY\n\x00\n")
    with pytest.raises(CommandError, match="Line 3 holds a NUL byte"):
        call_command("import_relationships", str(bad), "--commit")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    with pytest.raises(CommandError, match="The file is 100.0 MB; the limit is 20 MB"):
        call_command("import_relationships", str(huge), "--commit")
    assert row_counts() == before


def test_the_command_speaks_the_operators_language(showcase, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(b"city,country,partner city,partner country\nOsmangazi,TR,Aleppo,Atlantis\n")
    call_command("import_relationships", str(path), verbosity=0)
    assert "line 2: Aleppo: unknown country “Atlantis”" in capsys.readouterr().out
    call_command("import_relationships", str(path), "--language=tr", verbosity=0)
    out = capsys.readouterr().out
    assert "Kullanılamayan satırlar" in out and "bilinmeyen ülke “Atlantis”" in out
    assert "Nothing has been written" not in out


def test_the_command_takes_mappings(showcase, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Ort;Partner;Staat;Typ\nOsmangazi;Aleppo;SY;p\n", encoding="cp1252")
    call_command(
        "import_relationships",
        str(path),
        "--commit",
        "--column=partner_country=Staat",
        "--column",
        "kind=Typ",
        "--value=kind:p=sister",
        "--home-country=TR",
        verbosity=0,
    )
    assert Relationship.objects.get(partner_city__name_en="Aleppo").kind == "sister_city"
    with pytest.raises(CommandError, match="Value mapping “kind=p”"):
        call_command("import_relationships", str(path), "--value=kind=p")
