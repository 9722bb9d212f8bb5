"""People and data for the access tests: two administrations, every kind of user."""
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from lmd_access import services
from lmd_access.models import CoordinatorRegistration, GatedCourse, MemberAdministration, OfficerProfile

COURSE = "course-v1:LMD+LMD101+2026"


class World:
    pass


@pytest.fixture
def world(db):
    users = get_user_model()
    w = World()
    w.east = MemberAdministration.objects.create(name="Eastland", country_code="EL")
    w.west = MemberAdministration.objects.create(name="Westmark", country_code="WM")
    w.course = GatedCourse.objects.create(course_id=COURSE, title="LMD")
    w.staff = users.objects.create_user("secretariat", password="pw", is_staff=True, is_superuser=True)
    w.coord = users.objects.create_user("coord_east", password="pw", email="ce@example.org")
    w.coord2 = users.objects.create_user("coord_east2", password="pw")
    w.other_coord = users.objects.create_user("coord_west", password="pw")
    w.ended_coord = users.objects.create_user("coord_ended", password="pw")
    for user, admin, ends in ((w.coord, w.east, None), (w.coord2, w.east, None), (w.other_coord, w.west, None),
                              (w.ended_coord, w.east, date(2020, 12, 31))):
        CoordinatorRegistration.objects.create(user=user, administration=admin, starts_on=date(2020, 1, 1), ends_on=ends)
    w.officer = users.objects.create_user("officer_east", password="pw", email="oe@example.org")
    w.officer2 = users.objects.create_user("officer_east2", password="pw")
    OfficerProfile.objects.create(user=w.officer, administration=w.east)
    OfficerProfile.objects.create(user=w.officer2, administration=w.east)
    w.request = services.request_access(w.officer, COURSE, "Head of unit", "Northgate", "To lead change.")
    w.request2 = services.request_access(w.officer2, COURSE, "Inspector", "Port", "To prepare for promotion.")
    return w
