"""Plan an import of sister-city pairs, report it, and write it when asked.

Which pairs become relationships: by default only the rows in which the home city
(settings.HOME_CITY_SLUG) takes part, since the portal is about the home city's partners;
the other rows are counted as skipped, and no city is created for them. With `all_pairs`
every usable row becomes a relationship between its two cities (the benchmark imports the
whole Wikipedia list so).

The plan is made from the file and three dictionaries loaded from the database (cities by
each name, relationships by pair of cities, slugs), so a dry run is the real run without its
writes. A pair listed more than once is one pair; if its rows disagree on its kind, status
or date it is a conflict, reported and not written. A pair already in the database whose
kind, status or date the list gives differently is updated (the dry run says "would
update"); a new status is a status change dated the day of the import, whose note says
that the list gave it then, since a list does not say when the status changed.
A city found only by its coordinates (`CityIndex.near`: the one known city within 5 km) is
a proposal, used only if accepted (`accept_distance_matches`, or the proposal's key in
`accepted_matches`): a metropolitan municipality and its central district share a centre
(Bursa and Osmangazi are 0.2 km apart), and one must not take the other's partners. Not
accepted, the row's city is the city of its own name, created if it is a pair's.
Writes go in batches through simple_history's `bulk_create_with_history`, so the
number of queries grows with batches, not rows, and every created row has its history.
"""

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from itertools import chain, count

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from importing.folding import fold_case
from importing.matching import CityIndex, Key, cldr_cities
from importing.reading import TWIN_FORMAT, ImportRefused, Options, Place, Problem, read_file
from importing.tables import Table
from pagecache.tags import content_changed
from sistercities import publishing
from sistercities.models import City, Relationship, RelationshipKind, Source, StatusChange
from sistercities.partial_dates import PartialDate
from sistercities.services import instance_sync

BATCH_SIZE = 1000
SLUG_LENGTH = 60
NEW = "new"


@dataclass(frozen=True)
class SourceInfo:
    """Where a list comes from; every relationship it creates carries it as a Source."""

    title: str
    language: str = ""
    publisher: str = ""
    url: str = ""
    licence: str = ""
    note: str = ""


WIKIPEDIA_LISTS = SourceInfo(
    title="Wikipedia: lists of twin towns and sister cities (twin_cities.csv, Hekman/twincities)",
    language="en",
    publisher="Wikipedia contributors; compiled and geocoded by Hekman/twincities",
    url="https://github.com/Hekman/twincities/blob/84ebdec/app/public/twin_cities.csv",
    licence="CC BY-SA 4.0",
    note=(
        "Pairs scraped from Wikipedia's “List of twin towns and sister cities” pages and "
        "geocoded by the Hekman/twincities project (MIT-licensed code). The data is "
        "Wikipedia's, under CC BY-SA: attribution to Wikipedia contributors, "
        "https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities."
    ),
)


@dataclass
class CityPlan:
    """A city the import uses: one already in the database, found `how`, or a NEW one."""

    name: str
    country: str
    how: str
    city_id: int | None = None
    latitude: object = None
    longitude: object = None
    spellings: dict[str, int] = field(default_factory=dict)  # spelling: first line
    names: dict[str, str] = field(default_factory=dict)  # CLDR's names, by language
    distance_km: float | None = None  # matched by distance (accepted): how far

    @property
    def merged(self) -> bool:
        return len(self.spellings) > 1

    def __str__(self):
        return f"{self.name} ({self.country})"


@dataclass
class Proposal:
    """A known city `city` lies `distance_km` from a place the list names otherwise."""

    name: str
    country: str
    line: int
    city: str
    distance_km: float
    accepted: bool

    @property
    def key(self) -> str:
        """What accepts it (`accepted_matches`, the admin's checkbox)."""
        return f"{self.country}:{fold_case(self.name)}"


COMPARED = ("kind", "status", "since")  # what the rows of one pair must agree on


@dataclass
class PairPlan:
    line: int
    home: CityPlan
    partner: CityPlan
    kind: str  # empty: no row says
    status: str
    since: PartialDate | None
    source_url: str
    relationship_id: int | None = None
    repeated_on: list[int] = field(default_factory=list)
    # field: {value: lines} when the rows give several values
    conflicts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    updates: dict[str, tuple[str, str]] = field(default_factory=dict)  # field: (old, new)
    _seen: dict[str, dict[str, list[int]]] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.is_new = self.relationship_id is None
        self._note(self.line, self)

    def __str__(self):
        return f"{self.home} – {self.partner}"

    def repeat(self, line: int, row) -> None:
        """Another row of the same pair: fill what the first left empty, note conflicts."""
        self.repeated_on.append(line)
        self._note(line, row)
        for name in COMPARED:
            values = self._seen.get(name, {})
            if len(values) > 1:
                self.conflicts[name] = values
            elif not getattr(self, name) and values:
                value = getattr(row, name)
                setattr(self, name, value)

    def _note(self, line: int, row) -> None:
        for name in COMPARED:
            value = getattr(row, name)
            if value:
                shown = value.isoformat() if name == "since" else value
                self._seen.setdefault(name, {}).setdefault(shown, []).append(line)


@dataclass
class ImportReport:
    file_format: str
    row_count: int
    cities: list[CityPlan]
    pairs: list[PairPlan]
    problems: list[Problem]
    skipped: int
    description: str = ""  # how the file was read
    committed: bool = False
    unread_columns: list[str] = field(default_factory=list)  # headers as written
    proposals: list[Proposal] = field(default_factory=list)  # matches by distance

    @property
    def new_cities(self) -> list[CityPlan]:
        """The cities to create: those of a pair that is written, not only of a conflict."""
        used = {
            id(city)
            for pair in self.pairs
            if not pair.conflicts
            for city in (pair.home, pair.partner)
        }
        return [city for city in self.cities if city.how == NEW and id(city) in used]

    @property
    def matched_cities(self) -> list[CityPlan]:
        return [city for city in self.cities if city.how != NEW]

    @property
    def merged_cities(self) -> list[CityPlan]:
        return [city for city in self.cities if city.merged]

    @property
    def new_pairs(self) -> list[PairPlan]:
        return [pair for pair in self.pairs if pair.is_new and not pair.conflicts]

    @property
    def existing_pairs(self) -> list[PairPlan]:
        """Pairs already in the database that the list leaves as they are."""
        return [pair for pair in self.pairs if not (pair.is_new or pair.updates or pair.conflicts)]

    @property
    def updated_pairs(self) -> list[PairPlan]:
        return [pair for pair in self.pairs if pair.updates and not pair.conflicts]

    @property
    def conflicting_pairs(self) -> list[PairPlan]:
        return [pair for pair in self.pairs if pair.conflicts]

    @property
    def unusable_rows(self) -> int:
        return len({problem.line for problem in self.problems})

    @property
    def merged_pairs(self) -> list[PairPlan]:
        return [pair for pair in self.pairs if pair.repeated_on]


Progress = Callable[[int, int], None]  # (done, total)


def relationships_import(
    *,
    data: bytes | Table,
    options: Options | None = None,
    source: SourceInfo | None = None,
    commit: bool = False,
    all_pairs: bool = False,
    publish: bool = False,
    user=None,
    reason: str = "",
    progress: Progress | None = None,
    accept_distance_matches: bool = False,
    accepted_matches: Collection[str] = (),
) -> ImportReport:
    """Read `data` (a file, or its table), plan the import and, if `commit`, write it in
    one transaction. A match by distance is used if `accept_distance_matches`, or if its
    `Proposal.key` is in `accepted_matches`; else the row's city is its own.

    Raises ImportRefused, having written nothing, for a bad file, a source that could not
    be saved or a missing home city: the dry run as the real run.
    """
    parsed = read_file(data, options)
    if source is None:
        source = WIKIPEDIA_LISTS if parsed.format == TWIN_FORMAT else SourceInfo(_("Imported list"))
    _check_source(source)
    report = _plan(
        parsed,
        all_pairs=all_pairs,
        accepted=lambda proposal: accept_distance_matches or proposal.key in accepted_matches,
    )
    if commit:
        with transaction.atomic():
            _write(
                report, source=source, publish=publish, user=user, reason=reason, progress=progress
            )
            # Bulk writes send no signals: tell the page cache itself.
            content_changed()
        report.committed = True
    return report


def _source(source: SourceInfo, url: str) -> Source:
    """The Source a list's relationships are linked to, as `_link_sources` saves it."""
    return Source(
        title=source.title,
        url=url,
        language=source.language,
        publisher=source.publisher,
        licence=source.licence,
        note_en=source.note,
    )


def _check_source(source: SourceInfo) -> None:
    """Refuse the import, dry run or not, if its Source could not be saved (each row's own
    source URL is checked as it is read)."""
    try:
        _source(source, source.url).full_clean()
    except ValidationError as error:
        raise ImportRefused(
            _("The source cannot be saved: %(reasons)s")
            % {
                "reasons": "; ".join(
                    f"{_verbose_name(name)}: {' '.join(messages)}"
                    for name, messages in error.message_dict.items()
                )
            }
        ) from None


def _verbose_name(name: str) -> str:
    if name == NON_FIELD_ERRORS:
        return str(Source._meta.verbose_name)
    return str(Source._meta.get_field(name).verbose_name)


def _plan(parsed, *, all_pairs: bool, accepted: Callable[[Proposal], bool]) -> ImportReport:
    index = CityIndex()
    home_id = None
    if not all_pairs:
        try:
            home_id = City.objects.home().pk
        except City.DoesNotExist:
            raise ImportRefused(
                _("The home city “%(slug)s” is not in the database yet; add it first.")
                % {"slug": settings.HOME_CITY_SLUG}
            ) from None
    existing = {
        frozenset((home, partner)): (pk, kind, since, status)
        for pk, home, partner, kind, since, status in (
            Relationship.objects.with_current_status()
            .order_by()
            .values_list(
                "pk", "home_city_id", "partner_city_id", "kind", "established_on", "current_status"
            )
        )
    }
    cities: dict[Key | int, CityPlan] = {}
    pairs: dict[frozenset, PairPlan] = {}
    problems = list(parsed.problems)
    skipped = 0
    proposals: dict[str, Proposal] = {}

    def propose(place: Place, line: int) -> list:
        """The match by distance if it is accepted; none else."""
        near = index.near(place.country, place.latitude, place.longitude)
        if near is None:
            return []
        proposal = Proposal(
            place.name, place.country, line, index.cities[near.city_id], near.distance_km, False
        )
        proposal = proposals.setdefault(proposal.key, proposal)
        proposal.accepted = accepted(proposal)
        return [near] if proposal.accepted else []

    def resolve(place: Place, line: int) -> CityPlan:
        key, spelling = index.canonical(place.name, place.country)
        matches = index.find(key) or index.find((place.country, fold_case(place.name)))
        if len(matches) > 1:
            names = ", ".join(index.cities[match.city_id] for match in matches)
            raise ValueError(
                _("“%(name)s” matches several cities (%(names)s); add an alias to tell them apart")
                % {"name": place.name, "names": names}
            )
        if not matches and key not in cities and place.latitude is not None:
            matches = propose(place, line)
        ref = matches[0].city_id if matches else key
        if ref not in cities:
            if matches:
                how = _("alias") if spelling != place.name else matches[0].how
                cities[ref] = CityPlan(
                    index.cities[ref],
                    place.country,
                    how,
                    city_id=ref,
                    distance_km=matches[0].distance_km,
                )
            else:
                cities[ref] = CityPlan(
                    spelling,
                    place.country,
                    NEW,
                    None,
                    place.latitude,
                    place.longitude,
                    names=cldr_cities().get(key, {}),
                )
        return cities[ref]

    for row in parsed.rows:
        try:
            first, second = resolve(row.city, row.line), resolve(row.partner, row.line)
        except ValueError as error:
            problems.append(Problem(row.line, str(error)))
            continue
        if first is second:
            problems.append(
                Problem(row.line, _("%(city)s cannot be its own sister") % {"city": first})
            )
            continue
        if not all_pairs and home_id not in (first.city_id, second.city_id):
            skipped += 1
            continue
        first.spellings.setdefault(row.city.name, row.line)
        second.spellings.setdefault(row.partner.name, row.line)
        if home_id is not None and second.city_id == home_id:
            first, second = second, first
        key = frozenset((id(first), id(second)))
        if key in pairs:
            pairs[key].repeat(row.line, row)
            continue
        pairs[key] = PairPlan(
            row.line, first, second, row.kind, row.status, row.since, row.source_url
        )
    for pair in pairs.values():
        known = existing.get(frozenset((pair.home.city_id, pair.partner.city_id)))
        if known:
            pair.relationship_id, pair.is_new = known[0], False
            pair.updates = _updates(pair, kind=known[1], since=known[2], status=known[3])
    return ImportReport(
        parsed.format,
        parsed.row_count,
        sorted(
            (city for city in cities.values() if city.spellings),
            key=lambda city: min(city.spellings.values()),
        ),
        list(pairs.values()),
        sorted(problems, key=lambda problem: problem.line),
        skipped,
        parsed.description,
        unread_columns=parsed.unread,
        proposals=list(proposals.values()),
    )


def _updates(pair: PairPlan, *, kind: str, since: PartialDate | None, status: str | None) -> dict:
    """What the list says differently of a relationship already in the database."""
    updates = {}
    if pair.kind and pair.kind != kind:
        updates["kind"] = (kind, pair.kind)
    if pair.status and pair.status != (status or ""):
        updates["status"] = (status or "", pair.status)
    old = since.isoformat() if since else ""
    if pair.since and pair.since.isoformat() != old:
        updates["established_on"] = (old, pair.since.isoformat())
    return updates


def _write(report: ImportReport, *, source: SourceInfo, publish: bool, user, reason: str, progress):
    if publish:
        publishing.require_publish_permission(user=user, model=Relationship)
    reason = reason or _("import")
    total = len(report.new_cities) + len(report.new_pairs) + len(report.updated_pairs)
    done = 0

    def batches(objects: list) -> Iterator[list]:
        nonlocal done
        for start in range(0, len(objects), BATCH_SIZE):
            batch = objects[start : start + BATCH_SIZE]
            yield batch
            done += len(batch)
            if progress:
                progress(done, total)

    slugs = set(City.objects.values_list("slug", flat=True))
    new_cities = report.new_cities
    objects = [
        City(
            slug=_unique_slug(slugify(city.name)[:SLUG_LENGTH] or "city", slugs, city.country),
            name_tr=city.names.get("tr", city.name),
            name_en=city.names.get("en", city.name),
            name_ru=city.names.get("ru"),
            name_kk=city.names.get("kk"),
            country=city.country,
            latitude=city.latitude,
            longitude=city.longitude,
        )
        for city in new_cities
    ]
    for city in objects:
        city.refresh_search_text()  # bulk creation does not call save()
    for batch in batches(objects):
        bulk_create_with_history(batch, City, default_user=user, default_change_reason=reason)
    city_slugs = {}
    for city, created in zip(new_cities, objects, strict=True):
        city.city_id = created.pk
        city_slugs[created.pk] = created.slug
    known = {city.city_id for city in report.cities if city.city_id not in city_slugs}
    city_slugs.update(City.objects.filter(pk__in=known).values_list("pk", "slug"))

    slugs = set(Relationship.objects.values_list("slug", flat=True))
    new_pairs = report.new_pairs
    relationships = [
        Relationship(
            slug=_unique_slug(
                f"{city_slugs[pair.home.city_id]}-{city_slugs[pair.partner.city_id]}"[:110],
                slugs,
            ),
            home_city_id=pair.home.city_id,
            partner_city_id=pair.partner.city_id,
            kind=pair.kind or RelationshipKind.SISTER_CITY,
            established_on=pair.since,
            is_published=publish,
        )
        for pair in new_pairs
    ]
    for batch in batches(relationships):
        bulk_create_with_history(
            batch, Relationship, default_user=user, default_change_reason=reason
        )
    for pair, created in zip(new_pairs, relationships, strict=True):
        pair.relationship_id = created.pk
    _update(report.updated_pairs, user=user, reason=reason, batches=batches)

    changes = [
        StatusChange(relationship_id=pair.relationship_id, status=pair.status, date=pair.since)
        for pair in new_pairs
        if pair.status
    ]
    today = timezone.localdate()
    changes += [
        StatusChange(
            relationship_id=pair.relationship_id,
            status=pair.status,
            date=PartialDate.from_date(today),
            note=_("The imported list gave this status on %(date)s; when it changed is not known.")
            % {"date": date_format(today, "DATE_FORMAT")},
        )
        for pair in report.updated_pairs
        if "status" in pair.updates
    ]
    for start in range(0, len(changes), BATCH_SIZE):
        bulk_create_with_history(
            changes[start : start + BATCH_SIZE],
            StatusChange,
            default_user=user,
            default_change_reason=reason,
        )
    _link_sources(report.new_pairs + report.existing_pairs + report.updated_pairs, source, reason)


def _update(pairs: list[PairPlan], *, user, reason: str, batches) -> None:
    pairs = [pair for pair in pairs if pair.updates.keys() & {"kind", "established_on"}]
    if not pairs:
        return
    wanted = {pair.relationship_id: pair for pair in pairs}
    relationships = list(Relationship.objects.filter(pk__in=wanted))
    for relationship in relationships:
        pair = wanted[relationship.pk]
        if "kind" in pair.updates:
            relationship.kind = pair.kind
        if "established_on" in pair.updates:
            relationship.established_on = pair.since
    for batch in batches(relationships):
        bulk_update_with_history(
            batch,
            Relationship,
            ["kind", "established_on"],
            default_user=user,
            default_change_reason=reason,
        )


def _link_sources(pairs: list[PairPlan], source: SourceInfo, reason: str) -> None:
    """Give each relationship of the list its Source, once."""
    sources = {}
    for url in {pair.source_url or source.url for pair in pairs}:
        fields = _source(source, url)
        sources[url], _outcome = instance_sync(
            model=Source,
            key={"title": fields.title, "url": fields.url},
            values={
                name: getattr(fields, name)
                for name in ("language", "publisher", "licence", "note_en")
            },
            reason=reason,
        )
    Link = Relationship.sources.through
    linked = set(
        Link.objects.filter(source__in=sources.values()).values_list("relationship_id", "source_id")
    )
    wanted = {(pair.relationship_id, sources[pair.source_url or source.url].pk) for pair in pairs}
    Link.objects.bulk_create(
        [Link(relationship_id=rel, source_id=src) for rel, src in wanted - linked],
        batch_size=BATCH_SIZE,
    )


def _unique_slug(base: str, taken: set[str], *qualifiers: str) -> str:
    """`base`, else `base-<qualifier>`, else `base-2`, `base-3`…; the result joins `taken`."""
    candidates = chain(
        [base], (f"{base}-{q.lower()}" for q in qualifiers), (f"{base}-{n}" for n in count(2))
    )
    slug = next(candidate for candidate in candidates if candidate not in taken)
    taken.add(slug)
    return slug
