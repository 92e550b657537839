"""Reading a page's JSON-LD as a consumer would: the scripts out of the HTML, then PyLD's
expansion (and RDF) under the schema.org context.

There is no network here, so the context is served by PyLD's document loader from a local
copy of the parts of schema.org's published context (https://schema.org/docs/
jsonldcontext.jsonld) that the portal's terms need: its vocabulary, http://schema.org/, and
the properties whose values are addresses.
"""

import json
from html.parser import HTMLParser
from pathlib import Path

from pyld import jsonld

SCHEMA_ORG = "http://schema.org/"
_CONTEXT = json.loads(
    (Path(__file__).parents[1] / "journalism" / "data" / "schemaorg-context.jsonld").read_text()
)
_CONTEXT_URLS = {"https://schema.org", "http://schema.org"}


class _ScriptParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.scripts.append("")

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False


def json_ld_documents(html: str) -> list[dict]:
    """Every <script type="application/ld+json"> of the page, parsed."""
    parser = _ScriptParser()
    parser.feed(html)
    return [json.loads(script) for script in parser.scripts]


def _load_document(url: str, options=None) -> dict:
    if url.rstrip("/") not in _CONTEXT_URLS:
        raise jsonld.JsonLdError("No network in the tests", "loading document failed", {"url": url})
    return {"contextUrl": None, "documentUrl": url, "document": _CONTEXT}


OPTIONS = {"documentLoader": _load_document}


def expand(document: dict) -> list[dict]:
    """The document expanded: full IRIs, every value a list, as PyLD gives it."""
    return jsonld.expand(document, OPTIONS)


def to_nquads(document: dict) -> str:
    return jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"})


def schema(term: str) -> str:
    return f"{SCHEMA_ORG}{term}"
