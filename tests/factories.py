"""Small factories for tests: valid objects with the fewest fields set."""

import factory
from django.utils import timezone

from sistercities.models import (
    City,
    CooperationArea,
    FormerCityName,
    Organisation,
    Person,
    Protocol,
    Relationship,
    Source,
    StatusChange,
)
from visits.models import DelegationMember, Event, Meeting, PublicationStatus, Visit


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"city-{n}")
    name_tr = factory.Sequence(lambda n: f"Şehir {n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    country = "TR"


class RelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relationship

    slug = factory.Sequence(lambda n: f"relationship-{n}")
    home_city = factory.SubFactory(CityFactory, slug="osmangazi", name_tr="Osmangazi")
    partner_city = factory.SubFactory(CityFactory, country="KZ")


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    relationship = factory.SubFactory(RelationshipFactory)
    status = "active"
    date = "2019"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name_tr = factory.Sequence(lambda n: f"Kişi {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_tr = factory.Sequence(lambda n: f"Kurum {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Source {n}")


class ProtocolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Protocol

    relationship = factory.SubFactory(RelationshipFactory)
    slug = factory.Sequence(lambda n: f"protocol-{n}")
    kind = "sister_city"
    title_tr = factory.Sequence(lambda n: f"Protokol {n}")


class VisitFactory(factory.django.DjangoModelFactory):
    """A published visit with Turkish and English title and report."""

    class Meta:
        model = Visit

    relationship = factory.SubFactory(RelationshipFactory)
    slug = factory.Sequence(lambda n: f"visit-{n}")
    direction = "outgoing"
    title_tr = factory.Sequence(lambda n: f"Ziyaret {n}")
    title_en = factory.Sequence(lambda n: f"Visit {n}")
    report_tr = "Rapor."
    report_en = "Report."
    start_date = "2019-08-24"
    end_date = "2019-08-24"
    status = PublicationStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationMember

    visit = factory.SubFactory(VisitFactory)
    person = factory.SubFactory(PersonFactory)
    title_tr = "Belediye Başkanı"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    visit = factory.SubFactory(VisitFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea

    slug = factory.Sequence(lambda n: f"area-{n}")
    name_tr = factory.Sequence(lambda n: f"Alan {n}")


class FormerCityNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormerCityName

    city = factory.SubFactory(CityFactory)
    name_tr = factory.Sequence(lambda n: f"Eski ad {n}")
    used_until_year = 2022


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name_tr = factory.Sequence(lambda n: f"Sempozyum {n}")
    start_date = "2019-08"
    organiser = factory.SubFactory(OrganisationFactory)


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "visits.Photo"

    visit = factory.SubFactory(VisitFactory)
    image = factory.django.ImageField(width=64, height=48, color="navy", format="JPEG")
    alt_text_tr = "Heyet belediye binası önünde."
    alt_text_en = "The delegation in front of the town hall."
    credit = "Osmangazi Municipality"
