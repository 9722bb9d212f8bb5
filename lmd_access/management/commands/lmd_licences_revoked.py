from django.core.management import BaseCommand

from lmd_access.models import Licence


class Command(BaseCommand):
    help = "Print the numbers of revoked licences, one per line (for lmd import --revoked)."

    def handle(self, *args, **options):
        for number in Licence.objects.filter(status=Licence.REVOKED).values_list("number", flat=True):
            self.stdout.write(number)
