"""The portal's settings with the benchmark's URLs: the pages plus a minimal floor view."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
