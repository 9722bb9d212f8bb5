from django.core.management import BaseCommand
from django.utils import timezone

from lmd_access.emails import daily_digest


class Command(BaseCommand):
    help = "Send the daily digest of new requests to coordinators who chose it (run once a day)."

    def handle(self, *args, **options):
        sent = daily_digest(timezone.now() - timezone.timedelta(days=1))
        self.stdout.write(f"{sent} digest(s) sent")
