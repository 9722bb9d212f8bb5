"""The access app against hostile or careless input: typed API fields, huge and malformed ids,
deep JSON, open redirects, a second request while one is pending or approved, revocation, and
the enrolment gate's configuration merged into whatever settings are in force."""
import json
from types import SimpleNamespace

import pytest
from django.test import Client
from openedx_filters.learning.filters import CourseEnrollmentStarted

from lmd_access import services
from lmd_access.models import EnrolmentRequest, RequestTransition
from tests.access.conftest import COURSE

FILTER = "org.openedx.learning.course.enrollment.started.v1"
STEP = "lmd_access.filters.RequireApprovedRequest"


def snapshot():
    return (list(EnrolmentRequest.objects.order_by("pk").values_list("pk", "status", "reason")),
            RequestTransition.objects.count())


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


# --- the decisions API: every field's type --------------------------------------------------------

@pytest.mark.parametrize("body,words", [
    ({"ids": ["PK"], "approve": "false", "reason": "x"}, "'approve' must be true or false"),
    ({"ids": ["PK"], "approve": "true"}, "'approve' must be true or false"),
    ({"ids": ["PK"], "approve": 1}, "'approve' must be true or false"),
    ({"ids": ["PK"], "approve": None}, "'approve' must be true or false"),
    ({"ids": ["PK"]}, "'approve' must be true or false"),
    ({"ids": [True], "approve": True}, "'ids' must be a list of request ids"),
    ({"ids": ["1"], "approve": True}, "'ids' must be a list of request ids"),
    ({"ids": [1.0], "approve": True}, "'ids' must be a list of request ids"),
    ({"ids": [2 ** 70], "approve": True}, "'ids' must be a list of request ids"),
    ({"ids": [-1], "approve": True}, "'ids' must be a list of request ids"),
    ({"ids": [], "approve": True}, "Choose at least one request"),
    ({"ids": list(range(1, 1200)), "approve": True}, "at most 1000"),
    ({"ids": "PK", "approve": True}, "'ids' must be a list of request ids"),
    ({"approve": True}, "'ids' must be a list of request ids"),
    ({"ids": ["PK"], "approve": False, "reason": 5}, "This field must be text: Reason"),
    ({"ids": ["PK"], "approve": False, "reason": ["x"]}, "This field must be text: Reason"),
    ({"ids": ["PK"], "approve": False, "reason": "x" * 2001}, "the limit is 2000"),
    ({"ids": ["PK"], "approve": True, "reason": "", "extra": 1}, "Unknown field: extra"),
])
def test_decisions_api_checks_every_field(world, body, words):
    before = snapshot()
    raw = json.dumps(body).replace('"PK"', str(world.request.pk))
    response = as_user(world.coord).post("/access/api/decisions/", raw, content_type="application/json")
    assert response.status_code == 400 and words in response.json()["error"], response.content
    assert snapshot() == before


def test_the_string_false_no_longer_approves(world):
    as_user(world.coord).post("/access/api/decisions/", json.dumps({"ids": [world.request.pk], "approve": "false"}),
                              content_type="application/json")
    assert EnrolmentRequest.objects.get(pk=world.request.pk).status == "pending"
    assert not services.has_access(world.officer, COURSE)


@pytest.mark.parametrize("body,words", [
    ({"course": ["x"], "position": "p", "unit": "u", "justification": "j"}, "'course' must be text"),
    ({"course": COURSE, "position": 5, "unit": "u", "justification": "j"}, "This field must be text: Position"),
    ({"course": COURSE, "position": "p", "unit": {}, "justification": "j"}, "This field must be text: Unit"),
    ({"course": COURSE, "position": "p", "unit": "u", "justification": "j", "admin": True}, "Unknown field: admin"),
])
def test_requests_api_checks_every_field(world, body, words):
    services.withdraw(world.officer, world.request.pk)
    before = snapshot()
    response = as_user(world.officer).post("/access/api/requests/", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and words in response.json()["error"], response.content
    assert snapshot() == before


DEEP = b"[" * 30000 + b"]" * 30000


@pytest.mark.parametrize("path", ["/access/api/decisions/", "/access/api/requests/",
                                  "/access/api/requests/PK/withdraw/", "/access/api/revocations/"])
def test_deep_or_broken_json_is_a_400(world, path):
    before = snapshot()
    client = as_user(world.coord)
    for body in (DEEP, b'{"ids": ' + DEEP[:50000] + b"}", b"\xff\xfe", b'{"ids": [1], "approve": NaN}'):
        response = client.post(path.replace("PK", str(world.request.pk)), body, content_type="application/json")
        assert response.status_code == 400, (path, body[:20], response.status_code)
    assert snapshot() == before


@pytest.mark.parametrize("pk", ["99999999999999999999", str(2 ** 63), "0"])
def test_huge_or_unknown_ids_in_urls_are_4xx(world, pk):
    before = snapshot()
    officer = as_user(world.officer)
    assert officer.post(f"/access/api/requests/{pk}/withdraw/", "{}", content_type="application/json").status_code in (
        403, 404)
    response = officer.post(f"/access/requests/{pk}/withdraw/")
    assert response.status_code in (302, 404)
    assert snapshot() == before


@pytest.mark.parametrize("ids", [["abc"], ["99999999999999999999"], ["1.5"], [""], ["-3"]])
def test_decision_form_with_bad_ids_says_so(world, ids):
    before = snapshot()
    response = as_user(world.coord).post("/access/coordinator/decide/", {"ids": ids, "action": "approve"}, follow=True)
    assert response.status_code == 200
    assert "request id" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "http:evil"])
def test_decision_form_redirects_only_to_this_site(world, target):
    response = as_user(world.coord).post("/access/coordinator/decide/",
                                         {"ids": [world.request.pk], "action": "approve", "next": target})
    assert response.status_code == 302 and response["Location"] == "/access/coordinator/", response["Location"]
    response = as_user(world.coord).post("/access/coordinator/decide/", {"ids": [world.request2.pk], "action": "approve",
                                                                         "next": "/access/coordinator/?status=pending"})
    assert response["Location"] == "/access/coordinator/?status=pending"  # a local page keeps its filters


# --- one live request per officer and course --------------------------------------------------------

def test_no_second_request_while_one_is_pending_or_approved(world):
    with pytest.raises(services.Conflict, match="already have a pending request"):
        services.request_access(world.officer, COURSE, "Head", "Unit", "Again")
    services.decide(world.coord, [world.request.pk], True, "")
    before = snapshot()
    with pytest.raises(services.Conflict, match="already have access"):
        services.request_access(world.officer, COURSE, "Head", "Unit", "Again")
    response = as_user(world.officer).post("/access/api/requests/", json.dumps(
        {"course": COURSE, "position": "Head", "unit": "Unit", "justification": "Again"}), content_type="application/json")
    assert response.status_code == 409
    assert snapshot() == before


# --- revocation ---------------------------------------------------------------------------------------

def test_revoking_an_approval_closes_access_and_is_recorded(world):
    services.decide(world.coord, [world.request.pk], True, "")
    assert services.has_access(world.officer, COURSE)
    with pytest.raises(services.NotAllowed):
        services.revoke(world.other_coord, [world.request.pk], "Not yours")
    with pytest.raises(services.NotAllowed):
        services.revoke(world.ended_coord, [world.request.pk], "Ended")
    with pytest.raises(services.NotAllowed):
        services.revoke(world.officer, [world.request.pk], "Myself")
    with pytest.raises(services.AccessError, match="This field is required: Reason"):
        services.revoke(world.coord, [world.request.pk], " ")
    with pytest.raises(services.Conflict):  # only an approved request can be revoked
        services.revoke(world.coord, [world.request2.pk], "Still pending")
    revoked = services.revoke(world.coord2, [world.request.pk], "Left the service.")
    assert [r.status for r in revoked] == ["revoked"]
    assert not services.has_access(world.officer, COURSE)
    last = RequestTransition.objects.filter(request=world.request).last()
    assert (last.from_status, last.to_status, last.actor, last.reason) == ("approved", "revoked", world.coord2,
                                                                           "Left the service.")
    with pytest.raises(services.Conflict):
        services.revoke(world.coord, [world.request.pk], "Twice")
    again = services.request_access(world.officer, COURSE, "Head", "Unit", "Back in the service")  # may ask again
    assert again.status == "pending"


def test_the_secretariat_may_revoke_any_administrations_approval(world):
    services.decide(world.coord, [world.request.pk], True, "")
    services.revoke(world.staff, [world.request.pk], "Licence ended.")
    assert EnrolmentRequest.objects.get(pk=world.request.pk).status == "revoked"


def test_revocation_api(world):
    services.decide(world.coord, [world.request.pk], True, "")
    before = snapshot()
    for user, body, code in ((world.officer, {"ids": [world.request.pk], "reason": "x"}, 403),
                             (world.other_coord, {"ids": [world.request.pk], "reason": "x"}, 403),
                             (world.coord, {"ids": [world.request.pk], "reason": 3}, 400),
                             (world.coord, {"ids": [world.request.pk]}, 400),
                             (world.coord, {"ids": [True], "reason": "x"}, 400)):
        response = as_user(user).post("/access/api/revocations/", json.dumps(body), content_type="application/json")
        assert response.status_code == code, (user, body, response.content)
    assert snapshot() == before
    response = as_user(world.coord).post("/access/api/revocations/", json.dumps(
        {"ids": [world.request.pk], "reason": "Left"}), content_type="application/json")
    assert response.status_code == 200 and response.json()["requests"][0]["status"] == "revoked"


def test_unenrol_hook_is_a_no_op_outside_open_edx(world):
    from lmd_access import platform
    assert platform.unenrol(world.officer, COURSE) is False
    assert platform.is_course_staff(world.officer, COURSE) is False


# --- the enrolment gate ---------------------------------------------------------------------------------

def gate_on(settings):
    settings.OPEN_EDX_FILTERS_CONFIG = {FILTER: {"fail_silently": False, "pipeline": [STEP]}}


def test_gate_lets_staff_through_without_a_request(world, settings):
    gate_on(settings)
    staff = world.staff.__class__.objects.create_user("global_staff", is_staff=True)
    assert CourseEnrollmentStarted.run_filter(user=staff, course_key=COURSE, mode="audit")[0] == staff
    with pytest.raises(CourseEnrollmentStarted.PreventEnrollment):
        CourseEnrollmentStarted.run_filter(user=world.officer, course_key=COURSE, mode="audit")


def test_gate_refuses_after_revocation(world, settings):
    gate_on(settings)
    services.decide(world.coord, [world.request.pk], True, "")
    CourseEnrollmentStarted.run_filter(user=world.officer, course_key=COURSE, mode="audit")
    services.revoke(world.coord, [world.request.pk], "Left")
    with pytest.raises(CourseEnrollmentStarted.PreventEnrollment):
        CourseEnrollmentStarted.run_filter(user=world.officer, course_key=COURSE, mode="audit")


@pytest.mark.parametrize("config,expected", [
    ({}, {"fail_silently": False, "pipeline": [STEP]}),
    ({FILTER: {"fail_silently": True, "pipeline": ["theirs.Step"]}},
     {"fail_silently": True, "pipeline": ["theirs.Step", STEP]}),
    ({FILTER: {"pipeline": ["theirs.Step"], "log_level": "debug"}},
     {"pipeline": ["theirs.Step", STEP], "log_level": "debug"}),
    ({FILTER: {"pipeline": "theirs.Step"}}, {"pipeline": ["theirs.Step", STEP]}),
    ({FILTER: {"fail_silently": False}}, {"fail_silently": False, "pipeline": [STEP]}),
    ({FILTER: ["theirs.Step"]}, ["theirs.Step", STEP]),
    ({FILTER: "theirs.Step"}, ["theirs.Step", STEP]),
    ({FILTER: [STEP, "theirs.Step"]}, [STEP, "theirs.Step"]),
    ({FILTER: None}, {"fail_silently": False, "pipeline": [STEP]}),
])
def test_plugin_settings_merge_the_gate_into_any_configuration(config, expected):
    from lmd_access.plugin_settings import plugin_settings
    other = {"org.openedx.learning.student.login.requested.v1": {"pipeline": ["x.Y"], "fail_silently": False}}
    settings = SimpleNamespace(OPEN_EDX_FILTERS_CONFIG=json.loads(json.dumps({**config, **other})))
    plugin_settings(settings)
    plugin_settings(settings)  # idempotent
    assert settings.OPEN_EDX_FILTERS_CONFIG[FILTER] == expected
    assert settings.OPEN_EDX_FILTERS_CONFIG["org.openedx.learning.student.login.requested.v1"] == other[
        "org.openedx.learning.student.login.requested.v1"]


def test_plugin_settings_are_registered_for_every_settings_type():
    from lmd_access.apps import AccessConfig
    for project in ("lms.djangoapp", "cms.djangoapp"):
        settings_config = AccessConfig.plugin_app["settings_config"][project]
        assert set(settings_config) == {"common", "production", "devstack", "test"}
        assert {entry["relative_path"] for entry in settings_config.values()} == {"plugin_settings"}


def test_app_ready_merges_the_gate_into_settings_replaced_after_the_plugins(settings):
    """A Tutor patch applied after the plugin settings replaces the whole configuration."""
    from django.apps import apps
    settings.OPEN_EDX_FILTERS_CONFIG = {FILTER: {"fail_silently": True, "pipeline": ["theirs.Step"]}}
    apps.get_app_config("lmd_access").ready()
    assert settings.OPEN_EDX_FILTERS_CONFIG[FILTER]["pipeline"] == ["theirs.Step", STEP]


def test_the_plugin_ships_no_demo_seeding():
    from pathlib import Path

    from django.core.management import find_commands, get_commands
    import lmd_access
    shipped = find_commands(str(Path(lmd_access.__file__).parent / "management"))
    assert not [name for name in shipped if "seed" in name or "demo" in name], shipped
    assert get_commands()["lmd_demo_seed"] == "lmd_demo"


@pytest.mark.django_db
def test_demo_seed_still_makes_the_demo_accounts():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    import io
    call_command("lmd_demo_seed", stdout=io.StringIO())
    call_command("lmd_demo_seed", stdout=io.StringIO())  # idempotent
    users = get_user_model().objects
    assert users.get(username="secretariat").is_superuser
    assert EnrolmentRequest.objects.get(officer__username="officer1").status == "approved"
    assert EnrolmentRequest.objects.filter(status="pending").count() == 3
