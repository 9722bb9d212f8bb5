"""The demo against a hostile visitor, in process: security headers and a Content-Security-Policy
without 'unsafe-inline', login rate limiting, password rules, the workbench's own routes for staff
(or a development flag), exports for staff, the Secretariat's report for the Secretariat, and
bad ids, deep JSON and hostile `next` values answered with a 4xx or a local redirect."""
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.test import Client

from tests.conftest import scenario

pytestmark = pytest.mark.django_db(transaction=True)
COURSE = "course-v1:LMD+LMD101+2026"


@pytest.fixture
def users(db):
    make = get_user_model().objects.create_user
    return {
        "staff": make("facilitator", password="pw", is_staff=True),
        "learner": make("learner", password="right-password"),
        "superuser": make("secretariat", password="pw", is_staff=True, is_superuser=True),
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def csp_of(response):
    policy = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


# --- headers and CSP ---------------------------------------------------------------------------

def test_security_headers_on_every_page(users, client):
    for path in ("/", "/accounts/login/", "/access/"):
        response = client.get(path)
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        policy = csp_of(response)
        assert policy, path
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style\b([^>]*)>", re.I)
HANDLER_ATTR = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I)


def assert_no_inline_code_without_nonce(response):
    html = response.content.decode()
    nonces = [v.strip("'")[len("nonce-"):] for v in csp_of(response).get("script-src", []) if v.startswith("'nonce-")]
    for attrs, body in SCRIPT.findall(html):
        if "src=" in attrs or 'type="application/json"' in attrs or not body.strip():
            continue
        assert nonces and f'nonce="{nonces[0]}"' in attrs, f"inline script without nonce: {attrs} {body[:80]}"
    for attrs in STYLE.findall(html):
        assert nonces and f'nonce="{nonces[0]}"' in attrs, f"inline style without nonce: {attrs}"
    assert not HANDLER_ATTR.findall(html), HANDLER_ATTR.findall(html)


def test_demo_pages_have_no_inline_scripts_styles_or_handlers(users, settings):
    from lmd_access.models import GatedCourse
    GatedCourse.objects.create(course_id=COURSE, title="LMD")
    staff = signed_in(users["staff"])
    for client, path in ((Client(), "/"), (Client(), "/accounts/login/"), (staff, "/"), (staff, "/course/"),
                         (staff, "/course/module/1/"), (staff, "/access/"), (staff, "/exports/"),
                         (staff, "/workbench/")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_inline_code_without_nonce(response)
    scenario_id, _usage = scenario("LMD quiz")
    assert_no_inline_code_without_nonce(staff.get(f"/scenario/{scenario_id}/?student=someone"))


def test_inline_fragment_resources_carry_the_responses_nonce(users):
    """A block that ships its script or style as text still runs under the policy: the page
    writes it with the response's nonce (lmd_demo.fragments)."""
    from web_fragments.fragment import Fragment

    from lmd_demo.fragments import page_parts
    frag = Fragment("<p>x</p>")
    frag.add_javascript("window.ran = 1;")
    frag.add_css("p{color:red}")
    frag.add_javascript_url("/static/x.js")
    parts = page_parts(frag, "N0nce+/=")
    assert '<script nonce="N0nce+/=">' in parts["foot_html"] and '<script src="/static/x.js">' in parts["foot_html"]
    assert '<style nonce="N0nce+/=">' in parts["head_html"]
    response = signed_in(users["staff"]).get("/course/module/1/")
    assert "handlerBaseUrl" not in response.content.decode()  # the runtime's settings come from a static script
    assert_no_inline_code_without_nonce(response)


# --- passwords and sign-in ---------------------------------------------------------------------

def test_password_validators_refuse_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    for weak in ("demo", "password", "12345678", "learner"):
        with pytest.raises(ValidationError):
            validate_password(weak, get_user_model()(username="learner"))
    validate_password("Cust0ms-leadership-2026!")


def test_sign_in_is_rate_limited_per_account_and_address(users):
    browser = Client()
    for _ in range(4):
        response = browser.post("/accounts/login/", {"username": "learner", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert browser.post("/accounts/login/", {"username": "learner", "password": "wrong"}).status_code == 429
    response = browser.post("/accounts/login/", {"username": "learner", "password": "right-password"})
    assert response.status_code == 429
    assert "_auth_user_id" not in browser.session
    assert "Too many failed sign-ins" in response.content.decode()
    other = Client()  # another account from the same address is not locked out
    assert other.post("/accounts/login/", {"username": "facilitator", "password": "pw"}).status_code == 302


# --- the workbench's own routes ----------------------------------------------------------------

def test_workbench_routes_are_staff_only_without_the_development_flag(users, settings):
    settings.LMD_WORKBENCH = False
    scenario_id, usage_id = scenario("LMD case study")
    learner = signed_in(users["learner"])
    staff = signed_in(users["staff"])
    refused = [
        ("get", "/workbench/"), ("get", f"/scenario/{scenario_id}/"), ("get", f"/scenario/{scenario_id}/?student=x"),
        ("get", f"/view/{scenario_id}/"), ("get", "/userlist/"),
        ("post", f"/handler/{usage_id}/save_draft/?student=x"), ("post", f"/unauth_handler/{usage_id}/save_draft/"),
        ("post", f"/aside_handler/{usage_id}/x/"), ("post", "/reset_state"),
    ]
    for client in (Client(), learner):
        for method, path in refused:
            response = getattr(client, method)(path, "{}", content_type="application/json") if method == "post" \
                else client.get(path)
            assert response.status_code in (302, 403), (path, response.status_code)
            assert response.status_code == 403 or "/accounts/login/" in response["Location"]
    assert staff.get(f"/scenario/{scenario_id}/?student=x").status_code == 200
    assert staff.get("/workbench/").status_code == 200


def test_studio_views_and_reset_state_are_staff_only_even_in_development(users, settings):
    from workbench.models import XBlockState
    from workbench.scenarios import init_scenarios
    settings.LMD_WORKBENCH = True
    init_scenarios()  # the blocks' content rows, in this test's transaction (an earlier test's were rolled back)
    scenario_id, usage_id = scenario("LMD case study")
    anonymous = Client()
    assert anonymous.get(f"/scenario/{scenario_id}/?student=dev1").status_code == 200  # the flag opens the workbench
    status, _ = anonymous.post(f"/handler/{usage_id}/save_draft/?student=dev1",
                               json.dumps({"answers": {"q1": "draft"}}), content_type="application/json"), None
    rows = XBlockState.objects.count()
    assert rows
    for path in (f"/scenario/{scenario_id}/studio_view/", f"/view/{scenario_id}/studio_view/",
                 f"/scenario/{scenario_id}/author_view/"):
        assert anonymous.get(path + "?student=dev1").status_code == 403, path
    assert anonymous.get("/reset_state").status_code in (302, 403)  # to sign in, or refused
    assert anonymous.post("/reset_state", HTTP_REFERER="/").status_code == 403
    assert signed_in(users["learner"]).post("/reset_state", HTTP_REFERER="/").status_code == 403
    assert XBlockState.objects.count() == rows  # nothing wiped
    assert signed_in(users["staff"]).get(f"/scenario/{scenario_id}/studio_view/").status_code == 200


def test_exports_are_for_staff(users):
    for client in (Client(), signed_in(users["learner"])):
        for path in ("/exports/", "/exports/olx/", "/exports/scorm12/"):
            response = client.get(path)
            assert response.status_code in (302, 403), path
            assert response.status_code == 403 or "/accounts/login/" in response["Location"]
    assert signed_in(users["staff"]).get("/exports/").status_code == 200
    assert "/exports/" not in signed_in(users["learner"]).get("/").content.decode()


def test_secretariat_report_is_not_for_course_staff(users):
    assert signed_in(users["staff"]).get("/access/report/").status_code == 403
    assert signed_in(users["learner"]).get("/access/report/").status_code == 403
    assert signed_in(users["superuser"]).get("/access/report/").status_code == 200
    clerk = get_user_model().objects.create_user("clerk", password="pw")
    clerk.user_permissions.add(Permission.objects.get(codename="secretariat", content_type__app_label="lmd_access"))
    assert signed_in(clerk).get("/access/report/").status_code == 200
    assert "/access/report/" not in signed_in(users["staff"]).get("/access/").content.decode()


# --- hostile input: never a 500 ----------------------------------------------------------------

DEEP = b"[" * 100000 + b"]" * 100000  # over the 64 KiB limit
DEEP_SMALL = b"[" * 30000 + b"]" * 30000  # under it: the parser's own depth limit


@pytest.mark.parametrize("path", [
    "/course/module/%00/", "/course/module/99/", "/course/module/" + "9" * 5000 + "/",
    "/scenario/nope/", "/scenario/lmd_course.99999/", "/scenario/%00/",
])
def test_bad_ids_in_pages_are_404(users, settings, path):
    settings.LMD_WORKBENCH = True
    response = signed_in(users["staff"]).get(path)
    assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("usage_id", ["nope", "%00", "lmd_course.0.x" * 300, "..", "a" * 5000])
def test_bad_ids_in_handlers_are_404(users, settings, usage_id):
    settings.LMD_WORKBENCH = True
    staff = signed_in(users["staff"])
    for path in (f"/course/handler/{usage_id}/submit/", f"/handler/{usage_id}/submit/?student=x"):
        response = staff.post(path, "{}", content_type="application/json")
        assert response.status_code == 404, (path, response.status_code)


def test_very_deep_json_is_a_400(users, settings):
    settings.LMD_WORKBENCH = True
    _scenario, usage_id = scenario("LMD quiz")
    staff = signed_in(users["staff"])
    for path in (f"/course/handler/{usage_id}/submit/", f"/handler/{usage_id}/submit/?student=x",
                 "/access/api/decisions/", "/access/api/requests/"):
        for body in (DEEP, DEEP_SMALL, b'{"ids": ' + DEEP_SMALL[:60000] + b"}"):
            response = staff.post(path, body, content_type="application/json")
            assert 400 <= response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                    "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
                                    "data:text/html,<script>alert(1)</script>"])
def test_hostile_next_never_leaves_the_site(users, target):
    browser = Client()
    response = browser.post(f"/accounts/login/?next={target}", {"username": "learner", "password": "right-password",
                                                                 "next": target})
    assert response.status_code == 302 and response["Location"] == "/", response["Location"]
    response = browser.post("/i18n/setlang/", {"language": "fr", "next": target})
    assert response.status_code == 302 and not _leaves(response["Location"])


def _leaves(location):
    return not location.startswith("/") or location.startswith("//") or location.startswith("/\\")


def test_admin_pages_have_no_inline_code(users):
    admin = signed_in(users["superuser"])
    for path in ("/admin/", "/admin/auth/user/", f"/admin/auth/user/{users['learner'].pk}/change/",
                 "/admin/lmd_access/enrolmentrequest/"):
        response = admin.get(path)
        assert response.status_code == 200, path
        assert_no_inline_code_without_nonce(response)


def test_a_page_answered_by_a_block_keeps_its_style_by_hash_only(users):
    """The printable role cards bring their own <style>: allowed by its hash on that response,
    scripts still refused."""
    _scenario, usage_id = scenario("LMD role-play")
    response = signed_in(users["staff"]).get(f"/course/handler/{usage_id}/role_cards/")
    assert response.status_code == 200
    policy = csp_of(response)
    from lmd_demo.fragments import style_hashes
    hashes = style_hashes(response.content.decode())
    assert hashes and set(hashes) <= set(policy["style-src"])
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert not [v for v in policy["script-src"] if v.startswith("'sha256-")]
