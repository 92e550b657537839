"""No page's query count grows with the number of visits and what they hold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from sistercities.models import Source
from tests.factories import (
    DelegationMemberFactory,
    MeetingFactory,
    PersonFactory,
    ProtocolFactory,
    StatusChangeFactory,
)
from visits.models import Correction, PublicationStatus, Quote, Visit


def grow(record, count):
    """count published visits in the relationship; the showcase visit gets count of each part."""
    relationship, visit = record["relationship"], record["visit"]
    Visit.objects.bulk_create(
        Visit(
            relationship=relationship,
            slug=f"grown-{count}-{n}",
            direction="incoming",
            title_tr=f"Ziyaret {n}",
            title_en=f"Visit {n}",
            start_date=f"20{10 + n % 10}-0{1 + n % 9}",
            status=PublicationStatus.PUBLISHED,
            publish_at=timezone.now(),
        )
        for n in range(count)
    )
    for n in range(count // 20 + 1):
        ProtocolFactory(relationship=relationship)
        StatusChangeFactory(relationship=relationship)
        DelegationMemberFactory(visit=visit)
        MeetingFactory(visit=visit, host=PersonFactory())
        Quote.objects.create(visit=visit, speaker=PersonFactory(), text_tr=f"Söz {n}")
        Correction.objects.create(visit=visit, note_tr=f"Düzeltme {n}")
        visit.sources.add(Source.objects.create(title=f"Kaynak {n}"))


def pages(record):
    with translation.override("en"):
        return {
            "home": reverse("sistercities:home"),
            "timeline": record["relationship"].get_absolute_url(),
            "visit": record["visit"].get_absolute_url(),
            "city": record["partner"].get_absolute_url(),
            "search": reverse("sistercities:search") + "?q=visit",
            "visit list": reverse("visits:visit-list"),
            "relationships": reverse("sistercities:relationship-list"),
        }


def query_counts(client, record):
    counts = {}
    for name, url in pages(record).items():
        client.get(url)  # a first request fills the caches (the home city, translations)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    return counts


@pytest.fixture
def counts_at(client, record):
    def measure(total):
        grow(record, total - Visit.objects.published().count())
        assert Visit.objects.published().count() == total
        return query_counts(client, record)

    return measure


def test_query_counts_are_the_same_at_5_and_200_visits(counts_at):
    few = counts_at(5)
    many = counts_at(200)
    assert many == few
    print("query counts:", few)


# The relationship with its areas, sources, protocols and cities' former names, its status
# changes, its visits counted by year and the page's visits; the visit with its
# relationship's protocols, both cities' former names (one query), its delegation, meetings,
# quotes, photos, sources and corrections. The footer is a site fact read from the cache.
BUDGETS = {"timeline": 8, "visit": 9}


def test_the_timeline_and_the_visit_report_keep_their_query_budgets(client, record):
    grow(record, 20)
    counts = query_counts(client, record)
    over = {name: counts[name] for name, budget in BUDGETS.items() if counts[name] > budget}
    assert over == {}
