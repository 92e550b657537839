"""What a reader needs to cite or share a visit report: its page's citation block and
social cards."""

from dataclasses import dataclass
from datetime import date, datetime

from journalism.feeds import page_description, publisher_name
from visits.models import Visit
from visits.publication import first_published, last_updated


@dataclass(frozen=True)
class Citation:
    title: str
    description: str
    publisher: str
    published: date | datetime  # the original's day, or this portal's publication
    updated: datetime
    url: str


def citation(request, visit: Visit) -> Citation:
    return Citation(
        title=visit.title,
        description=page_description(visit),
        publisher=publisher_name(visit.relationship.home_city),
        published=first_published(visit),
        updated=last_updated(visit),
        url=request.build_absolute_uri(visit.get_absolute_url()),
    )
