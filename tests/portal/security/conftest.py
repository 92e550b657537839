import pytest
from django.contrib.auth.models import Group

from tests.helpers.records import STAFF_PASSWORD


@pytest.fixture
def publisher(django_user_model, staff_roles):
    """A Publisher with a real password, for the sign-in tests."""
    user = django_user_model.objects.create_user(
        username="publisher", password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Publisher"))
    return user


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


def pytest_terminal_summary(terminalreporter):
    """How many generated cases the Hypothesis properties of tests/security ran."""
    from tests.portal.security.fuzzing import CASES

    if CASES:
        terminalreporter.write_line(
            f"security fuzzing: {sum(CASES.values())} generated cases "
            f"({', '.join(f'{name}: {n}' for name, n in sorted(CASES.items()))})"
        )
