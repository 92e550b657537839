"""Build the benchmark's demo record on top of the showcase: 50 partner cities, 2,000
published visits (all in relationship "demo-timeline", whose timeline then holds 2,000
entries) and 20,000 photo rows that share a handful of small real images.

Everything made here is demo data: slugs start with "demo-", titles with "[demo]".
Run by bench/run.py with DJANGO_SETTINGS_MODULE=bench.settings.
"""

import io
import itertools

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from pagecache.tags import content_changed  # noqa: E402
from sistercities.models import City, Person, Protocol, Relationship, StatusChange  # noqa: E402
from visits import images  # noqa: E402
from visits.models import DelegationMember, Meeting, Photo, Visit  # noqa: E402

PARTNERS = 50
VISITS = 2000
PHOTOS_PER_VISIT = 10
IMAGES = 5
COUNTRIES = ["KZ", "DE", "FR", "JP", "BA", "AZ", "GE", "UZ", "KG", "HU"]


def demo_images() -> list[dict]:
    """A few small real JPEGs with their renditions, the fields Photo rows share."""
    shared = []
    for n in range(IMAGES):
        picture = Image.new("RGB", (480, 320), (40 * n, 90, 160))
        ImageDraw.Draw(picture).ellipse((60 + 20 * n, 40, 300, 280), fill=(230, 200, 40))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        data = buffer.getvalue()
        name = default_storage.save(f"photos/originals/demo-{n}.jpg", ContentFile(data))
        renditions = images.make_renditions(data)
        shared.append(
            {
                "image": name,
                "renditions": renditions,
                "width": renditions["width"],
                "height": renditions["height"],
            }
        )
    return shared


def build() -> None:
    home = City.objects.home()
    partners = City.objects.bulk_create(
        City(
            slug=f"demo-city-{n:02d}",
            name_tr=f"[demo] Şehir {n:02d}",
            name_en=f"[demo] City {n:02d}",
            country=COUNTRIES[n % len(COUNTRIES)],
        )
        for n in range(PARTNERS)
    )
    relationships = Relationship.objects.bulk_create(
        Relationship(
            slug="demo-timeline" if n == 0 else f"demo-{n:02d}",
            home_city=home,
            partner_city=city,
            established_on=str(2000 + n % 25),
            summary_tr="[demo] Gösterim verisi.",
            summary_en="[demo] Demonstration data.",
        )
        for n, city in enumerate(partners)
    )
    StatusChange.objects.bulk_create(
        StatusChange(relationship=r, status="active", date=r.established_on) for r in relationships
    )
    Protocol.objects.bulk_create(
        Protocol(
            relationship=r,
            slug=f"demo-protocol-{n:02d}",
            kind="sister_city",
            title_tr=f"[demo] Protokol {n}",
            title_en=f"[demo] Protocol {n}",
            signed_on=r.established_on,
        )
        for n, r in enumerate(relationships)
    )
    people = Person.objects.bulk_create(
        Person(name_tr=f"[demo] Kişi {n}", slug=f"demo-person-{n}") for n in range(200)
    )
    now = timezone.now()
    visits = Visit.objects.bulk_create(
        Visit(
            relationship=relationships[0],
            slug=f"demo-visit-{n:04d}",
            direction="incoming" if n % 2 else "outgoing",
            title_tr=f"[demo] Ziyaret {n}",
            title_en=f"[demo] Visit {n}",
            summary_tr="[demo] Heyet belediyeyi ziyaret etti.",
            summary_en="[demo] The delegation visited the municipality.",
            report_tr="[demo] Rapor. " * 40,
            report_en="[demo] Report. " * 40,
            places_tr="Osmangazi",
            start_date=f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            status="published",
            publish_at=now - timezone.timedelta(hours=n + 1),
        )
        for n in range(VISITS)
    )
    cycle = itertools.cycle(people)
    organisation = home.organisations.first()
    DelegationMember.objects.bulk_create(
        DelegationMember(visit=v, person=next(cycle), title_tr="[demo] Üye") for v in visits
    )
    if organisation is not None:
        Meeting.objects.bulk_create(
            Meeting(visit=v, organisation=organisation, topics_tr="[demo] Kültür") for v in visits
        )
    shared = demo_images()
    Photo.objects.bulk_create(
        (
            Photo(
                visit=v,
                order=n,
                caption_tr=f"[demo] Fotoğraf {n}",
                alt_text_tr="[demo] Heyet",
                alt_text_en="[demo] The delegation",
                credit="[demo]",
                **shared[(v.pk + n) % len(shared)],
            )
            for v in visits
            for n in range(PHOTOS_PER_VISIT)
        ),
        batch_size=2000,
    )
    content_changed()  # bulk writes send no signals
    print(
        f"demo record: {len(partners)} partner cities, {len(visits)} visits, "
        f"{Photo.objects.count()} photos"
    )


if __name__ == "__main__":
    build()
