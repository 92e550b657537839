"""Typed readers of environment variables that fail loudly on a bad value."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blank items are dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


# A Content-Security-Policy source: *, 'self', 'none', a scheme (https:) or a host with an
# optional scheme, port and path (https://*.example.com:8443/news/).
_CSP_SOURCE = re.compile(
    r"\*|'self'|'none'|[a-z][a-z0-9+.-]*:"
    r"|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d+|\*))?(?:/[^\s;,']*)?",
    re.IGNORECASE,
)


def env_csp_sources(name: str, default: list[str]) -> list[str]:
    """Content-Security-Policy sources, separated by commas or spaces; anything else (a
    ";" that would start another directive, a stray quote) is refused."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    sources = [item for item in re.split(r"[\s,]+", raw) if item]
    wrong = [source for source in sources if not _CSP_SOURCE.fullmatch(source)]
    if wrong or not sources:
        raise ImproperlyConfigured(
            f"{name} must list Content-Security-Policy sources such as * or "
            f"https://news.example; got {raw!r}"
        )
    return sources
