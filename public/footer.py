"""The footer of every public page: the office's contact and the links to the notices,
read once per version of "all" (pagecache.facts), which their changes bump. It carries the
home city's name for the header too, so that a page reads its site facts in one round trip."""

from dataclasses import dataclass, field

from django.core.cache import cache

from pagecache.facts import site_fact
from public.models import NOTICE_PAGES, Notice, NoticeKind, Office
from sistercities.home_city import home_city

FOOTER_KEY = "site-facts:footer:2"  # :2 since it holds the city's name


@dataclass(frozen=True)
class Footer:
    office: Office | None
    notices: list[Notice] = field(default_factory=list)
    website: str = ""  # the municipality's own site, the home city's
    city_name: str = ""  # the home city's, in the header and the office's address

    @property
    def accessibility(self) -> Notice | None:
        return next((n for n in self.notices if n.kind == NoticeKind.ACCESSIBILITY), None)


def site_footer() -> Footer:
    return site_fact(FOOTER_KEY, _read)


def _read() -> Footer:
    city = home_city()
    return Footer(
        office=Office.objects.first(),
        notices=sorted(
            Notice.objects.filter(kind__in=NOTICE_PAGES),
            key=lambda notice: list(NOTICE_PAGES).index(notice.kind),
        ),
        website=city.website if city else "",
        city_name=city.name if city else "",
    )


def forget_footer(sender, **kwargs):
    """A footer row or a city saved or deleted: drop the entry at once, as home_city does."""
    cache.delete(FOOTER_KEY)
