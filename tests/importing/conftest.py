import pytest

from tests.helpers.importing import SLICE


@pytest.fixture
def twin_cities() -> bytes:
    return SLICE.read_bytes()
