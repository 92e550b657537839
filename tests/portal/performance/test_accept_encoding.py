"""A compressed answer goes only to a client whose Accept-Encoding accepts it: "gzip;q=0"
refuses gzip. One reading of the header serves the page cache and the static files."""

import gzip

import pytest
from django.templatetags.static import static
from django.urls import reverse

from pagecache.accept_encoding import preferred_coding, weights
from tests.portal.performance.test_static_files import collected  # noqa: F401 (fixture)

# header → the coding chosen where gzip and br are both available, smallest (br) first
CHOICES = {
    "gzip": "gzip",
    "gzip;q=0": None,
    "gzip; q=0.0": None,
    "GZIP;Q=0": None,
    "gzip ;q=0 , br;q=0.000": None,
    "*;q=0": None,
    "deflate, gzip;q=0": None,
    "*": "br",
    "gzip;q=0.5": "gzip",
    "gzip, br": "br",
    "gzip;q=1, br;q=0.5": "gzip",
    "br;q=0, *": "gzip",
    "x-gzip": "gzip",
    "identity": None,
    "identity, gzip;q=0.5": None,
    "": None,
    "gzip brotli spam": None,
    "x-gzip-really, br-ish": None,
    "gzip;q=abc": None,
    "gzip;q=1.5": None,
    ";;,,=q": None,
}


@pytest.mark.parametrize(("header", "expected"), CHOICES.items())
def test_the_chosen_coding_follows_the_header_and_its_weights(header, expected):
    assert preferred_coding(header, ["br", "gzip"]) == expected


def test_no_header_gets_the_uncompressed_answer():
    assert preferred_coding(None, ["gzip"]) is None


def test_weights_read_case_spaces_and_aliases():
    assert weights("GZip ; Q=0.5 ,\tX-GZIP;q=1, *;q=0") == {"gzip": 1.0, "*": 0.0}


@pytest.mark.usefixtures("page_cache", "showcase")
def test_a_cached_page_is_gzipped_only_for_a_client_that_accepts_gzip(client):
    home = reverse("sistercities:home")
    plain = client.get(home)
    assert plain["Cache-Status"] == "portal; fwd=miss; stored"
    got = {}
    for header in CHOICES:
        response = client.get(home, headers={"accept-encoding": header})
        assert response["Cache-Status"] == "portal; hit", header
        encoding = response.get("Content-Encoding")
        body = gzip.decompress(response.content) if encoding == "gzip" else response.content
        assert body == plain.content, header
        got[header] = encoding
    wanted = {header: choice and "gzip" for header, choice in CHOICES.items()}
    assert got == wanted, {header: got[header] for header in got if got[header] != wanted[header]}


def test_a_static_file_is_compressed_only_as_the_client_accepts(collected):  # noqa: F811
    url = static("css/site.css")
    plain = collected.get(url)
    assert plain.get("Content-Encoding") is None
    got = {
        header: collected.get(url, headers={"accept-encoding": header}).get("Content-Encoding")
        for header in CHOICES
    }
    assert got == CHOICES, {header: got[header] for header in got if got[header] != CHOICES[header]}
