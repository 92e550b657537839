"""What public visits name (sistercities.mentions): the members of their delegations and the
organisations they stood for, the hosts and organisations of their meetings, the speakers
of their quotes, the organisers of their related events, and their sources."""

from sistercities import mentions
from sistercities.models import Organisation, Person, Source
from visits.models import DelegationMember, Event, Meeting, Quote, Visit


def _delegation():
    return DelegationMember.objects.filter(visit__in=Visit.objects.published())


def _meetings():
    return Meeting.objects.filter(visit__in=Visit.objects.published())


def _quotes():
    return Quote.objects.filter(visit__in=Visit.objects.published())


def _events():
    return Event.objects.filter(visits__in=Visit.objects.published())


def add_visit_mentions() -> None:
    mentions.add(Person, "person", _delegation)
    mentions.add(Person, "host", _meetings)
    mentions.add(Person, "speaker", _quotes)
    mentions.add(Organisation, "organisation", _delegation)
    mentions.add(Organisation, "organisation", _meetings)
    mentions.add(Organisation, "organiser", _events)
    mentions.add(Source, "sources", Visit.objects.published)
