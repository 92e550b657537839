"""The soak run's editor: saves a change to one visit every second through the ORM (its
signals invalidate the pages and render them again, as an admin save does) and, every fifth
second, withdraws another visit and checks at once that the server no longer shows it, then
publishes it again (WITHDRAWN_SLUG "-": no withdrawals). Prints one JSON line: the last
title saved and the withdrawal checks.

    python bench/editor.py BASE_URL EDITED_SLUG WITHDRAWN_SLUG SECONDS
"""

import json
import sys
import time
import urllib.error
import urllib.request

import django

django.setup()

from django.utils import translation  # noqa: E402

from pagecache import rendering  # noqa: E402
from visits.models import PublicationStatus, Visit  # noqa: E402


def status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def withdraw_and_check(base: str, visit: Visit) -> bool:
    """Whether the withdrawn visit was gone from its page and the home page at once."""
    visit.status = PublicationStatus.DRAFT
    visit.save()
    with translation.override("en"):
        page = visit.get_absolute_url()
    status, _ = status_and_body(base + page)
    _, home = status_and_body(base + "/en/")
    visit.status = PublicationStatus.PUBLISHED
    visit.save()
    return status == 404 and visit.title_en not in home


def edit(base: str, slug: str, withdrawn_slug: str, seconds: int) -> dict:
    visit = Visit.objects.get(slug=slug)
    withdrawn = Visit.objects.get(slug=withdrawn_slug) if withdrawn_slug != "-" else None
    title, checks, shown = visit.title_en, 0, 0
    for n in range(seconds):
        started = time.monotonic()
        title = f"[demo] Visit edited {n} at {time.time():.0f}"
        visit.title_en = title
        visit.save()
        if withdrawn is not None and n % 5 == 4:
            checks += 1
            shown += not withdraw_and_check(base, withdrawn)
        time.sleep(max(0.0, 1 - (time.monotonic() - started)))
    rendering.wait_until_idle()
    return {"last_title": title, "withdrawals": checks, "withdrawn_shown": shown}


if __name__ == "__main__":
    print(json.dumps(edit(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))))
