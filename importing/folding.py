"""The importer's comparisons: sistercities.folding's folds, with spacing and dash style
tidied as lists write them."""

import re

from sistercities import folding

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def fold_case(text: str) -> str:
    """For names: case folded (sistercities.folding.fold_case), one space between words,
    one kind of dash."""
    return " ".join(_DASHES.sub("-", folding.fold_case(text)).split())


def fold(text: str) -> str:
    """For the importer's own words (column names, kinds, statuses, countries): without
    accents either."""
    return folding.fold(fold_case(text))
