"""A small public record: the showcase relationship with a published visit in full, a
draft and a visit scheduled for the future that must appear nowhere."""

import datetime

import pytest
from django.utils import timezone

from sistercities.models import FormerCityName, Source
from tests.factories import (
    CityFactory,
    DelegationMemberFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from tests.helpers.records import DRAFT_TITLE, FUTURE_TITLE
from visits.models import Correction, PublicationStatus, Quote


@pytest.fixture
def record(db):
    home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
    partner = CityFactory(
        slug="konaev",
        name_tr="Konayev",
        name_en="Konaev",
        name_kk="Қонаев",
        name_ru="Конаев",
        country="KZ",
        latitude="43.86667",
        longitude="77.06667",
    )
    home.latitude, home.longitude = "40.19559", "29.06013"
    home.save()
    FormerCityName.objects.create(
        city=partner, name_tr="Kapçagay", name_en="Kapchagay", used_until_year=2022
    )
    relationship = RelationshipFactory(
        slug="osmangazi-kapchagay",
        home_city=home,
        partner_city=partner,
        established_on="2012",
        summary_tr="İki şehir kardeştir.",
        summary_en="The two cities are sisters.",
    )
    StatusChangeFactory(
        relationship=relationship, status="active", date="2012-05", council_decision_number="42"
    )
    protocol = ProtocolFactory(
        relationship=relationship,
        slug="sister-city-protocol",
        signed_on="2012-05-10",
        title_tr="Kardeş şehir protokolü",
        title_en="Sister-city protocol",
    )
    visit = VisitFactory(
        relationship=relationship,
        slug="osmangazi-kapchagay-2019",
        title_tr="Başkan Dündar Kapçagay'da",
        title_en="Mayor Dündar in Kapchagay",
        title_ru="Мэр Дюндар в Капчагае",
        places_tr="Kapçagay",
        report_tr="Türkçe rapor.",
        report_en="English report.",
        report_ru="Русский отчёт.",
    )
    source = Source.objects.create(title="Osmangazi news", url="https://example.org/news")
    visit.sources.add(source)
    mayor = PersonFactory(name_tr="Mustafa Dündar", slug="mustafa-dundar")
    DelegationMemberFactory(
        visit=visit,
        person=mayor,
        title_tr="Osmangazi Belediye Başkanı",
        organisation=OrganisationFactory(name_tr="Osmangazi Belediyesi"),
    )
    MeetingFactory(
        visit=visit,
        organisation=OrganisationFactory(name_tr="Kapçagay Belediyesi", city=partner),
        host=PersonFactory(name_tr="Ermek Kozhahmetov"),
        host_title_tr="Başkan Yardımcısı",
    )
    Quote.objects.create(visit=visit, speaker=mayor, text_tr="Kardeşliğimiz daha aktif olmalı.")
    Correction.objects.create(visit=visit, note_tr="Ev sahibinin unvanı düzeltildi.")
    VisitFactory(
        relationship=relationship,
        slug="draft-visit",
        title_tr=DRAFT_TITLE,
        title_en=DRAFT_TITLE,
        status=PublicationStatus.DRAFT,
        publish_at=None,
    )
    VisitFactory(
        relationship=relationship,
        slug="future-visit",
        title_tr=FUTURE_TITLE,
        title_en=FUTURE_TITLE,
        status=PublicationStatus.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=3),
    )
    return {
        "home": home,
        "partner": partner,
        "relationship": relationship,
        "protocol": protocol,
        "visit": visit,
        "mayor": mayor,
    }
