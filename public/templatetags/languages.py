"""The page in every language: the switcher's links, hreflang alternates, canonical URL.

Computed by a template tag from the request rather than by a context processor, so the
pages need no entry in settings.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation


def _language_urls(request) -> dict[str, str]:
    """The same page in each language where it resolves, else each language's home page.

    As django.urls.translate_url does, but from the request's own match: resolving the
    path again for each language cost more than the rest of the page's header."""
    match = request.resolver_match
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if match is None:
                urls[code] = reverse("sistercities:home")
                continue
            try:
                urls[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                urls[code] = request.path
    return urls


def page_languages(request) -> dict:
    urls = _language_urls(request)
    current = translation.get_language()
    query = request.GET.urlencode()
    switcher = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": f"{url}?{query}" if query else url,
            "current": code == current,
        }
        for code, url in urls.items()
    ]
    alternates = [
        {"code": code, "url": request.build_absolute_uri(url)} for code, url in urls.items()
    ]
    alternates.append(
        {"code": "x-default", "url": request.build_absolute_uri(urls[settings.LANGUAGE_CODE])}
    )
    return {
        "switcher": switcher,
        "alternates": alternates,
        "canonical_url": request.build_absolute_uri(request.path),
    }
