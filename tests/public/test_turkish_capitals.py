"""The showcase's public pages in Turkish write a capital İ where Turkish has one."""

import pytest

from sistercities.models import Protocol, Relationship
from tests.helpers.casing import miscased
from tests.helpers.crawl import crawl

pytestmark = pytest.mark.django_db


def test_turkish_pages_capitalise_with_a_dotted_i_and_english_ones_do_not(client, showcase):
    # A cooperation and its memorandum: "işbirliği" is capitalised on their pages.
    Relationship.objects.update(kind="cooperation")
    Protocol.objects.update(kind="cooperation")
    found = crawl(client, ["/tr/", "/en/"], search_word="Kapchagay", limit=200, variants_per_path=2)
    html = {url: page.text for url, page in found.items() if "html" in page.content_type}
    turkish = {url: text for url, text in html.items() if url.startswith("/tr/")}
    assert len(turkish) > 20

    assert {url: miscased(text) for url, text in turkish.items() if miscased(text)} == {}
    assert '<p class="eyebrow">İşbirliği</p>' in turkish["/tr/iliskiler/osmangazi-kapchagay/"]
    assert "<dd>İşbirliği</dd>" in turkish["/tr/iliskiler/"]  # Tür: İşbirliği
    protocol = turkish["/tr/protokoller/osmangazi-kapchagay-sister-city-protocol/"]
    assert '<p class="eyebrow">İşbirliği mutabakat zaptı</p>' in protocol

    english = html["/en/relationships/osmangazi-kapchagay/"]
    assert '<p class="eyebrow">Cooperation</p>' in english
    english = html["/en/protocols/osmangazi-kapchagay-sister-city-protocol/"]
    assert '<p class="eyebrow">Cooperation memorandum</p>' in english
