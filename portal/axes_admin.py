"""django-axes' sign-in records in the admin, without its "Clean up expired attempts"
action: that action needs a sign-in request (it fails with a 500 anywhere else) and asks
for no permission, so view-only staff could run it. A superuser deletes a lock-out to lift
it; `manage.py axes_reset_logs` and `axes_reset` clean up in bulk."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt


class SignInAttemptAdmin(AccessAttemptAdmin):
    actions = ()


def register(site) -> None:
    """In place of axes' own admin, where axes registered it (AXES_ENABLE_ADMIN)."""
    if site.is_registered(AccessAttempt):
        site.unregister(AccessAttempt)
        site.register(AccessAttempt, SignInAttemptAdmin)
