"""Query parts of the public lists of visits: what a card leaves unread, the latest few."""

from sistercities.translated import localized_names

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
