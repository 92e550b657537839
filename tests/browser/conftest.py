"""Browser tests: Playwright driving Debian's chromium (fixtures `browser`, `page` and
`phone` in tests/conftest.py) against pytest-django's live server."""

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


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
