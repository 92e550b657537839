"""The query parameters a public page reads, declared next to its view.

The page cache middleware gives a public page only the parameters its view declares, each
read and written back in one canonical form, and keys the cached copy on that query: any
other parameter — a tracking tag, a random string — neither changes the page nor costs a
render and a stored copy of its own, and a value the view would ignore is dropped. A view
that declares nothing reads no parameter. The view reads its values through the same
declaration (`Query.read`), so the page and its key agree on every value.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.http import QueryDict

from pagecache.numbers import parse_int


@dataclass(frozen=True)
class Single:
    """A parameter given once (the last value counts, as with QueryDict.get), read by
    `parse`; absent where `parse` finds nothing in it (None)."""

    parse: Callable[[str], object | None]

    def read(self, values: list[str]):
        return self.parse(values[-1]) if values else None

    def written(self, value) -> list[str]:
        return [] if value is None else [str(value)]


def number(minimum: int, maximum: int) -> Single:
    """A whole number within minimum..maximum (pagecache.numbers.parse_int)."""
    return Single(lambda text: parse_int(text, minimum=minimum, maximum=maximum))


def text() -> Single:
    """Text without its surrounding spaces; absent when nothing else is left."""
    return Single(lambda given: given.strip() or None)


@dataclass(frozen=True)
class Choices:
    """A parameter given any number of times, each value one of `allowed`: those given,
    once each, in the order of `allowed`."""

    allowed: tuple[str, ...]

    def read(self, values: list[str]) -> list[str]:
        given = set(values)
        return [value for value in self.allowed if value in given]

    def written(self, value: list[str]) -> list[str]:
        return value


class Query:
    """The parameters of one view, by name."""

    def __init__(self, **parameters: Single | Choices):
        self.parameters = parameters

    def read(self, query: QueryDict) -> dict:
        return {name: kind.read(query.getlist(name)) for name, kind in self.parameters.items()}

    def canonical(self, query: QueryDict) -> QueryDict:
        """The declared parameters alone, in their canonical form and in a fixed order."""
        canonical = QueryDict(mutable=True)
        for name, value in sorted(self.read(query).items()):
            written = self.parameters[name].written(value)
            if written:
                canonical.setlist(name, written)
        canonical._mutable = False
        return canonical


NOTHING = Query()


def reads(query: Query):
    """Declare the parameters a function view reads; a class-based view names them as its
    `page_query` attribute. Wraps the view, so that a view of Django's can be declared."""

    def declare(view):
        @functools.wraps(view)
        def reading(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        reading.page_query = query
        return reading

    return declare


def query_of(view) -> Query:
    """The parameters a resolved view reads: none unless declared."""
    return getattr(getattr(view, "view_class", view), "page_query", NOTHING)
