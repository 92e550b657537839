"""A bounded crawl of the public site through Django's test client.

It follows every same-site link it finds: <a>, <link> and <area> in HTML, submits each GET
form (a search box gets a given word), and reads absolute URLs out of XML, JSON, CSV and
iCalendar (sitemap locations and alternates, feed links, export URLs). A PDF is read as the
text pypdf extracts from it. It skips the admin, static files and media, and returns what
each address answered.
"""

import io
import json
import re
from collections import deque
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings
from pypdf import PdfReader

HOST = "testserver"
_ABSOLUTE_URL = re.compile(rf"https?://{HOST}[^\s\"'<>]*")
_TEXT_INPUTS = {"text", "search", ""}


@dataclass
class Page:
    url: str
    status: int
    content_type: str
    text: str


@dataclass(frozen=True)
class _Field:
    name: str
    value: str
    choice: bool = False  # a checkbox or radio button
    checked: bool = False


class _LinkParser(HTMLParser):
    def __init__(self, search_word: str):
        super().__init__(convert_charrefs=True)
        self.search_word = search_word
        self.links: list[str] = []
        self._form: tuple[str, list[_Field]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"a", "link", "area"} and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self._form = (attrs.get("action") or "", [])
        elif tag in {"input", "select"} and self._form and attrs.get("name"):
            field = self._field(tag, attrs)
            if field:
                self._form[1].append(field)

    def _field(self, tag, attrs) -> _Field | None:
        name, kind = attrs["name"], (attrs.get("type") or "").lower()
        if tag == "input" and kind in _TEXT_INPUTS:
            return _Field(name, self.search_word)
        if kind in {"checkbox", "radio"}:
            return _Field(name, attrs.get("value", "on"), choice=True, checked="checked" in attrs)
        if kind in {"submit", "button", "reset", "image"}:
            return None
        return _Field(name, attrs.get("value", ""))

    def handle_endtag(self, tag):
        """Submit the form as it stands, then once with each choice alone."""
        if tag != "form" or not self._form:
            return
        action, fields = self._form
        plain = [(f.name, f.value) for f in fields if not f.choice]
        choices = [f for f in fields if f.choice]
        submissions = [plain + [(f.name, f.value) for f in choices if f.checked]]
        submissions += [plain + [(f.name, f.value)] for f in choices]
        self.links += [f"{action}?{urlencode(submission)}" for submission in submissions]
        self._form = None


def _readable(response) -> tuple[str, str]:
    """The answer as text to search, headers too (a download's file name, a redirect)."""
    content_type = response.get("Content-Type", "")
    headers = "\n".join(f"{key}: {value}" for key, value in response.items())
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "pdf" in content_type and response.status_code == 200:
        pages = PdfReader(io.BytesIO(content)).pages
        return content_type, f"{headers}\n\n" + "\n".join(page.extract_text() for page in pages)
    body = content.decode("utf-8", errors="replace")
    if "calendar" in content_type:
        body = body.replace("\r\n ", "").replace("\r\n\t", "")  # unfold long lines
    if "json" in content_type:
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return content_type, f"{headers}\n\n{body}"


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
