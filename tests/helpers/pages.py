"""The public pages the suite visits, and the accessibility audit it runs on them."""

from pathlib import Path

from django.urls import reverse
from django.utils import translation

from tests.helpers.records import SHOWCASE_VISIT as VISIT

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def page_paths(language: str) -> dict[str, str]:
    """One URL of each public page type, in the given language."""
    with translation.override(language):
        return {
            "home": reverse("sistercities:home"),
            "relationships": reverse("sistercities:relationship-list"),
            "timeline": reverse(
                "sistercities:relationship-detail", kwargs={"slug": "osmangazi-kapchagay"}
            ),
            "city": reverse("sistercities:city-detail", kwargs={"slug": "konaev"}),
            "protocol": reverse(
                "sistercities:protocol-detail",
                kwargs={"slug": "osmangazi-kapchagay-sister-city-protocol"},
            ),
            "visits": reverse("visits:visit-list"),
            "visit": reverse("visits:visit-detail", kwargs={"slug": VISIT}),
            "search": reverse("sistercities:search") + "?q=Dündar",
            "partners": reverse("directory:partner-list"),
            "map": reverse("directory:partner-map"),
            "figures": reverse("directory:figures"),
            "reports": reverse("reports:report-list"),
            "report": reverse("reports:year-report", kwargs={"year": 2019}),
            "privacy": reverse("sistercities:privacy"),
            "accessibility": reverse("sistercities:accessibility"),
            "embed": reverse(
                "journalism:embedded-timeline", kwargs={"slug": "osmangazi-kapchagay"}
            ),
        }


def axe_violations(page) -> list[dict]:
    """Run axe-core, loaded from the local npm copy, on the page; WCAG 2.x A and AA rules.

    axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    rightly forbids to a <script> tag, so the page is audited under its real policy."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
