import pytest
from django.contrib.auth.models import Group

from tests.admin.forms import form_data


def _staff(django_user_model, role):
    user = django_user_model.objects.create_user(
        username=role.lower(), password="unused-in-tests", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def publisher(django_user_model):
    return _staff(django_user_model, "Publisher")


@pytest.fixture
def editor(django_user_model):
    return _staff(django_user_model, "Editor")


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def change_form():
    """GET an admin form page and return its data, ready to modify and POST back."""

    def get(client, url):
        response = client.get(url)
        assert response.status_code == 200
        return form_data(response)

    return get
