"""Query parts of the public lists of visits: what a card leaves unread, the latest few."""

from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname


def localized_names(*fields: str) -> list[str]:
    """The columns of translated fields: the field itself and its copy in each language."""
    return [
        name
        for field in fields
        for name in (field, *(build_localized_fieldname(field, lang) for lang in LANGUAGES))
    ]


# What a visit card never shows: the long texts of the report page, in every language, and
# the descriptions of the two cities. Lists leave them in the database.
CARD_DEFERRED = [
    *localized_names("report", "purpose"),
    *(
        f"relationship__{city}__{name}"
        for city in ("home_city", "partner_city")
        for name in localized_names("description")
    ),
]


def latest_first(visits, count: int):
    """The latest `count` of these visits by publication, newest first. The few ids are
    chosen first, from the visits alone, and only their rows joined with their cities: the
    planner, which cannot know that the visits of published relationships are nearly all
    visits, would otherwise join every visit before sorting."""
    ids = visits.order_by("-publish_at", "-pk").values("pk")[:count]
    return visits.filter(pk__in=ids).order_by("-publish_at", "-pk")
