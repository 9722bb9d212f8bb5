"""Seed the demo's access data (idempotent): two administrations, coordinators (one whose
registration ended), the Secretariat, officers with pending requests, one officer approved.

It lives in the demo project, not in lmd_access: the access app is installed into Open
edX's LMS, where a command that makes a `secretariat` superuser with a published password must
not exist."""
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand

from lmd_access import services
from lmd_demo.accounts import PASSWORD
from lmd_access.models import (
    CoordinatorRegistration, EnrolmentRequest, GatedCourse, MemberAdministration, OfficerProfile,
)

COURSE_ID, COURSE_TITLE = "course-v1:LMD+LMD101+2026", "Leadership and Management Development"


class Command(BaseCommand):
    help = "Seed demo administrations, coordinators, officers and requests."

    def handle(self, *args, **options):
        users = get_user_model()

        def user(username, name, staff=False):
            obj, created = users.objects.get_or_create(username=username, defaults={
                "first_name": name, "email": f"{username}@example.org", "is_staff": staff, "is_superuser": staff})
            if created:
                obj.set_password(PASSWORD)
                obj.save()
            return obj

        secretariat = user("secretariat", "Secretariat", staff=True)
        east, _ = MemberAdministration.objects.get_or_create(name="Customs Service of Eastland", defaults={"country_code": "EL"})
        west, _ = MemberAdministration.objects.get_or_create(name="Westmark Revenue and Customs", defaults={"country_code": "WM"})
        course, _ = GatedCourse.objects.get_or_create(course_id=COURSE_ID, defaults={"title": COURSE_TITLE})
        for username, name, admin, ends in (("coord_eastland", "Amina Eastland coordinator", east, None),
                                            ("coord_westmark", "Jonas Westmark coordinator", west, None),
                                            ("coord_former", "Former Eastland coordinator", east, date(2025, 12, 31))):
            CoordinatorRegistration.objects.get_or_create(user=user(username, name), administration=admin, defaults={
                "starts_on": date(2024, 1, 1), "ends_on": ends, "registered_by": secretariat})
        officers = [("officer1", "Lina Officer", east), ("officer2", "Marc Officer", east),
                    ("officer3", "Sara Officer", east), ("officer4", "Tom Officer", west)]
        for username, name, admin in officers:
            officer = user(username, name)
            OfficerProfile.objects.get_or_create(user=officer, defaults={"administration": admin})
            if not EnrolmentRequest.objects.filter(officer=officer, course=course).exists():
                services.request_access(officer, COURSE_ID, "Head of section", "Border post Northgate",
                                        "To lead my team through the new risk-management procedures.")
        first = EnrolmentRequest.objects.filter(officer__username="officer1", status="pending").first()
        if first:
            services.decide(users.objects.get(username="coord_eastland"), [first.pk], True, "Welcome to the course.")
