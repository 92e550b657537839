"""Pages other sites may show in a frame: the embeddable timeline, and nothing else.

Every other page is framed by no one (Content-Security-Policy frame-ancestors 'none' and
X-Frame-Options: DENY, portal/security.py).
"""

from functools import wraps

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt


def framable(view):
    """Let the sites of settings.EMBED_FRAME_ANCESTORS frame the view's pages: their own
    frame-ancestors directive, which the security middleware puts in place of 'none', and no
    X-Frame-Options, which knows no list of sites."""

    @wraps(view)
    def framed(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        sources = " ".join(settings.EMBED_FRAME_ANCESTORS)
        response["Content-Security-Policy"] = f"frame-ancestors {sources}"
        return response

    return xframe_options_exempt(framed)
