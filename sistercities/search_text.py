"""Search by the beginnings of words, whatever the accents, case or script's İ/ı.

Each searchable model keeps, per interface language, the words a visitor in that language
sees, folded (`fold`) and written as " word1 word2 " in `search_text_<lang>` (a translated
field, filled on save). A query's words, folded the same way, must each begin a word there:
" kapca" is in " kapcagay ". Plain `contains` on a column filled in Python behaves alike on
SQLite and PostgreSQL, needs no unaccent extension and costs no extra query.
"""

import re

from django.db.models import Q
from django.utils.html import strip_tags
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

from sistercities.folding import fold

_WORD = re.compile(r"\w+")
FIELD = "search_text"


def folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def seen_text(obj, field: str, language: str) -> str:
    """obj.<field> as a visitor in `language` sees it, fallbacks included."""
    for lang in resolution_order(language):
        value = getattr(obj, build_localized_fieldname(field, lang), "") or ""
        if value:
            return strip_tags(value)
    return ""


def fill_search_text(obj, fields) -> None:
    """Set obj.search_text_<lang> from the folded words of `fields` as seen in <lang>."""
    for language in LANGUAGES:
        words = folded_words(" ".join(seen_text(obj, field, language) for field in fields))
        setattr(obj, build_localized_fieldname(FIELD, language), f" {' '.join(words)} ")


def fill_stored_rows(model, fields) -> None:
    """Give the rows of `model` saved before it had the column their words, as a save
    gives them (the migrations that add the column call this)."""
    rows = list(model._base_manager.all())
    for row in rows:
        fill_search_text(row, fields)
        row.search_text = getattr(row, build_localized_fieldname(FIELD, LANGUAGES[0]))
    columns = [build_localized_fieldname(FIELD, language) for language in LANGUAGES]
    model._base_manager.bulk_update(rows, [*columns, FIELD], batch_size=500)


def words_begin(query: str, *, prefix: str = "", languages=None) -> Q:
    """Rows where each word of `query` begins a word of the text seen in one of
    `languages` (the active language by default). A query without a word matches nothing."""
    words = folded_words(query)
    if not words:
        return Q(pk__in=[])
    condition = Q()
    for language in languages or [get_language()]:
        column = prefix + build_localized_fieldname(FIELD, language)
        every_word = Q()
        for word in words:
            every_word &= Q(**{f"{column}__contains": f" {word}"})
        condition |= every_word
    return condition


class Searchable:
    """For a model with a translated `search_text` field: SEARCHED lists the translated
    fields whose words it holds; saving refreshes it."""

    SEARCHED: tuple[str, ...] = ()

    def refresh_search_text(self) -> None:
        """For writes that bypass save(): bulk creation, restored archives."""
        fill_search_text(self, self.SEARCHED)

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields:
            kwargs["update_fields"] = {
                *update_fields,
                *(build_localized_fieldname(FIELD, lang) for lang in LANGUAGES),
            }
        super().save(*args, **kwargs)
