"""Serve the demo as `make demo` does: the project's WSGI application in waitress, a production
WSGI server (Django's runserver says of itself that it is not one), on one address.

One process with a pool of threads: SQLite has one writer at a time, and within one process the
writers queue for it in arrival order (lmd_demo/db/base.py); waitress reads and buffers each
request and response itself, so slow phones on a classroom's Wi-Fi do not hold a thread.
Static files, security headers and the Content-Security-Policy come from the demo's own routes
and middleware, as with any server."""
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve the LMD demo with waitress (what `make demo` runs)."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")

    def handle(self, *args, address, threads, **options):
        from django.core.wsgi import get_wsgi_application
        from waitress import serve

        host, _, port = address.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"expected host:port, not {address!r}")
        application = get_wsgi_application()
        # The workbench loads its scenarios on the first request that asks, without a lock: with
        # several threads, a second request read the half-filled list (a 500 for the first
        # learners of a class). Loaded here, before any thread serves; one commit.
        from django.db import transaction
        from workbench.scenarios import get_scenarios
        with transaction.atomic():
            get_scenarios()
        from lmd_demo.accounts import banner
        self.stdout.write(banner(f"http://{host}:{port}/"))
        self.stdout.flush()
        serve(application, host=host.strip("[]"), port=int(port), threads=threads, ident="lmd-demo",
              # waiting connections beyond the threads queue in waitress (up to this many at once)
              connection_limit=200, backlog=256, channel_timeout=60)
