"""The footer of every public page: the office's contact and the links to the notices,
read once per version of "all" (pagecache.facts), which their changes bump. It carries the
home city's name for the header too, so that a page reads its site facts in one round trip."""

from dataclasses import dataclass, field

from django.core.cache import cache

from pagecache.facts import site_fact
from public.models import NOTICE_PAGES, Notice, NoticeKind, Office
from sistercities.home_city import home_city
from sistercities.models import City

FOOTER_KEY = "site-facts:footer:2"  # :2 since it holds the home city


@dataclass(frozen=True)
class Footer:
    office: Office | None
    notices: list[Notice] = field(default_factory=list)
    website: str = ""  # the municipality's own site, the home city's
    home_city: City | None = None  # its name, in the language of each page, heads it

    @property
    def city_name(self) -> str:
        return self.home_city.name if self.home_city else ""

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
        home_city=city,
    )


def forget_footer(sender, **kwargs):
    """A footer row or a city saved or deleted: drop the entry at once, as home_city does."""
    cache.delete(FOOTER_KEY)
