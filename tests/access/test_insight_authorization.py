"""Who may open each insight page (issue 15): anonymous visitors, an officer, the coordinator of
the officer's administration, a coordinator of another, a coordinator whose registration ended,
a facilitator (course staff) and the Secretariat. A refused request changes nothing and shows
nobody's data."""
import pytest
from django.contrib.auth import get_user_model

from lmd_access.models import AttemptReset, EnrolmentRequest

ROLES = ["anonymous", "officer", "coordinator", "other_coordinator", "ended_coordinator", "facilitator", "secretariat"]
NOBODY_BUT = dict(anonymous=302, officer=403, coordinator=403, other_coordinator=403, ended_coordinator=403,
                  facilitator=403, secretariat=403)
COORDINATORS = {**NOBODY_BUT, "coordinator": 200, "other_coordinator": 200}
FACILITATORS = {**NOBODY_BUT, "facilitator": 200, "secretariat": 200}  # the Secretariat's accounts are staff
SECRETARIAT = {**NOBODY_BUT, "secretariat": 200}

# (method, path, form data, {role: status}); {course} is the gated course's pk
MATRIX = [
    ("get", "/access/coordinator/", None, COORDINATORS),
    ("get", "/access/coordinator/?sort=-decided&status=pending&page=2", None, COORDINATORS),
    ("get", "/access/coordinator/progress/", None, COORDINATORS),
    ("get", "/access/coordinator/progress.csv", None, COORDINATORS),
    ("get", "/access/staff/", None, {**FACILITATORS, "facilitator": 302, "secretariat": 302}),
    ("get", "/access/staff/{course}/", None, FACILITATORS),
    ("get", "/access/staff/{course}/?q=officer&page=3", None, FACILITATORS),
    ("get", "/access/staff/{course}/learners/officer_east/", None, FACILITATORS),
    ("get", "/access/staff/{course}/questions/?module=3", None, FACILITATORS),
    ("post", "/access/staff/{course}/learners/officer_east/reset/", {"quiz": "m01-quiz"},
     {**FACILITATORS, "anonymous": 403, "facilitator": 302, "secretariat": 302}),
    ("get", "/access/emails/", None, FACILITATORS),
    ("get", "/access/emails/?kind=digest&lang=fr", None, FACILITATORS),
    ("get", "/access/report/", None, SECRETARIAT),
    ("get", "/access/report.csv", None, SECRETARIAT),
]


@pytest.fixture
def facilitator(db):
    return get_user_model().objects.create_user("facilitator", password="pw", is_staff=True)


def user_for(world, role, facilitator):
    return {"officer": world.officer, "coordinator": world.coord, "other_coordinator": world.other_coord,
            "ended_coordinator": world.ended_coord, "facilitator": facilitator, "secretariat": world.staff}.get(role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,path,data,expected", MATRIX, ids=[f"{m} {p}" for m, p, _d, _e in MATRIX])
def test_matrix(world, facilitator, client, role, method, path, data, expected):
    user = user_for(world, role, facilitator)
    if user:
        client.force_login(user)
    url = path.format(course=world.course.pk)
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == expected[role], (role, url, response.content[:300])
    if response.status_code in (302, 403) and role != "anonymous":
        # the page's own content: the header names the viewer (officer_east, viewing as the officer)
        body = response.content.split(b'<main', 1)[-1]
        assert b"officer_east" not in body
    # The officer here has no quiz state: even an allowed reset finds nothing to reset, and says so
    # (tests/http/test_insight_demo.py resets a real learner's attempts).
    assert not AttemptReset.objects.exists()


def test_other_coordinators_see_none_of_the_officers(world, client):
    client.force_login(world.other_coord)
    for path in ("/access/coordinator/", "/access/coordinator/progress/", "/access/coordinator/progress.csv",
                 "/access/coordinator/export.csv"):
        assert b"officer_east" not in client.get(path).content, path


@pytest.mark.parametrize("role", ["other_coordinator", "ended_coordinator", "officer", "anonymous"])
def test_a_bulk_decision_on_others_requests_shows_and_changes_nothing(world, client, role):
    """The confirmation page lists only the coordinator's own requests: another coordinator who
    posts these ids gets no names back, and nothing is decided."""
    user = {"other_coordinator": world.other_coord, "ended_coordinator": world.ended_coord,
            "officer": world.officer}.get(role)
    if user:
        client.force_login(user)
    ids = [world.request.pk, world.request2.pk]
    for confirmed in ("", "yes"):
        response = client.post("/access/coordinator/decide/", {"ids": ids, "action": "approve", "confirmed": confirmed},
                               follow=True)
        assert b"officer_east" not in response.content.split(b"<main", 1)[-1]  # the header names the viewer
    assert set(EnrolmentRequest.objects.values_list("status", flat=True)) == {"pending"}
