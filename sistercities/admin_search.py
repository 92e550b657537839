"""The admin's search by word beginnings, whatever the accents, case or Turkish İ/ı.

Django's changelist search is `icontains` on each of `search_fields`: "Kapça" misses
"Kapçağay" in a database without accent folding. Where a search field is a text a
searchable model keeps folded words of (sistercities.search_text), its `search_text`
columns in every language are searched too, through the same relations: `name_tr` on a
city, `home_city__name_en` on a relationship, `former_names__name_kk` on a city.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES

from sistercities.search_text import Searchable, words_begin


def searchable_prefixes(model, search_fields) -> set[str]:
    """The relation paths ("", "home_city__") to searchable models whose searched text
    one of `search_fields` names."""
    prefixes = set()
    for search_field in search_fields:
        *relations, name = search_field.lstrip("^=@").split("__")
        target = model
        try:
            for relation in relations:
                target = target._meta.get_field(relation).related_model
        except (FieldDoesNotExist, AttributeError):
            continue
        if target is None or not issubclass(target, Searchable):
            continue
        base = name.rsplit("_", 1)[0] if name.rsplit("_", 1)[-1] in LANGUAGES else name
        if base in target.SEARCHED:
            prefixes.add("".join(f"{relation}__" for relation in relations))
    return prefixes


class FoldedSearch:
    """For a ModelAdmin: what Django's search finds, and the rows whose searchable text
    has words beginning with the query's, in any language."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        prefixes = searchable_prefixes(self.model, self.get_search_fields(request))
        if not search_term.strip() or not prefixes:
            return results, may_have_duplicates
        condition = Q()
        for prefix in prefixes:
            condition |= words_begin(search_term, prefix=prefix, languages=LANGUAGES)
        through_relations = any(prefixes - {""})
        return results | queryset.filter(condition), may_have_duplicates or through_relations
