"""Names in the showcase record and the test records that tests look for."""

import datetime

from django.utils import timezone

SHOWCASE_RELATIONSHIP = "osmangazi-kapchagay"
SHOWCASE_VISIT = "osmangazi-delegation-in-kapchagay-2019"
STAFF_PASSWORD = "Kardes-sehir-2019!"

# Titles of the visits that the public record of tests/public must never show.
DRAFT_TITLE = "Taslak ziyaret gizli"
FUTURE_TITLE = "Gelecek ziyaret gizli"


def days_from_today(days: int) -> str:
    """A day as a partial date's text, `days` from today (negative: in the past)."""
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()
