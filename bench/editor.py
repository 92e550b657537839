"""The soak run's editor: saves a change to one visit every second through the ORM (its
signals invalidate the pages, as an admin save does), then prints the last title saved.

    python bench/editor.py SLUG SECONDS
"""

import sys
import time

import django

django.setup()

from visits.models import Visit  # noqa: E402


def edit(slug: str, seconds: int) -> str:
    visit = Visit.objects.get(slug=slug)
    title = visit.title_en
    for n in range(seconds):
        title = f"[demo] Visit edited {n} at {time.time():.0f}"
        visit.title_en = title
        visit.save()
        time.sleep(1)
    return title


if __name__ == "__main__":
    print(edit(sys.argv[1], int(sys.argv[2])))
