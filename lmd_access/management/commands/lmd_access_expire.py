from django.core.management import BaseCommand
from django.utils.translation import ngettext

from lmd_access.services import expire


class Command(BaseCommand):
    help = "Expire enrolment requests left pending longer than --days (default 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)

    def handle(self, *args, days, **options):
        count = expire(days)
        self.stdout.write(ngettext("%(n)d request expired", "%(n)d requests expired", count) % {"n": count})
