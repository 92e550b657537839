"""The timeline for news sites: a compact page they may show in a frame, its embed code,
and the oEmbed endpoint (https://oembed.com) that gives that code for a timeline's address.

Only published relationships are embedded, with their published visits only, as on the
timeline page itself.
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from journalism.exports import open_data
from journalism.feeds import publisher_name
from journalism.framing import framable
from pagecache.numbers import MAX_DIGITS, parse_int
from pagecache.tags import page_shows
from public.timeline import former_names_in_order, timeline_page
from sistercities.models import Relationship
from sistercities.page_tags import relationship_tag

EMBED_ENTRIES = 8
WIDTH, HEIGHT = 560, 640  # the frame's size unless the consumer asks for a smaller one
SMALLEST = 200
# A larger size asked for gets the frame's own; any number parse_int reads may be asked.
ANY_SIZE = 10**MAX_DIGITS - 1
TIMELINE_VIEW = "sistercities:relationship-detail"


def _published(slug: str) -> Relationship:
    relationship = get_object_or_404(
        Relationship.objects.published()
        .with_current_status()
        .select_related("home_city", "partner_city"),
        slug=slug,
    )
    prefetch_related_objects(
        [relationship.home_city, relationship.partner_city], former_names_in_order()
    )
    return relationship


def _name(relationship: Relationship) -> str:
    return f"{relationship.home_city.name} – {relationship.partner_city.name}"


@framable
def embedded_timeline(request, slug):
    """The latest dated entries of the timeline, newest first, and a link to the rest."""
    relationship = _published(slug)
    page_shows(request, relationship_tag(relationship.pk))
    dated = [entry for entry in timeline_page(relationship).entries if entry.date]
    return render(
        request,
        "journalism/embedded_timeline.html",
        {
            "relationship": relationship,
            "name": _name(relationship),
            "publisher": publisher_name(relationship.home_city),
            "entries": dated[-EMBED_ENTRIES:][::-1],
            "timeline_url": request.build_absolute_uri(relationship.get_absolute_url()),
        },
    )


@dataclass(frozen=True)
class Embed:
    oembed_url: str  # where oEmbed consumers ask for the code
    url: str  # the framed page
    code: str  # the <iframe> to paste


def embed_for(request, relationship: Relationship, width=WIDTH, height=HEIGHT) -> Embed:
    """The embed of a relationship's timeline, in the active language."""
    page = request.build_absolute_uri(relationship.get_absolute_url())
    url = request.build_absolute_uri(
        reverse("journalism:embedded-timeline", kwargs={"slug": relationship.slug})
    )
    title = _("Timeline: %(relationship)s") % {"relationship": _name(relationship)}
    code = format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
        'style="border: 1px solid #d6dde2; max-width: 100%;"></iframe>',
        url,
        width,
        height,
        title,
    )
    query = urlencode({"url": page, "format": "json"})
    oembed_url = request.build_absolute_uri(f"{reverse('service:oembed')}?{query}")
    return Embed(oembed_url=oembed_url, url=url, code=str(code))


def _plain(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def _timeline_at(request, address: str) -> tuple[Relationship, str] | None:
    """The published relationship whose timeline page, on this site, `address` names, and
    the language of that page."""
    try:
        parts = urlsplit(address)
    except ValueError:  # such as an unclosed [IPv6 address
        return None
    host = request.get_host().lower()
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != host:
        return None
    language = translation.get_language_from_path(parts.path)
    if language is None:
        return None
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return None
    if match.view_name != TIMELINE_VIEW:
        return None
    try:
        return _published(match.kwargs["slug"]), language
    except Http404:
        return None


def _size(request, name: str, largest: int) -> int | None:
    """maxwidth or maxheight, within our frame's size; None for a value that is not one."""
    raw = request.GET.get(name, "")
    if not raw:
        return largest
    size = parse_int(raw, minimum=SMALLEST, maximum=ANY_SIZE)
    return None if size is None else min(largest, size)


def oembed(request):
    """/oembed?url=<a timeline page>&format=json: the embed as an oEmbed "rich" answer."""
    if request.GET.get("format", "json") != "json":
        return _plain(_("Only format=json is offered."), 501)
    address = request.GET.get("url", "").strip()
    if not address:
        return _plain(_("Give the address of a timeline page as url=…"), 400)
    width, height = _size(request, "maxwidth", WIDTH), _size(request, "maxheight", HEIGHT)
    if width is None or height is None:
        message = _("maxwidth and maxheight are whole numbers of pixels, at least %(n)s.")
        return _plain(message % {"n": SMALLEST}, 400)
    found = _timeline_at(request, address)
    if found is None:
        return _plain(_("No published timeline has this address."), 404)
    relationship, language = found
    with translation.override(language):
        embed = embed_for(request, relationship, width, height)
        home = relationship.home_city
        data = {
            "version": "1.0",
            "type": "rich",
            "title": _("Timeline: %(relationship)s") % {"relationship": _name(relationship)},
            "provider_name": publisher_name(home),
            "provider_url": request.build_absolute_uri(reverse("sistercities:home")),
            "author_name": publisher_name(home),
            "html": embed.code,
            "width": width,
            "height": height,
            "cache_age": 3600,
        }
    return open_data(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))
