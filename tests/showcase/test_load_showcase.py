"""`manage.py load_showcase`: the real Osmangazi–Kapchagay record, loaded once and for all."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from sistercities.models import City, Organisation, Protocol, Relationship, Source
from sistercities.partial_dates import PartialDate
from visits.models import Visit

pytestmark = pytest.mark.django_db

# Mayor Dündar's words, exactly as data/osmangazi-kapchagay-visit-2019.txt reports them.
QUOTED_WORDS = (
    "Our common culture, history and values were very important in our rapidly developing "
    "relations of Kazakhstan and Turkey. After the independence of Kazakhstan, our "
    "relationship and the general framework of our cooperation were shaped with a few "
    "protocols and agreements. As a result of the level of political relations between our "
    "country and Kazakhstan, Kazakhstan has become one of the most important political and "
    "economic partners of our country in the region. As Osmangazi Municipality, we are "
    "preceding works to strengthen our relations between our country and Kazakhstan. We are "
    "making economic and cultural cooperations with Kapchagay Municipality within the "
    "framework of our sister city protocol."
)
VISIT_SLUG = "osmangazi-delegation-in-kapchagay-2019"
BTSO = "Bursa Chamber of Commerce and Industry"


def load_showcase() -> str:
    """Run the command and return what it printed (in English)."""
    out = StringIO()
    with translation.override("en"):
        call_command("load_showcase", stdout=out)
    return out.getvalue()


def dump_both_apps() -> dict[str, list[dict]]:
    """Every row of every table of both apps: history and many-to-many tables included."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for app in ("sistercities", "visits")
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    }


@pytest.fixture
def visit():
    load_showcase()
    return Visit.objects.select_related("related_event", "relationship").get(slug=VISIT_SLUG)


def test_second_run_changes_nothing_not_even_history():
    first_output = load_showcase()
    after_first = dump_both_apps()
    second_output = load_showcase()

    assert dump_both_apps() == after_first
    assert "26 rows created or updated" in first_output
    *per_model, total = second_output.splitlines()
    assert all(line.endswith(" unchanged") for line in per_model)
    assert total == "Showcase loaded: 0 rows created or updated."
    assert len(after_first["visits_historicalvisit"]) == 1
    assert len(after_first["visits_historicaldelegationmember"]) == 3
    assert len(after_first["sistercities_relationship_sources"]) == 1


def test_rerun_restores_a_changed_fact_and_keeps_an_added_translation(visit):
    visit.title_en = "Wrong title"
    visit.report_kk = "Қазақша есеп."
    visit.save()
    history_rows = visit.history.count()

    assert "visits: 1 updated" in load_showcase()

    visit.refresh_from_db()
    assert visit.title_en == "Osmangazi delegation visits sister city Kapchagay"
    assert visit.report_kk == "Қазақша есеп."
    assert visit.history.count() == history_rows + 1
    assert visit.history.first().history_change_reason == "load_showcase"


def test_cities_with_kapchagays_rename():
    load_showcase()
    osmangazi = City.objects.home()
    konaev = City.objects.get(slug="konaev")

    assert settings.HOME_CITY_SLUG == osmangazi.slug == "osmangazi"
    assert (osmangazi.country.code, osmangazi.region_en) == ("TR", "Bursa")
    assert (konaev.country.code, konaev.region_en) == ("KZ", "Almaty Region")
    assert [konaev.name_tr, konaev.name_en, konaev.name_kk, konaev.name_ru] == [
        "Konaev",
        "Konaev",
        "Қонаев",
        "Конаев",
    ]
    former = konaev.former_names.get()
    assert [former.name_tr, former.name_en, former.name_kk, former.name_ru] == [
        "Kapçağay",
        "Kapchagay",
        "Қапшағай",
        "Капчагай",
    ]
    with translation.override("en"):
        assert konaev.name_at(None) == "Kapchagay (today Konaev)"
        assert konaev.name_at(2019) == "Kapchagay (today Konaev)"
    with translation.override("tr"):
        assert konaev.name_at(2019) == "Kapçağay (bugün Konaev)"


def test_active_sister_city_relationship_with_a_protocol_of_unknown_date():
    load_showcase()
    relationship = Relationship.objects.with_current_status().get(slug="osmangazi-kapchagay")
    protocol = relationship.protocols.get()
    status = relationship.status_changes.get()

    assert (relationship.home_city.slug, relationship.partner_city.slug) == ("osmangazi", "konaev")
    assert relationship.kind == "sister_city"
    assert relationship.current_status == "active"
    assert status.date is None
    assert (protocol.kind, protocol.signed_on, protocol.signed_at) == ("sister_city", None, "")
    assert {area.slug for area in relationship.areas.all()} == {"culture", "economy"}


def test_report_is_the_source_of_visit_protocol_and_status_change(visit):
    source = Source.objects.get()

    assert "Kapchagay" in source.title
    assert source.publisher == "Union of Turkish World Municipalities (TDBB)"
    assert source.published_on == PartialDate(2019, 8, 24)
    assert list(visit.sources.all()) == [source]
    assert list(Protocol.objects.get().sources.all()) == [source]
    assert list(visit.relationship.status_changes.get().sources.all()) == [source]


def test_visit_of_24_august_2019_after_the_bishkek_symposium(visit):
    event = visit.related_event

    assert visit.direction == "outgoing"
    assert visit in Visit.objects.published()
    assert visit.start_date == visit.end_date == PartialDate(2019, 8, 24)
    assert (event.name_en, event.place_en, event.country.code) == (
        "8th International Altaic Community Symposium",
        "Bishkek",
        "KG",
    )
    assert (event.start_date, event.end_date) == (
        PartialDate(2019, 8, 19),
        PartialDate(2019, 8, 23),
    )
    for language in ("tr", "en"):
        for field in ("title", "summary", "purpose", "report", "places"):
            assert getattr(visit, f"{field}_{language}"), f"{field}_{language} is empty"
    assert "Kapchagay" in visit.places_en
    with translation.override("en"):
        assert visit.partner_name_at_the_time == "Kapchagay (today Konaev)"


def test_report_is_dated_by_its_news_item_not_by_the_loading(client, visit):
    assert visit.originally_published_on == datetime.date(2019, 8, 24)
    assert visit.publish_at.date() > visit.originally_published_on

    with translation.override("tr"):
        html = client.get(visit.get_absolute_url()).content.decode()
    assert '<dt>Yayım tarihi</dt><dd><time datetime="2019-08-24">24 Ağustos 2019</time>' in html


def test_delegation_with_the_titles_held_at_the_time(visit):
    members = [
        (m.person.name_en, m.role_en, m.title_en, m.organisation.name_en)
        for m in visit.delegation.select_related("person", "organisation")
    ]
    assert members == [
        (
            "Mustafa Dündar",
            "Head of delegation",
            "Mayor of Osmangazi and member of the Administrative Board of the Union of Turkish "
            "World Municipalities (TDBB)",
            "Osmangazi Municipality",
        ),
        ("İsmail Kuş", "Member of the delegation", "Head of BTSO", BTSO),
        ("Murat Beyazıt", "Member of the delegation", "Deputy Head of BTSO", BTSO),
    ]
    dundar = visit.delegation.first()
    assert (dundar.person.name_kk, dundar.person.name_ru) == ("Мұстафа Дүндар", "Мустафа Дюндар")
    assert dundar.title_tr.startswith("Osmangazi Belediye Başkanı")
    for member in visit.delegation.all():
        assert all([member.title_tr, member.title_kk, member.title_ru])
        assert all([member.person.name_kk, member.person.name_ru])


def test_organisations_with_names_in_all_four_languages(visit):
    tdbb = Organisation.objects.get(short_name_en="TDBB")
    assert tdbb.name_en == "Union of Turkish World Municipalities"
    assert Organisation.objects.get(short_name_en="BTSO").name_tr == "Bursa Ticaret ve Sanayi Odası"
    assert not Organisation.objects.filter(name_en__icontains="Atamekan").exists()
    for organisation in Organisation.objects.all():
        assert all(getattr(organisation, f"name_{lang}") for lang in ("tr", "en", "kk", "ru"))


def test_two_meetings_in_order_with_host_and_topics(visit):
    municipality, chamber = visit.meetings.select_related("organisation", "host")

    assert municipality.organisation.name_en == "Kapchagay Municipality"
    assert municipality.host.name_en == "Ermek Kozhahmetov"
    assert municipality.host_title_en == "Deputy Mayor of Kapchagay"
    assert all([municipality.host_title_kk, municipality.host_title_ru, municipality.host.name_ru])
    assert "importance of the sisterhood" in municipality.topics_en
    assert "cultural, social and economic" in municipality.topics_en

    assert chamber.organisation.name_en == (
        '"Atameken" National Chamber of Entrepreneurs of Kazakhstan'
    )
    assert chamber.host is None
    for topic in (
        "Investment opportunities in Kazakhstan",
        "tourism development",
        "business and investment opportunities between Bursa and Kazakhstan",
    ):
        assert topic in chamber.topics_en
    for meeting in (municipality, chamber):
        assert meeting.date == PartialDate(2019, 8, 24)
        assert meeting.topics_tr


def test_mayors_words_are_quoted_verbatim(visit):
    quote = visit.quotes.select_related("speaker").get()

    assert quote.speaker.slug == "mustafa-dundar"
    assert quote.text_en == QUOTED_WORDS
    assert quote.text_tr.startswith("Ortak kültürümüz, tarihimiz ve değerlerimiz")
