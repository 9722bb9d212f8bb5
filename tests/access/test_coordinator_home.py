"""The coordinator's home (issue 15, item 1): pending requests first, counts by status and by
course, request and decision dates, sorting, filters kept across pages, and a bulk decision only
after a confirmation that lists what was selected."""
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from lmd_access import queries, services
from lmd_access.models import EnrolmentRequest, GatedCourse, OfficerProfile


@pytest.fixture
def busy(world):
    """Eastland with requests of every kind, in two courses, made on different days."""
    users = get_user_model()
    other_course = GatedCourse.objects.create(course_id="course-v1:LMD+LMD201+2026", title="Advanced LMD")
    services.decide(world.coord, [world.request2.pk], False, "Not this year.")
    now = timezone.now()
    made = []
    for i in range(5):
        officer = users.objects.create_user(f"zz_officer{i}", first_name=f"Zed{i}")
        OfficerProfile.objects.create(user=officer, administration=world.east)
        made.append(services.request_access(officer, other_course.course_id, "Inspector", f"Unit {i}", "Needed."))
        EnrolmentRequest.objects.filter(pk=made[-1].pk).update(created_at=now - timedelta(days=10 + i))
    services.decide(world.coord, [made[0].pk], True, "")
    return world


def test_counts_by_status_and_course_and_pending_first(busy, client):
    client.force_login(busy.coord)
    page = client.get("/access/coordinator/").content.decode()
    assert "7 requests in all" in page
    assert re.search(r"<strong>5</strong> pending", page) and re.search(r"<strong>1</strong> approved", page)
    assert re.search(r"<strong>1</strong> rejected", page)
    assert "Requests by course" in page and "Advanced LMD" in page
    statuses = re.findall(r"<td>(pending|approved|rejected)(?:<br>|</td>)", page)
    assert statuses[:5] == ["pending"] * 5 and "pending" not in statuses[5:] and len(statuses) == 7  # pending first
    assert "Requested" in page and "Decided at" in page


def test_sorting_by_request_date_both_ways(busy, client):
    client.force_login(busy.coord)
    oldest_first = client.get("/access/coordinator/?sort=requested").content.decode()
    assert oldest_first.index("Zed4") < oldest_first.index("Zed0") < oldest_first.index("officer_east")
    assert 'aria-sort="ascending"' in oldest_first
    newest_first = client.get("/access/coordinator/?sort=-requested").content.decode()
    assert newest_first.index("officer_east") < newest_first.index("Zed0") < newest_first.index("Zed4")
    assert 'href="?sort=requested"' in newest_first  # the column's link turns the order round
    unknown = client.get("/access/coordinator/?sort=officer__password").content.decode()
    assert "pending requests first" in unknown and 'name="sort"' not in unknown  # only the listed orders


def test_filters_are_kept_across_pages(busy, client, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    client.force_login(busy.coord)
    page = client.get("/access/coordinator/?status=pending&search=Zed&sort=-requested").content.decode()
    assert "Page 1 of 2" in page
    link = re.search(r'href="\?([^"]+page=2)"', page).group(1).replace("&amp;", "&")
    assert sorted(link.split("&")) == ["page=2", "search=Zed", "sort=-requested", "status=pending"]
    second = client.get(f"/access/coordinator/?{link}").content.decode()
    assert "Page 2 of 2" in second and "Zed4" in second and "Zed1" not in second and "officer_east" not in second


def test_a_bulk_decision_waits_for_confirmation(busy, client):
    client.force_login(busy.coord)
    pending = list(EnrolmentRequest.objects.filter(status="pending").values_list("pk", flat=True))[:3]
    response = client.post("/access/coordinator/decide/", {"ids": pending, "action": "reject", "reason": "Full.",
                                                           "next": "/access/coordinator/?status=pending"})
    page = response.content.decode()
    assert response.status_code == 200 and "Reject these 3 requests?" in page and "Full." in page
    assert EnrolmentRequest.objects.filter(pk__in=pending, status="pending").count() == 3  # nothing yet
    assert page.count('name="ids"') == 3 and 'name="confirmed" value="yes"' in page
    assert 'href="/access/coordinator/?status=pending"' in page  # Cancel goes back to the filtered list
    response = client.post("/access/coordinator/decide/", {"ids": pending, "action": "reject", "reason": "Full.",
                                                           "next": "/access/coordinator/?status=pending",
                                                           "confirmed": "yes"})
    assert response.status_code == 302 and response["Location"] == "/access/coordinator/?status=pending"
    assert EnrolmentRequest.objects.filter(pk__in=pending, status="rejected").count() == 3


def test_a_bulk_rejection_without_a_reason_is_refused_before_confirming(busy, client):
    client.force_login(busy.coord)
    pending = list(EnrolmentRequest.objects.filter(status="pending").values_list("pk", flat=True))[:2]
    response = client.post("/access/coordinator/decide/", {"ids": pending, "action": "reject"}, follow=True)
    assert "Give a reason to reject" in response.content.decode()
    assert EnrolmentRequest.objects.filter(pk__in=pending, status="pending").count() == 2


def test_one_request_is_decided_at_once(busy, client):
    client.force_login(busy.coord)
    [pk] = list(EnrolmentRequest.objects.filter(status="pending").values_list("pk", flat=True))[:1]
    response = client.post("/access/coordinator/decide/", {"ids": [pk], "action": "approve"}, follow=True)
    assert "1 request decided." in response.content.decode()
    assert EnrolmentRequest.objects.get(pk=pk).status == "approved"
