"""A page's declared query parameters, read and written back in one canonical form."""

from django.http import QueryDict

from pagecache.query import Choices, Query, number, query_of, reads, text

QUERY = Query(kind=Choices(("visit", "protocol")), part=number(1, 99), q=text())


def test_read_gives_the_values_the_view_acts_on():
    given = QueryDict("kind=protocol&kind=junk&kind=visit&part=007&q=%20Kapchagay%20&x=1")
    assert QUERY.read(given) == {"kind": ["visit", "protocol"], "part": 7, "q": "Kapchagay"}


def test_unreadable_values_are_absent():
    given = QueryDict("kind=junk&part=%C2%B9&q=%20%20")
    assert QUERY.read(given) == {"kind": [], "part": None, "q": None}
    assert QUERY.canonical(given).urlencode() == ""


def test_the_canonical_query_is_the_same_for_every_way_of_writing_it():
    one = QUERY.canonical(QueryDict("part=3&kind=protocol&kind=visit&utm_source=x"))
    other = QUERY.canonical(QueryDict("kind=visit&kind=protocol&kind=visit&part=03"))
    assert one.urlencode() == other.urlencode() == "kind=visit&kind=protocol&part=3"


def test_a_view_reads_nothing_unless_declared():
    def view(request):
        """The view's own docstring."""

    declared = reads(QUERY)(view)
    assert query_of(view).parameters == {}
    assert query_of(declared) is QUERY
    assert declared.__doc__ == view.__doc__
