"""A full record to archive: the showcase, a real photo, a coat of arms, a protocol scan and
an edit made in the admin (history with its author), and the means to empty the database."""

import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils import translation

from archive.transfer import archived_models
from showcase.services import showcase_load
from sistercities.models import City, Protocol
from tests.helpers.documents import clean_pdf
from tests.helpers.forms import form_data
from tests.helpers.photos import camera_jpeg, png, upload
from visits.models import Photo, Visit


@pytest.fixture(autouse=True)
def _in_english():
    """Commands and pages in English, the language the messages are written in."""
    with translation.override("en"):
        yield


@pytest.fixture
def record(db, client, django_user_model):
    showcase_load()
    visit = Visit.objects.published().get()
    Photo.objects.create(
        visit=visit,
        image=upload(camera_jpeg(), "delegation.jpg"),
        caption_tr="Heyet Konaev'de",
        caption_en="The delegation in Konaev",
        caption_kk="Делегация Қонаевта",
        caption_ru="Делегация в Конаеве",
        alt_text_tr="Heyet belediye binası önünde.",
        alt_text_en="The delegation in front of the town hall.",
        credit="Osmangazi Municipality",
    )
    city = City.objects.home()
    city.coat_of_arms.save("osmangazi.png", ContentFile(png((60, 80))))
    protocol = Protocol.objects.first()
    protocol.document.save("protocol.pdf", ContentFile(clean_pdf()))

    publisher = django_user_model.objects.create_user(username="publisher", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publisher"))
    client.force_login(publisher)
    change_url = reverse("admin:visits_visit_change", args=[visit.pk])
    data = form_data(client.get(change_url))
    data["places_en"] = "Konaev (then Kapchagay), Almaty Region"
    data["correction_note"] = "The city's name of today added."
    assert client.post(change_url, data).status_code == 302
    return visit


def _tables() -> list[str]:
    """Every archived table but the staff groups, which migrations create."""
    tables = set()
    for model in archived_models()[1:]:
        tables.add(model._meta.db_table)
        tables.update(
            field.remote_field.through._meta.db_table for field in model._meta.local_many_to_many
        )
    return sorted(tables)


@pytest.fixture
def wipe():
    """Empty the database as a new one is (ids start again at 1) and delete the media."""

    def wipe():
        statements = connection.ops.sql_flush(
            no_style(), _tables(), reset_sequences=True, allow_cascade=True
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # TRUNCATE wants no check pending
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for statement in statements:
                cursor.execute(statement)
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        shutil.rmtree(settings.MEDIA_ROOT)

    return wipe
