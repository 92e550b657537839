"""Which cached pages show an object of the record (pagecache.invalidation.follow).

A visit, protocol or status change (or one of their parts: photos, delegation, meetings,
quotes, corrections, signatories, sources) is on the pages of its relationship and of that
relationship's two cities; a relationship likewise; a city (or a former name) on its own
page and those of each of its relationships. A change whose reach is not known so precisely
(people, organisations, events, sources, areas, the home city, whose name every page
carries) bumps "all".
"""

from pagecache.tags import ALL
from sistercities.models import City, FormerCityName, Relationship, is_home_city

# How an object reaches the relationships whose pages show it.
RELATIONSHIP_PATHS = {
    "relationship_id": "pk",
    "visit_id": "visits",
    "protocol_id": "protocols",
    "statuschange_id": "status_changes",
}


def relationship_tag(pk: int) -> str:
    """The tag of a relationship's pages: timeline, visits, protocols, photos, exports."""
    return f"relationship:{pk}"


def city_tag(pk: int) -> str:
    return f"city:{pk}"


def tags_of(instance) -> set[str]:
    """The tags of the pages that show this object of the record."""
    if isinstance(instance, City):
        return _city_tags(instance.pk)
    if isinstance(instance, FormerCityName):
        return _city_tags(instance.city_id)
    if isinstance(instance, Relationship):
        return _relationship_tags([(instance.pk, instance.home_city_id, instance.partner_city_id)])
    for attribute, path in RELATIONSHIP_PATHS.items():
        value = getattr(instance, attribute, None)
        if value is not None:
            rows = Relationship.objects.filter(**{path: value}).values_list(
                "pk", "home_city_id", "partner_city_id"
            )
            return _relationship_tags(rows)
    return {ALL}


def withdraws(before, after) -> bool:
    """A relationship taken back from the public, with every page of it."""
    return isinstance(before, Relationship) and before.is_published and not after.is_published


def _relationship_tags(rows) -> set[str]:
    tags = set()
    for pk, home_city_id, partner_city_id in rows:
        tags |= {relationship_tag(pk), city_tag(home_city_id), city_tag(partner_city_id)}
    return tags


def _city_tags(pk: int) -> set[str]:
    if City.objects.filter(is_home_city(), pk=pk).exists():
        return {ALL}  # its name is in every page's header
    rows = Relationship.objects.involving(pk).values_list("pk", "home_city_id", "partner_city_id")
    return {city_tag(pk), *_relationship_tags(rows)}
