"""The public directory of the home city's partners, their map and figures.

Only published relationships and published visits appear. Each page makes a fixed number of
queries, whatever the number of partners.
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import charts
from sistercities.models import City, Relationship, RelationshipKind, RelationshipStatus
from sistercities.partial_dates import PartialDate
from visits.models import Direction, Visit

MOST_VISITED = 10


@dataclass(frozen=True)
class Partner:
    relationship: Relationship
    city: City

    @property
    def since(self) -> PartialDate | None:
        return self.relationship.founding.date

    @property
    def name(self) -> str:
        """The city as it was called when the relationship was founded (City.name_at)."""
        return self.city.name_at(self.since.year if self.since else None)

    @property
    def status(self) -> str:
        return self.relationship.current_status or ""

    @property
    def point(self) -> charts.Point | None:
        return charts.project(self.city.latitude, self.city.longitude)


def _home() -> City:
    try:
        return City.objects.prefetch_related("former_names").home()
    except City.DoesNotExist:
        raise Http404(_("The home city has not been recorded yet.")) from None


def _partners(home: City) -> list[Partner]:
    relationships = (
        Relationship.objects.published()
        .involving(home)
        .with_current_status()
        .select_related("home_city", "partner_city")
        .prefetch_related("home_city__former_names", "partner_city__former_names", "protocols")
    )
    partners = [
        Partner(r, r.partner_city if r.home_city_id == home.pk else r.home_city)
        for r in relationships
    ]
    return sorted(partners, key=lambda partner: (partner.city.country.name, partner.city.name))


class PartnerFilter(forms.Form):
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, data, partners: list[Partner]):
        super().__init__(data)
        everything = [("", _("All"))]
        countries = {partner.city.country.code: partner.city.country.name for partner in partners}
        self.fields["country"].choices = everything + sorted(countries.items(), key=lambda c: c[1])
        self.fields["kind"].choices = everything + list(RelationshipKind.choices)
        self.fields["status"].choices = everything + list(RelationshipStatus.choices)

    def apply(self, partners: list[Partner]) -> list[Partner]:
        if not self.is_valid():
            return partners
        wanted = self.cleaned_data
        return [
            partner
            for partner in partners
            if wanted["country"] in ("", partner.city.country.code)
            and wanted["kind"] in ("", partner.relationship.kind)
            and wanted["status"] in ("", partner.status)
        ]


def partner_list(request):
    home = _home()
    partners = _partners(home)
    form = PartnerFilter(request.GET or None, partners)
    shown = form.apply(partners)
    return render(
        request,
        "directory/partner_list.html",
        {"home": home, "form": form, "partners": shown, "total": len(partners)},
    )


def partner_map(request):
    home = _home()
    partners = _partners(home)
    return render(
        request,
        "directory/partner_map.html",
        {
            "home": home,
            "home_point": charts.project(home.latitude, home.longitude),
            "partners": partners,
            "placed": [partner for partner in partners if partner.point],
            "graticule": charts.graticule(),
            "land": charts.land_outline(),
            "width": charts.MAP_WIDTH,
            "height": charts.MAP_HEIGHT,
        },
    )


def figures(request):
    home = _home()
    partners = _partners(home)
    by_country = Counter(partner.city.country.name for partner in partners)
    decades = Counter(
        partner.since.year // 10 * 10 if partner.since else None for partner in partners
    )
    visits = Visit.objects.published().filter(
        relationship__in=Relationship.objects.published().involving(home)
    )
    return render(
        request,
        "directory/figures.html",
        {
            "home": home,
            "total": len(partners),
            "by_country": charts.bar_chart(
                [(name, [count]) for name, count in by_country.most_common()],
                [_("Relationships")],
            ),
            "by_decade": charts.bar_chart(
                [
                    (_("%(decade)ss") % {"decade": decade} if decade else _("date unknown"), [n])
                    for decade, n in sorted(decades.items(), key=lambda d: d[0] or 9999)
                ],
                [_("Relationships")],
            ),
            "visits_per_year": _visits_per_year(visits),
            "most_visited": _most_visited(visits, partners),
        },
    )


def _visits_per_year(visits) -> charts.BarChart:
    counts = (
        visits.annotate(year=Substr("start_date", 1, 4))
        .order_by()
        .values_list("year", "direction")
        .annotate(count=Count("pk"))
    )
    per_year: dict[str, Counter] = {}
    for year, direction, count in counts:
        per_year.setdefault(year or _("date unknown"), Counter())[direction] = count
    directions = [Direction.OUTGOING, Direction.INCOMING]
    return charts.bar_chart(
        [(year, [per_year[year][d] for d in directions]) for year in sorted(per_year)],
        [str(direction.label) for direction in directions],
    )


def _most_visited(visits, partners: list[Partner]) -> charts.BarChart:
    names = {partner.relationship.pk: partner.city.name for partner in partners}
    counts = (
        visits.order_by()
        .values_list("relationship")
        .annotate(count=Count("pk"))
        .order_by("-count", "relationship")[:MOST_VISITED]
    )
    return charts.bar_chart(
        [(names[relationship], [count]) for relationship, count in counts], [_("Visits")]
    )
