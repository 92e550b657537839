"""Hostile text for every field staff can type into, and the checks that find it unescaped
in an answer."""

import re
from html.parser import HTMLParser

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django_countries.fields import CountryField
from modeltranslation.translator import translator

from sistercities.partial_dates import PartialDateField

LONG = "Kapçagay " * 700  # 6,300 characters; cut to each field's max_length
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    "</textarea></title></script><script>alert(1)</script>",
    "<iframe src=//evil.example/></iframe><object data=x></object>",
    "<style>body{display:none}</style><link rel=stylesheet href=//evil.example/x.css>",
    '<b>unclosed <i>markup <!-- <div class="',
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;",
    "{{ request.META }} {% debug %} ${7*7}",
    "\u202eexe.gnp\u202c Konaev \u200b\ufeff",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<p onmouseover='alert(1)'>Qonaev</p> ]]> --> <![CDATA[",
    LONG + "<script>alert(1)</script>",
]
# Valid for Django's URLValidator (http/https, no space), hostile inside an attribute.
TRICKY_URL = "https://example.org/?q=\"><script>alert(1)</script>&x='onmouseover=alert(1)"
UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "java\tscript:alert(1)",
    "//evil.example/x",
]


def text_fields(model) -> list[models.Field]:
    """The fields staff type text into: translated ones in each language, none of their
    base fields, no slugs, codes (a field with a pattern, such as a Wikidata item),
    choices, dates or URLs."""
    try:
        translated = set(translator.get_options_for_model(model).fields)
    except Exception:  # noqa: BLE001 - modeltranslation raises NotRegistered
        translated = set()
    skipped = (models.SlugField, models.URLField, PartialDateField, CountryField)
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, skipped)
        and field.editable
        and not field.choices
        and not any(isinstance(validator, RegexValidator) for validator in field.validators)
        and field.name not in translated
    ]


class _Markup(HTMLParser):
    """Everything in a page that would run script or load something foreign."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in self.URL_ATTRIBUTES and _unsafe_url(value or ""):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in {"iframe", "object", "embed", "style", "frame"}:
            self.problems.append(f"<{tag}>")
        # The embed's <base target="_blank"> moves no address; a base with href would.
        if tag == "base" and "href" in dict(attrs):
            self.problems.append("<base href>")
        # JSON-LD is data, never run; the check for raw payloads covers its escaping.
        if tag == "script" and dict(attrs).get("type") != "application/ld+json":
            src = dict(attrs).get("src") or ""
            if not src.startswith(f"/{settings.STATIC_URL.strip('/')}/js/"):
                self.problems.append(f"<script src={src!r}>")
        if tag == "link" and dict(attrs).get("rel") == "stylesheet":
            href = dict(attrs).get("href") or ""
            if not href.startswith(f"/{settings.STATIC_URL.strip('/')}/"):
                self.problems.append(f"<link stylesheet {href!r}>")


def _unsafe_url(value: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))


def html_problems(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    raw = [payload for payload in PAYLOADS if "<" in payload and payload[-60:] in html]
    return parser.problems + [f"raw payload {payload[-40:]!r}" for payload in raw]
