"""Seed the demo (idempotent): a facilitator (course staff), then the course-access data:
administrations, coordinators, officers (officer1 approved) and pending requests."""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command

from lmd_demo.accounts import PASSWORD as DEMO_PASSWORD

DEMO_USERS = [("facilitator", "Workshop facilitator (course staff)", True)]


class Command(BaseCommand):
    help = "Seed the LMD demo data (idempotent)."

    def handle(self, *args, **options):
        users = get_user_model()
        for username, name, staff in DEMO_USERS:
            user, created = users.objects.get_or_create(username=username, defaults={
                "first_name": name, "is_staff": staff, "email": f"{username}@example.org"})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
        if apps.is_installed("lmd_access"):
            call_command("lmd_demo_access_seed", stdout=self.stdout)
