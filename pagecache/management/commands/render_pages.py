"""The page renderer: renders the pages the app servers hand it (pagecache.rendering), so
that their workers only answer readers. Run one or more beside the app servers:

    python manage.py render_pages [--nice 5] [--burst]
"""

import logging
import os
import sys

import rq
from django.core.management.base import BaseCommand, CommandError

from pagecache import rendering


class Command(BaseCommand):
    help = "Render the public pages the app servers queue, until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--nice",
            type=int,
            default=0,
            help="Lower this process's CPU priority by this much (os.nice): under load the "
            "app servers' readers come first, the renders take longer.",
        )
        parser.add_argument(
            "--burst", action="store_true", help="Render what is queued, then stop."
        )

    def handle(self, *args, nice=0, burst=False, verbosity=1, **options):
        pages = rendering.page_queue()
        if pages is None:
            raise CommandError(
                "No queue to take renders from: set REDIS_URL (or PORTAL_RENDER_QUEUE_URL)."
            )
        if nice:
            os.nice(nice)
        if verbosity > 0:
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            logging.getLogger(rendering.__name__).addHandler(handler)
            logging.getLogger(rendering.__name__).setLevel(logging.INFO)
        worker = rq.SimpleWorker(
            [pages], connection=pages.connection, worker_ttl=rendering.WORKER_TTL
        )
        worker.work(burst=burst, logging_level="WARNING")
