"""A record that grows: relationships with protocols and status changes, visits with their
delegation, meetings, quotes, sources, corrections and photos, built with bulk_create."""

import io
import itertools

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from PIL import Image

from sistercities.models import (
    CooperationArea,
    FormerCityName,
    Organisation,
    Person,
    Signatory,
    Source,
)
from tests.factories import (
    CityFactory,
    EventFactory,
    ProtocolFactory,
    RelationshipFactory,
    StatusChangeFactory,
    VisitFactory,
)
from visits import images
from visits.models import (
    Correction,
    DelegationMember,
    Meeting,
    Photo,
    PublicationStatus,
    Quote,
    Visit,
)

_serial = itertools.count()


def stored_photo() -> dict:
    """One small real image, its original stored and its renditions made once: the fields
    every bulk-created Photo row shares."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(buffer, "JPEG")
    data = buffer.getvalue()
    name = default_storage.save("photos/originals/bench.jpg", ContentFile(data))
    renditions = images.make_renditions(data)
    return {
        "image": name,
        "renditions": renditions,
        "width": renditions["width"],
        "height": renditions["height"],
    }


def add_photos(visit: Visit, count: int, photo: dict) -> None:
    Photo.objects.bulk_create(
        Photo(
            visit=visit,
            order=n,
            caption_tr=f"Fotoğraf {n}",
            alt_text_tr=f"Heyet {n}",
            alt_text_en=f"Delegation {n}",
            credit="Osmangazi Municipality",
            **photo,
        )
        for n in range(count)
    )


class Record:
    """The showcase relationship and two others, able to grow to any number of visits."""

    def __init__(self):
        self.photo = stored_photo()
        self.home = CityFactory(slug="osmangazi", name_tr="Osmangazi", name_en="Osmangazi")
        partner = CityFactory(slug="konaev", name_tr="Konayev", name_en="Konaev", country="KZ")
        FormerCityName.objects.create(city=partner, name_tr="Kapçagay", used_until_year=2022)
        self.relationship = RelationshipFactory(
            slug="osmangazi-kapchagay", home_city=self.home, partner_city=partner
        )
        self.relationships = [self.relationship] + [
            RelationshipFactory(home_city=self.home) for _ in range(2)
        ]
        self.relationship.areas.add(CooperationArea.objects.create(name_tr="Kültür", slug="k"))
        self.relationship.sources.add(Source.objects.create(title="Haber"))
        for relationship in self.relationships:
            StatusChangeFactory(relationship=relationship, date="2012")
        self.protocol = ProtocolFactory(relationship=self.relationship, signed_on="2012-05-10")
        self.mayor = Person.objects.create(name_tr="Mustafa Dündar", slug="mustafa-dundar")
        self.municipality = Organisation.objects.create(name_tr="Osmangazi Belediyesi")
        Signatory.objects.create(
            protocol=self.protocol, person=self.mayor, organisation=self.municipality
        )
        self.visit = VisitFactory(
            relationship=self.relationship,
            slug="showcase-visit",
            title_en="Mayor Dündar in Kapchagay",
            related_event=EventFactory(),
        )
        DelegationMember.objects.create(visit=self.visit, person=self.mayor, title_tr="Başkan")
        self.grow(10)

    @property
    def partner(self):
        return self.relationship.partner_city

    def grow(self, total: int) -> None:
        """Published visits up to `total`, each with one of every part, a photo included."""
        start = Visit.objects.count()
        visits = Visit.objects.bulk_create(
            Visit(
                relationship=self.relationships[n % len(self.relationships)],
                slug=f"grown-{n}",
                direction="incoming" if n % 2 else "outgoing",
                title_tr=f"Ziyaret {n}",
                title_en=f"Visit {n}",
                summary_en=f"Summary of visit {n}.",
                report_tr="Rapor.",
                report_en="Report.",
                start_date=f"{2010 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                status=PublicationStatus.PUBLISHED,
                publish_at=timezone.now() - timezone.timedelta(hours=n + 1),
            )
            for n in range(start, total)
        )
        if not visits:
            return
        serial = next(_serial)
        people = Person.objects.bulk_create(
            Person(name_tr=f"Kişi {serial}-{n}", slug=f"person-{serial}-{n}")
            for n in range(len(visits))
        )
        source = Source.objects.create(title=f"Kaynak {serial}")
        Visit.sources.through.objects.bulk_create(
            Visit.sources.through(visit=visit, source=source) for visit in visits
        )
        pairs = list(zip(visits, people, strict=True))
        DelegationMember.objects.bulk_create(
            DelegationMember(visit=v, person=p, organisation=self.municipality, title_tr="Üye")
            for v, p in pairs
        )
        Meeting.objects.bulk_create(
            Meeting(visit=v, organisation=self.municipality, host=p, topics_tr="Kültür")
            for v, p in pairs
        )
        Quote.objects.bulk_create(Quote(visit=v, speaker=p, text_tr="Söz.") for v, p in pairs)
        Correction.objects.bulk_create(Correction(visit=v, note_tr="Düzeltme.") for v in visits)
        Photo.objects.bulk_create(
            Photo(visit=v, alt_text_tr="Heyet", credit="Osmangazi", **self.photo) for v in visits
        )


@pytest.fixture
def record(db):
    return Record()


@pytest.fixture
def committed(transactional_db):
    """A record committed for real: other threads' connections see it, and a save's
    on-commit invalidation runs when it returns."""
    return Record()


def url_of(obj) -> str:
    with translation.override("en"):
        return obj.get_absolute_url()


def retitle(visit, title: str) -> None:
    visit.title_en = title
    visit.save()
