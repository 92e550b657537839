"""A match by distance is a proposal: Bursa, 0.2 km from Osmangazi, is not Osmangazi."""

import pytest
from django.core.management import call_command

from importing.service import relationships_import
from sistercities.models import City, Relationship
from tests.helpers.importing import SLICE
from tests.importing.test_admin_import import staff_client, upload
from tests.importing.test_import import OSMANGAZI_ROWS_PARTNERS, partners_of_osmangazi

pytestmark = pytest.mark.django_db

# The 24 rows of twin_cities.csv that name Bursa, the metropolitan municipality whose
# centre Osmangazi shares, first (as in the real file), then the slice's 19 Osmangazi rows.
BURSA = SLICE.with_name("twin_cities_bursa.csv")
OSMANGAZI_ROWS = 19
BURSA_PARTNERS = {"Tirana", "Mogilev", "Pleven", "Darmstadt", "Kyzylorda"}


@pytest.fixture
def bursa_and_osmangazi() -> bytes:
    bursa = BURSA.read_bytes()
    slice_rows = SLICE.read_bytes().split(b"\n", 1)[1]
    return bursa + slice_rows


def test_the_file_names_osmangazi_in_19_rows_and_bursa_in_24(bursa_and_osmangazi):
    lines = bursa_and_osmangazi.decode().splitlines()[1:]
    assert sum("Osmangazi" in line for line in lines) == OSMANGAZI_ROWS
    assert sum(",Bursa," in f",{line}," for line in lines) == 24


def test_bursa_is_not_merged_into_osmangazi_by_the_commit(showcase, bursa_and_osmangazi):
    report = relationships_import(data=bursa_and_osmangazi, commit=True)
    (proposal,) = report.proposals
    assert (proposal.name, proposal.city, proposal.accepted) == ("Bursa", "Osmangazi", False)
    # Exactly what Osmangazi's own 19 rows name.
    assert partners_of_osmangazi() == OSMANGAZI_ROWS_PARTNERS
    assert not City.objects.filter(name_en__in=BURSA_PARTNERS).exists()


def test_with_all_pairs_bursa_becomes_its_own_city(showcase, bursa_and_osmangazi):
    relationships_import(data=bursa_and_osmangazi, commit=True, all_pairs=True)
    bursa = City.objects.get(name_en="Bursa")
    assert bursa != City.objects.home()
    assert Relationship.objects.involving(bursa).count() == 24
    home = City.objects.home()
    assert Relationship.objects.involving(home).count() == len(OSMANGAZI_ROWS_PARTNERS)


def test_the_command_accepts_matches_by_distance_only_when_told(
    showcase, bursa_and_osmangazi, tmp_path, capsys
):
    path = tmp_path / "list.csv"
    path.write_bytes(bursa_and_osmangazi)
    call_command("import_relationships", path, verbosity=1)
    out = capsys.readouterr().out
    assert "“Bursa” (TR) lies 0.2 km from Osmangazi (TR): not accepted" in out
    assert "--accept-distance-matches" in out
    call_command("import_relationships", path, commit=True, verbosity=0)
    assert len(partners_of_osmangazi()) == len(OSMANGAZI_ROWS_PARTNERS)
    call_command(
        "import_relationships", path, commit=True, accept_distance_matches=True, verbosity=0
    )
    assert BURSA_PARTNERS < {name for name, _country in partners_of_osmangazi()}


def test_the_admin_writes_a_match_by_distance_only_if_ticked(
    client, django_user_model, showcase, bursa_and_osmangazi
):
    client = staff_client(client, django_user_model, "Editor")
    response = upload(client, bursa_and_osmangazi)
    preview = client.get(response.url)
    ((key, text),) = preview.context["proposals"]
    assert "not accepted" in text
    html = preview.content.decode()
    assert f'<input type="checkbox" name="accept" value="{key}">' in html  # unticked
    client.post(response.url + "confirm/")
    assert partners_of_osmangazi() == OSMANGAZI_ROWS_PARTNERS

    response = upload(client, bursa_and_osmangazi)
    client.post(response.url + "confirm/", {"accept": key})
    assert BURSA_PARTNERS < {name for name, _country in partners_of_osmangazi()}
