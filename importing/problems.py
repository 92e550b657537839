"""What can go wrong with a list: the whole file refused, or one problem of one row."""

from dataclasses import dataclass


class ImportRefused(Exception):
    """The import as a whole cannot go on; nothing is written."""


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str
