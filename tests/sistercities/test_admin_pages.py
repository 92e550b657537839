"""Every admin page answers a Publisher, with list pages whose query count does not grow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CityFactory,
    CooperationAreaFactory,
    DelegationMemberFactory,
    EventFactory,
    FormerCityNameFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    ProtocolFactory,
    SourceFactory,
    StatusChangeFactory,
)

pytestmark = pytest.mark.django_db


def _city(**kwargs):
    return FormerCityNameFactory(**kwargs).city


def _organisation(**kwargs):
    return OrganisationFactory(city=CityFactory(), **kwargs)


def _relationship(**kwargs):
    return StatusChangeFactory(**kwargs).relationship


def _visit(**kwargs):
    visit = DelegationMemberFactory(**kwargs).visit
    MeetingFactory(visit=visit)
    return visit


# One row of each admin's list, built with the related rows its columns show.
ROW_MAKERS = {
    "sistercities.source": SourceFactory,
    "sistercities.city": _city,
    "sistercities.organisation": _organisation,
    "sistercities.person": PersonFactory,
    "sistercities.cooperationarea": CooperationAreaFactory,
    "sistercities.relationship": _relationship,
    "sistercities.protocol": ProtocolFactory,
    "visits.event": EventFactory,
    "visits.visit": _visit,
}


def _url(model, view, *args):
    app_label, model_name = model.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_every_admin_is_tested():
    from django.contrib import admin

    registered = {
        model._meta.label_lower
        for model in admin.site._registry
        if model._meta.app_label in ("sistercities", "visits")
    }
    assert registered == set(ROW_MAKERS)


@pytest.mark.parametrize("model", ROW_MAKERS)
def test_publisher_opens_list_add_change_and_history_pages(publisher_client, model):
    obj = ROW_MAKERS[model]()
    for url in (
        _url(model, "changelist"),
        _url(model, "add"),
        _url(model, "change", obj.pk),
        _url(model, "history", obj.pk),
    ):
        assert publisher_client.get(url).status_code == 200, url


def _changelist_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("model", ROW_MAKERS)
def test_list_page_query_count_does_not_grow_with_rows(publisher_client, model):
    url = _url(model, "changelist")
    for _ in range(5):
        ROW_MAKERS[model]()
    publisher_client.get(url)  # warm caches (content types, site, session)
    with_5, response = _changelist_queries(publisher_client, url)
    assert response.context["cl"].result_count == 5
    for _ in range(45):
        ROW_MAKERS[model]()
    with_50, response = _changelist_queries(publisher_client, url)
    assert response.context["cl"].result_count == 50
    assert with_5 == with_50


def test_admin_pages_load_no_script_or_style_from_another_site(publisher_client):
    visit = _visit()
    html = publisher_client.get(_url("visits.visit", "change", visit.pk)).content.decode()
    assets = re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', html)
    assert any("vendor/jquery-ui/jquery-ui.min.js" in asset for asset in assets)
    assert "code.jquery.com" not in html
    assert [a for a in assets if a.startswith(("http:", "https:", "//"))] == []
