from django.core.management import BaseCommand

from lmd_access.services import expire


class Command(BaseCommand):
    help = "Expire enrolment requests left pending longer than --days (default 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)

    def handle(self, *args, days, **options):
        self.stdout.write(f"{expire(days)} request(s) expired")
