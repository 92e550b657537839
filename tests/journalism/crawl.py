"""A bounded crawl of the public site through Django's test client.

It follows every same-site link it finds: <a>, <link> and <area> in HTML, submits each GET
form (a search box gets a given word), and reads absolute URLs out of XML, JSON, CSV and
iCalendar (sitemap locations and alternates, feed links, export URLs). It skips the admin,
static files and media, and returns what each address answered.
"""

import json
import re
from collections import deque
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings

HOST = "testserver"
_ABSOLUTE_URL = re.compile(rf"https?://{HOST}[^\s\"'<>]*")
_TEXT_INPUTS = {"text", "search", ""}


@dataclass
class Page:
    url: str
    status: int
    content_type: str
    text: str


class _LinkParser(HTMLParser):
    def __init__(self, search_word: str):
        super().__init__(convert_charrefs=True)
        self.search_word = search_word
        self.links: list[str] = []
        self._form: tuple[str, list[tuple[str, str]]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"a", "link", "area"} and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self._form = (attrs.get("action") or "", [])
        elif tag in {"input", "select"} and self._form and attrs.get("name"):
            self._form[1].append((attrs["name"], self._value(tag, attrs)))

    def _value(self, tag, attrs) -> str | None:
        kind = (attrs.get("type") or "").lower()
        if tag == "input" and kind in _TEXT_INPUTS:
            return self.search_word
        if kind in {"checkbox", "radio"}:
            return attrs.get("value", "on") if "checked" in attrs else None
        if kind in {"submit", "button", "reset", "image"}:
            return None
        return attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form" and self._form:
            action, fields = self._form
            query = urlencode([(name, value) for name, value in fields if value is not None])
            self.links.append(f"{action}?{query}")
            self._form = None


def _readable(response) -> tuple[str, str]:
    content_type = response.get("Content-Type", "")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8", errors="replace")
    if "calendar" in content_type:
        body = body.replace("\r\n ", "").replace("\r\n\t", "")  # unfold long lines
    if "json" in content_type:
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return content_type, body


def _skipped(path: str) -> bool:
    admin = settings.ADMIN_PATH.strip("/")
    return (
        path.startswith((settings.STATIC_URL, f"/{settings.STATIC_URL}"))
        or path.startswith((settings.MEDIA_URL, f"/{settings.MEDIA_URL}"))
        or re.match(rf"^/(?:[a-z]{{2}}/)?{re.escape(admin)}(?:/|$)", path) is not None
    )


def _same_site(base: str, link: str) -> str | None:
    url = urlsplit(urljoin(f"http://{HOST}{base}", unescape(link.strip())))
    if url.scheme not in {"http", "https"} or url.hostname != HOST or _skipped(url.path):
        return None
    return f"{url.path}?{url.query}" if url.query else url.path


def crawl(
    client, start: list[str], *, search_word: str, limit=2000, variants_per_path=25
) -> dict[str, Page]:
    """Every page reachable from `start`, up to `limit` pages and a few query strings per
    path (the timeline's filters could otherwise multiply without end)."""
    seen: dict[str, Page] = {}
    queued = set(start)
    queue = deque(start)
    variants: dict[str, int] = {}
    while queue and len(seen) < limit:
        url = queue.popleft()
        response = client.get(url)
        content_type, text = _readable(response)
        seen[url] = Page(url, response.status_code, content_type, text)
        if "html" in content_type:
            parser = _LinkParser(search_word)
            parser.feed(text)
            links = parser.links
        else:
            links = _ABSOLUTE_URL.findall(text)
        if response.has_header("Location"):
            links.append(response["Location"])
        for link in links:
            target = _same_site(url, link)
            if target is None or target in queued:
                continue
            path = target.split("?")[0]
            variants[path] = variants.get(path, 0) + 1
            if variants[path] > variants_per_path:
                continue
            queued.add(target)
            queue.append(target)
    return seen
