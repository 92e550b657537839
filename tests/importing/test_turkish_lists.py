"""Lists as offices write them: Turkish letters folded, their column names in four
languages, every column read or named as not read, mappings by the fields' own names."""

import pytest

from importing.columns import parse_column_mapping, parse_value_mapping
from importing.folding import fold
from importing.reading import ImportRefused, read_file
from importing.report import sections
from importing.service import relationships_import
from sistercities.models import Relationship
from tests.importing.test_admin_import import staff_client, upload


@pytest.mark.parametrize(
    "spellings",
    [
        ("İlişki Türü", "ILIŞKI TÜRÜ", "ilişki türü", "iliski turu"),
        ("İŞBİRLİĞİ", "Işbirliği", "işbirliği", "isbirligi"),
        ("Gründungsdatum", "GRÜNDUNGSDATUM", "grundungsdatum"),
        ("Дата установления", "ДАТА УСТАНОВЛЕНИЯ"),
        ("Қарым-қатынас түрі", "ҚАРЫМ-ҚАТЫНАС ТҮРІ"),
    ],
)
def test_spellings_of_one_word_fold_to_one(spellings):
    assert len({fold(spelling) for spelling in spellings}) == 1


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("İlişki Türü", "kind"),
        ("ILIŞKI TÜRÜ", "kind"),
        ("ilişki türü", "kind"),
        ("Kuruluş Tarihi", "since"),
        ("Kardeşlik Tarihi", "since"),
        ("Protokol Tarihi", "since"),
        ("Gründungsdatum", "since"),
        ("Partnerschaft seit", "since"),
        ("Дата установления", "since"),
        ("Дата подписания", "since"),
        ("Құрылған күні", "since"),
        ("Art der Partnerschaft", "kind"),
        ("Тип отношений", "kind"),
        ("Қарым-қатынас түрі", "kind"),
        ("Kardeş Şehir", "partner_city"),
        ("Partnerstadt", "partner_city"),
        ("Город-побратим", "partner_city"),
        ("Бауырлас қала", "partner_city"),
        ("Durumu", "status"),
    ],
)
def test_offices_column_names_are_read(header, key):
    columns = {
        "city": "Şehir",
        "country": "Ülke",
        "partner_city": "Kardeş Şehir",
        "partner_country": "Kardeş Ülke",
    }
    columns[key] = header
    values = {"since": "2013", "kind": "İşbirliği", "status": "aktif"}
    values.update(city="Osmangazi", country="TR", partner_city="Mostar", partner_country="BA")
    data = ";".join(columns.values()) + "\n" + ";".join(values[name] for name in columns)
    parsed = read_file(data.encode())
    assert parsed.unread == [] and parsed.problems == []
    (row,) = parsed.rows
    read = {
        "since": str(row.since),
        "kind": row.kind,
        "status": row.status,
        "partner_city": row.partner.name,
    }
    assert read[key] == {"kind": "cooperation", "status": "active"}.get(key, values[key])


TURKISH_LIST = (
    "Şehir;Ülke;Kardeş Şehir;Kardeş Ülke;İlişki Türü;Kuruluş Tarihi;Notlar\n"
    "Osmangazi;Türkiye;Mostar;Bosna-Hersek;İşbirliği;2013;Protokol 2013'te imzalandı\n"
    "Osmangazi;Türkiye;Kardzhali;Bulgaristan;KARDEŞ ŞEHİR;2004;\n"
    "Osmangazi;TÜRKİYE;Aleppo;Suriye;Işbirliği;2010-05;Ilişkiler askıda\n"
).encode("cp1254")


@pytest.mark.django_db
def test_a_turkish_list_is_read_whole_but_its_notes(showcase):
    report = relationships_import(data=TURKISH_LIST, commit=True)
    assert report.description == "CSV, Windows-1254, separated by semicolon"
    assert report.unread_columns == ["Notlar"] and report.problems == []
    mostar = Relationship.objects.get(partner_city__name_en="Mostar")
    assert (mostar.kind, str(mostar.established_on)) == ("cooperation", "2013")
    assert Relationship.objects.get(partner_city__name_en="Kardzhali").kind == "sister_city"
    assert Relationship.objects.get(partner_city__name_en="Aleppo").kind == "cooperation"
    (unread,) = [section for section in sections(report) if section.items == ["“Notlar”"]]
    assert unread.title == "Columns not read"


def test_every_unread_column_is_named_as_written_even_without_a_header():
    data = (
        b"city,country,partner city,partner country,Bemerkung,,Kontakt\n"
        b"Osmangazi,TR,Mostar,BA,x,,\n"
        b"Osmangazi,TR,Aleppo,SY,,y,\n"
    )
    assert read_file(data).unread == ["Bemerkung", "column 6", "Kontakt"]
    empty = "city,country,partner city,partner country,\nOsmangazi,TR,Mostar,BA,\n"
    assert read_file(empty.encode()).unread == []


@pytest.mark.django_db
def test_the_dry_run_names_the_unread_columns(showcase, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "liste.csv"
    path.write_bytes(TURKISH_LIST)
    call_command("import_relationships", path, verbosity=1)
    assert "Columns not read (1)\n  “Notlar”" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "key"),
    [
        ("partner_country=Ülkesi", "partner_country"),
        ("partner country=Ülkesi", "partner_country"),
        ("kardeş ülke=Ülkesi", "partner_country"),
        ("KARDEŞ_ÜLKE=Ülkesi", "partner_country"),
        ("бауырлас ел=Ülkesi", "partner_country"),
        ("страна побратима=Ülkesi", "partner_country"),
        ("ilişki_türü=Ülkesi", "kind"),
        ("İLİŞKİ TÜRÜ=Ülkesi", "kind"),
        ("тип отношений=Ülkesi", "kind"),
        ("қарым-қатынас түрі=Ülkesi", "kind"),
        ("kind of relationship=Ülkesi", "kind"),
        ("kuruluş tarihi=Ülkesi", "since"),
    ],
)
def test_a_mapping_names_the_field_in_any_interface_language(option, key):
    assert parse_column_mapping([option]) == {key: "ulkesi"}


def test_a_value_mapping_names_the_field_in_any_interface_language():
    assert parse_value_mapping(["ilişki türü:P=kardeş şehir"]) == {("kind", "p"): "kardeş şehir"}
    with pytest.raises(ImportRefused, match="Column mapping “şehir adı=X”"):
        parse_column_mapping(["şehir adı=X"])


@pytest.mark.django_db
def test_a_bad_mapping_on_upload_keeps_the_file(client, django_user_model, showcase):
    client = staff_client(client, django_user_model, "Editor")
    response = upload(client, TURKISH_LIST, columns="nonsense")
    assert response.status_code == 302  # the file is kept under its token
    preview = client.get(response.url)
    assert "Column mapping “nonsense”" in preview.context["refused"]
    again = client.post(response.url, {"columns": "ilişki türü=İlişki Türü"})
    assert again.status_code == 302
    assert "Columns not read" in client.get(response.url).content.decode()
    client.post(response.url + "confirm/")
    assert Relationship.objects.get(partner_city__name_en="Mostar").kind == "cooperation"
