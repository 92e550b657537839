"""Staff sign-in lock-outs (django-axes, AXES_HANDLER): per account and address, and per
address whatever the accounts.

Axes locks a (user name, address) pair after AXES_FAILURE_LIMIT wrong passwords
(AXES_LOCKOUT_PARAMETERS). One password tried over many accounts never reaches that, so
AXES_ADDRESS_FAILURE_LIMIT wrong passwords from one address within AXES_COOLOFF_TIME, for
any accounts, lock the address out of every account. Axes' own ["ip_address"] parameter
would hold the address to the pair's limit, and a right password for any account (the
attacker's own) would clear the address's count (AXES_RESET_ON_SUCCESS); here it clears
only that account's failures. Axes' maintainers advise a handler for two limits
(jazzband/django-axes#661).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures that count against AXES_FAILURE_LIMIT: the pair's, or the limit
        itself once the address has reached its own (axes compares this number with the
        limit both before a sign-in and after a failure)."""
        failures = super().get_failures(request, credentials)
        if is_address_locked_out(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def is_address_locked_out(request) -> bool:
    """Whether the request's address has made AXES_ADDRESS_FAILURE_LIMIT failures within the
    cool-off, over any accounts (a limit of 0: never)."""
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    if limit <= 0:
        return False
    failures = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return (failures or 0) >= limit
