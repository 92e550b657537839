"""A mislabelled country column is caught, duplicates that disagree are conflicts, and a
corrected list updates what it corrects; nothing is written by a refused file."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from importing.reading import ImportRefused, Options, read_file
from importing.service import relationships_import
from sistercities.models import City, Relationship
from tests.helpers.importing import row_counts

pytestmark = pytest.mark.django_db

# A German town's list whose "Land" column holds the partners' countries.
MISLABELLED = (
    "Stadt;Land;Partnerstadt;Partnerland;Breite;Länge\n"
    "Nienburg;Frankreich;Vitré;Frankreich;52,64;9,21\n"
    "Nienburg;Polen;Żary;Polen;52,64;9,21\n"
    "Nienburg;Vereinigtes Königreich;Bridgwater;Vereinigtes Königreich;52,64;9,21\n"
).encode("cp1252", errors="replace")


def test_coordinates_far_from_the_stated_country_make_the_row_unusable():
    data = (
        "city,country,partner city,partner country,latitude,longitude\n"
        "Nienburg,France,Vitré,France,52.64,9.21\n"
        "Hoya,Germany,Vitré,France,52.81,9.14\n"
    ).encode()
    parsed = read_file(data)
    (problem,) = parsed.problems
    assert problem.line == 2
    assert "52.64, 9.21 lie far from FR (in DE)" in problem.reason
    assert [row.line for row in parsed.rows] == [3]


KKTC_SPELLINGS = ["KKTC", "K.K.T.C.", "Kuzey Kıbrıs", "KUZEY KIBRIS TÜRK CUMHURİYETİ", "TRNC"]
KKTC_SPELLINGS += ["Northern Cyprus", "Северный Кипр", "Солтүстік Кипр"]


@pytest.mark.parametrize("country", KKTC_SPELLINGS)
def test_a_kktc_row_is_read_as_the_kktc_and_its_coordinates_in_cyprus_accepted(country):
    data = (
        "city;country;partner city;partner country;partner latitude;partner longitude\n"
        f"Osmangazi;Türkiye;Gazimağusa;{country};35,125;33,94167\n"
    ).encode()
    parsed = read_file(data)
    assert parsed.problems == []
    (row,) = parsed.rows
    assert (row.partner.name, row.partner.country) == ("Gazimağusa", "XN")
    assert (row.partner.latitude, row.partner.longitude) == (Decimal("35.125"), Decimal("33.94167"))


@pytest.mark.parametrize(
    ("country", "latitude", "longitude", "where"),
    [
        ("Kosova", "42,21389", "20,73972", "Prizren"),
        ("Косово", "42,66", "21,16", "Priştine"),
        ("Kosovo", "45,25", "19,84", "Novi Sad, in Serbia's cells only"),
    ],
)
def test_a_kosovo_row_is_read_as_kosovo_within_its_cells_or_serbias(
    country, latitude, longitude, where
):
    data = (
        "city;country;partner city;partner country;partner latitude;partner longitude\n"
        f"Osmangazi;Türkiye;Prizren;{country};{latitude};{longitude}\n"
    ).encode()
    parsed = read_file(data)
    assert parsed.problems == [], where
    assert parsed.rows[0].partner.country == "XK"


def test_kktc_and_kosovo_coordinates_far_from_them_are_still_refused():
    data = (
        "city;country;partner city;partner country;partner latitude;partner longitude\n"
        "Osmangazi;Türkiye;Gazimağusa;KKTC;52,64;9,21\n"
        "Osmangazi;Türkiye;Prizren;Kosova;52,64;9,21\n"
    ).encode()
    parsed = read_file(data)
    assert [problem.line for problem in parsed.problems] == [2, 3]
    assert "lie far from XN (in DE)" in parsed.problems[0].reason
    assert "lie far from XK (in DE)" in parsed.problems[1].reason


def test_a_home_country_that_varies_in_one_towns_list_refuses_the_file(showcase):
    before = row_counts()
    data = "Stadt;Land;Partnerstadt;Partnerland\nNienburg;Frankreich;Vitré;Frankreich\n"
    data += "Nienburg;Polen;Żary;Polen\n"
    with pytest.raises(ImportRefused, match="Every row is about Nienburg, but its country"):
        relationships_import(data=data.encode(), all_pairs=True, commit=True)
    assert row_counts() == before
    # Said right, the same list goes in.
    options = Options(home_country="DE")
    report = relationships_import(data=data.encode(), options=options, all_pairs=True)
    assert len(report.new_pairs) == 2 and report.problems == []


def test_the_command_refuses_the_mislabelled_list_and_takes_it_with_mappings(showcase, tmp_path):
    path = tmp_path / "nienburg.csv"
    path.write_bytes(MISLABELLED)
    before = row_counts()
    with pytest.raises(CommandError, match="seems to hold the partners' countries"):
        call_command("import_relationships", str(path), "--all-pairs", "--commit")
    assert row_counts() == before
    call_command(
        "import_relationships",
        str(path),
        "--all-pairs",
        "--commit",
        "--home-country=DE",
        verbosity=0,
    )
    nienburg = City.objects.get(name_en="Nienburg")
    assert nienburg.country.code == "DE"
    assert Relationship.objects.involving(nienburg).count() == 3


CONFLICTS = (
    b"city,country,partner city,partner country,kind,since\n"
    b"Osmangazi,TR,Aleppo,SY,friendship,1999\n"
    b"Osmangazi,TR,Kardzhali,BG,,\n"
    b"Aleppo,SY,Osmangazi,TR,sister city,1999\n"
    b"Osmangazi,TR,Kardzhali,BG,friendship,2001\n"
)


def test_duplicates_that_disagree_are_conflicts_and_not_written(showcase, capsys):
    report = relationships_import(data=CONFLICTS)
    (conflict,) = report.conflicting_pairs
    assert str(conflict.partner) == "Aleppo (SY)"
    assert conflict.conflicts == {"kind": {"friendship": [2], "sister_city": [4]}}
    (kardzhali,) = report.new_pairs  # the second row only adds what the first left empty
    assert (kardzhali.kind, kardzhali.since.isoformat()) == ("friendship", "2001")
    assert [city.name for city in report.new_cities] == ["Kardzhali"]  # not Aleppo
    relationships_import(data=CONFLICTS, commit=True)
    assert not Relationship.objects.filter(partner_city__name_en="Aleppo").exists()
    assert Relationship.objects.filter(partner_city__name_en="Kardzhali").exists()


def test_the_dry_run_lists_conflicts(showcase, tmp_path, capsys):
    path = tmp_path / "conflicts.csv"
    path.write_bytes(CONFLICTS)
    call_command("import_relationships", str(path))
    out = capsys.readouterr().out
    assert "Conflicts: a pair listed with different values (not imported) (1)" in out
    assert "kind: friendship (line 2), sister city (line 4)" in out


def test_a_corrected_list_shows_its_updates_and_applies_them(showcase, tmp_path, capsys):
    first = tmp_path / "first.csv"
    first.write_bytes(
        b"city,country,partner city,partner country,kind,since\n"
        b"Osmangazi,TR,Aleppo,SY,sister city,1998\n"
        b"Osmangazi,TR,Kardzhali,BG,friendship,2001\n"
    )
    call_command("import_relationships", str(first), "--commit", verbosity=0)
    corrected = tmp_path / "corrected.csv"
    corrected.write_bytes(
        b"city,country,partner city,partner country,kind,since\n"
        b"Osmangazi,TR,Aleppo,SY,friendship,1999-05\n"
        b"Osmangazi,TR,Kardzhali,BG,friendship,2001\n"
    )
    before = row_counts()
    call_command("import_relationships", str(corrected))
    out = capsys.readouterr().out
    assert "Relationships to update (1)" in out
    assert (
        "Osmangazi (TR) – Aleppo (SY): would update kind sister city → friendship; "
        "year or date 1998 → 1999-05"
    ) in out
    assert row_counts() == before
    call_command("import_relationships", str(corrected), "--commit", verbosity=0)
    aleppo = Relationship.objects.get(partner_city__name_en="Aleppo")
    assert (aleppo.kind, aleppo.established_on.isoformat()) == ("friendship", "1999-05")
    assert aleppo.history.count() == 2
    report = relationships_import(data=corrected.read_bytes())
    assert report.updated_pairs == [] and len(report.existing_pairs) == 2


def test_a_corrected_status_is_a_status_change_of_the_import_day(showcase, tmp_path, capsys):
    header = b"city,country,partner city,partner country,status,since\n"
    first = tmp_path / "first.csv"
    first.write_bytes(header + b"Osmangazi,TR,Aleppo,SY,active,1998\n")
    call_command("import_relationships", str(first), "--commit", verbosity=0)
    corrected = tmp_path / "corrected.csv"
    corrected.write_bytes(header + b"Osmangazi,TR,Aleppo,SY,ended,1998\n")
    call_command("import_relationships", str(corrected))
    assert "Osmangazi (TR) – Aleppo (SY): would update status active → ended" in (
        capsys.readouterr().out
    )
    aleppo = Relationship.objects.with_current_status().get(partner_city__name_en="Aleppo")
    assert aleppo.current_status == "active"
    history = aleppo.history.count()
    call_command("import_relationships", str(corrected), "--commit", verbosity=0)
    aleppo = Relationship.objects.with_current_status().get(pk=aleppo.pk)
    assert aleppo.current_status == "ended"
    change = aleppo.status_changes.get(status="ended")
    assert change.date.isoformat() == timezone.localdate().isoformat()
    assert "when it changed is not known" in change.note_en
    assert aleppo.history.count() == history, "kind and date unchanged: no new version"
    report = relationships_import(data=corrected.read_bytes())
    assert report.updated_pairs == []


def test_exonyms_meet_one_city_and_new_cities_get_cldr_names(showcase):
    german = "Stadt,Land,Partnerstadt,Partnerland\nOsmangazi,Türkei,Moskau,Russland\n"
    relationships_import(data=german.encode(), commit=True)
    moscow = City.objects.get(country="RU")
    assert (moscow.name_en, moscow.name_tr, moscow.name_ru) == ("Moscow", "Moskova", "Москва")
    english = "city,country,partner city,partner country\nOsmangazi,Turkey,Moscow,Russia\n"
    report = relationships_import(data=english.encode(), commit=True)
    assert report.new_cities == [] and len(report.existing_pairs) == 1
    assert City.objects.filter(country="RU").count() == 1


def test_a_match_by_distance_is_proposed_and_used_only_if_accepted(showcase):
    konaev = City.objects.get(slug="konaev")
    data = (
        "city,country,partner city,partner country,partner latitude,partner longitude\n"
        f"Osmangazi,TR,Qonayev,KZ,{konaev.latitude + Decimal('0.01')},{konaev.longitude}\n"
    ).encode()
    report = relationships_import(data=data)
    (proposal,) = report.proposals
    assert (proposal.city, proposal.distance_km, proposal.accepted) == ("Konaev", 1.1, False)
    assert [city.name for city in report.new_cities] == ["Qonayev"]
    report = relationships_import(data=data, accepted_matches={proposal.key})
    assert report.new_cities == [] and len(report.existing_pairs) == 1
    assert report.existing_pairs[0].partner.city_id == konaev.pk


def test_a_town_in_a_territory_of_the_stated_country_is_in_it():
    data = (
        "city,country,partner city,partner country,partner latitude,partner longitude\n"
        "Osmangazi,TR,Saint-Denis,France,-20.88,55.45\n"
        "Osmangazi,TR,Hagåtña,USA,13.47,144.75\n"
    ).encode()
    assert read_file(data).problems == []
