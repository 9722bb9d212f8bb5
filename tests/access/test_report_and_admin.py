"""The Secretariat's report (issue 15, item 6) suppresses small groups, with a second figure
when one could be worked out from the total; the admin (item 7) reads as sentences and has the
Secretariat's filters and searches."""
import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from lmd_access import services
from lmd_access.models import EnrolmentRequest, OfficerProfile, RequestTransition


@pytest.fixture
def secretariat(world):
    client = Client()
    client.force_login(world.staff)
    return client


def more_requests(world, n, administration=None):
    users = get_user_model()
    made = []
    for i in range(n):
        officer = users.objects.create_user(f"extra{i}")
        OfficerProfile.objects.create(user=officer, administration=administration or world.east)
        made.append(services.request_access(officer, world.course.course_id, "p", "u", "j"))
    return made


def eastland_requests_row(page):
    row = re.search(r'<tr><th scope="row">Eastland</th>(.*?)</tr>', page, re.S).group(1)
    return re.findall(r'<td class="num">([^<]*)</td>', row)


def test_small_counts_are_suppressed_with_their_complement(world, secretariat):
    # Eastland: 7 pending, 1 rejected. The 1 is suppressed; with the total shown, 7 would give it
    # away, so the 7 goes too.
    more_requests(world, 6)
    services.decide(world.coord, [world.request2.pk], False, "No.")
    page = secretariat.get("/access/report/").content.decode()
    total, pending, approved, rejected, withdrawn, expired, revoked = eastland_requests_row(page)
    assert (total, approved, withdrawn) == ("8", "0", "0")
    assert pending == rejected == "–"
    assert "A figure about fewer than 5 officers is not shown" in page
    rows = list(csv.reader(io.StringIO(secretariat.get("/access/report.csv").content.decode())))
    east = {row[3]: row[4] for row in rows if row[0] == "Eastland" and not row[1] and not row[2]}
    assert east["Requests"] == "8" and east["Requests: pending"] == east["Requests: rejected"] == "suppressed"
    assert east["Officers with access"] == "0"
    month = timezone.now().strftime("%Y-%m")  # each administration over time, suppressed alike
    east_now = {row[3]: row[4] for row in rows if row[0] == "Eastland" and row[2] == month}
    assert east_now["Requests"] == "8" and east_now["Approvals"] == "0"
    west_now = {row[3]: row[4] for row in rows if row[0] == "Westmark" and row[2] == month}
    assert west_now == {}  # nothing happened there


def test_the_minimum_group_size_is_a_setting(world, secretariat, settings):
    settings.LMD_ACCESS_MIN_GROUP_SIZE = 2
    page = secretariat.get("/access/report/").content.decode()
    assert eastland_requests_row(page)[:2] == ["2", "2"]  # two requests, both pending: shown


def test_the_report_names_nobody(world, secretariat):
    more_requests(world, 6)
    page = secretariat.get("/access/report/").content.decode() + secretariat.get("/access/report.csv").content.decode()
    for name in ("officer_east", "extra0", "coord_east", "oe@example.org", "Head of unit", "To lead change."):
        assert name not in page


def test_audit_trail_rows_are_sentences(world, secretariat):
    services.decide(world.coord, [world.request.pk], True, "Welcome.")
    EnrolmentRequest.objects.filter(pk=world.request2.pk).update(created_at=timezone.now() - timezone.timedelta(days=200))
    services.expire(90)
    approved = RequestTransition.objects.get(request=world.request, to_status="approved")
    assert re.fullmatch(rf"coord_east approved request #{world.request.pk} \(officer_east, LMD\) on .+", str(approved))
    expired = RequestTransition.objects.get(request=world.request2, to_status="expired")
    assert str(expired).startswith(f"Request #{world.request2.pk} (officer_east2, LMD) expired on ")
    filed = RequestTransition.objects.get(request=world.request, to_status="pending")
    assert str(filed).startswith(f"officer_east asked for LMD (request #{world.request.pk}) on ")
    page = secretariat.get("/admin/lmd_access/requesttransition/").content.decode()
    assert "RequestTransition object" not in page and "coord_east approved request" in page


@pytest.mark.parametrize("query,present,absent", [
    ("to_status__exact=approved", "coord_east approved", "asked for"),
    ("q=officer_east2", "officer_east2", "(officer_east, LMD)"),
    ("request__administration__id__exact={east}", "officer_east", None),
    ("request__administration__id__exact={west}", None, "officer_east"),
])
def test_audit_trail_filters_and_search(world, secretariat, query, present, absent):
    services.decide(world.coord, [world.request.pk], True, "Welcome.")
    response = secretariat.get("/admin/lmd_access/requesttransition/?"
                               + query.format(east=world.east.pk, west=world.west.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert present is None or present in page
    assert absent is None or absent not in page


def test_requests_filtered_by_the_deciding_coordinator_and_registrations_by_state(world, secretariat):
    services.decide(world.coord2, [world.request2.pk], True, "")
    page = secretariat.get(f"/admin/lmd_access/enrolmentrequest/?decided_by={world.coord2.pk}").content.decode()
    assert "officer_east2" in page and ">officer_east<" not in page
    page = secretariat.get("/admin/lmd_access/coordinatorregistration/?registration=ended").content.decode()
    assert "coord_ended" in page and "coord_west" not in page
    page = secretariat.get("/admin/lmd_access/coordinatorregistration/?q=Westmark").content.decode()
    assert "coord_west" in page and "coord_ended" not in page
    for path in ("enrolmentrequest", "requesttransition", "attemptreset", "officerprofile", "gatedcourse"):
        assert secretariat.get(f"/admin/lmd_access/{path}/").status_code == 200, path
    assert secretariat.get("/admin/lmd_access/requesttransition/add/").status_code == 403
