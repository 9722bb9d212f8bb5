"""Who may do what, for every page and API endpoint: anonymous, officer, coordinator of the same
administration, coordinator of another, coordinator whose registration ended, Secretariat."""
import json

import pytest

from lmd_access.models import EnrolmentRequest

ROLES = ["anonymous", "officer", "coordinator", "other_coordinator", "ended_coordinator", "secretariat"]


def user_for(world, role):
    return {"officer": world.officer, "coordinator": world.coord, "other_coordinator": world.other_coord,
            "ended_coordinator": world.ended_coord, "secretariat": world.staff}.get(role)


# (method, path template, body, {role: expected status}); anonymous pages redirect to sign-in (302)
MATRIX = [
    ("get", "/access/", None, dict(anonymous=302, officer=200, coordinator=302, other_coordinator=302,
                                   ended_coordinator=200, secretariat=200)),
    ("get", "/access/coordinator/", None, dict(anonymous=302, officer=403, coordinator=200, other_coordinator=200,
                                               ended_coordinator=403, secretariat=403)),
    ("get", "/access/coordinator/export.csv", None, dict(anonymous=302, officer=403, coordinator=200,
                                                         other_coordinator=200, ended_coordinator=403, secretariat=403)),
    ("get", "/access/report/", None, dict(anonymous=302, officer=403, coordinator=403, other_coordinator=403,
                                          ended_coordinator=403, secretariat=200)),
    ("get", "/access/api/requests/", None, dict(anonymous=401, officer=200, coordinator=200, other_coordinator=200,
                                                ended_coordinator=200, secretariat=200)),
    ("post", "/access/api/decisions/", {"ids": ["{pk}"], "approve": True, "reason": ""},
     dict(anonymous=401, officer=403, coordinator=200, other_coordinator=403, ended_coordinator=403, secretariat=403)),
    ("post", "/access/api/requests/{pk}/withdraw/", {}, dict(anonymous=401, officer=200, coordinator=403,
                                                             other_coordinator=403, ended_coordinator=403, secretariat=403)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,path,body,expected", MATRIX, ids=[f"{m} {p}" for m, p, _b, _e in MATRIX])
def test_matrix(world, client, role, method, path, body, expected):
    user = user_for(world, role)
    if user:
        client.force_login(user)
    pk = world.request.pk
    url = path.format(pk=pk)
    if method == "get":
        response = client.get(url)
    else:
        payload = json.loads(json.dumps(body).replace('"{pk}"', str(pk)))
        response = client.post(url, json.dumps(payload), content_type="application/json")
    assert response.status_code == expected[role], (role, url, response.content[:200])
    changed = EnrolmentRequest.objects.get(pk=pk).status != "pending"
    assert changed == (method == "post" and expected[role] == 200)


def test_lists_show_only_what_each_may_see(world, client):
    client.force_login(world.officer)
    mine = client.get("/access/api/requests/").json()["requests"]
    assert [r["officer"] for r in mine] == ["officer_east"]
    client.force_login(world.other_coord)
    assert client.get("/access/api/requests/").json()["requests"] == []
    assert b"officer_east" not in client.get("/access/coordinator/export.csv").content
    client.force_login(world.coord)
    assert {r["officer"] for r in client.get("/access/api/requests/").json()["requests"]} == {"officer_east", "officer_east2"}


def test_forms_need_csrf(world):
    from django.test import Client
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.coord)
    response = browser.post("/access/coordinator/decide/", {"ids": [world.request.pk], "action": "approve"})
    assert response.status_code == 403
    response = browser.post("/access/api/decisions/", json.dumps({"ids": [world.request.pk], "approve": True}),
                            content_type="application/json")
    assert response.status_code == 403
    assert EnrolmentRequest.objects.get(pk=world.request.pk).status == "pending"


@pytest.mark.parametrize("raw,code,words", [
    (b"{nope", 400, "Malformed JSON"),
    (b"[]", 400, "JSON object"),
    (b'{"ids": "1", "approve": true}', 400, "list of request ids"),
    (b'{"ids": [1], "approve": false}', 400, "This field is required: Reason"),
    (b'{"ids": [1], "approve": true, "reason": "' + b"x" * 70000 + b'"}', 413, "too large"),
])
def test_api_bad_input(world, client, raw, code, words):
    client.force_login(world.coord)
    response = client.post("/access/api/decisions/", raw.replace(b"[1]", f"[{world.request.pk}]".encode()),
                           content_type="application/json")
    assert response.status_code == code and words in response.json()["error"]
    assert EnrolmentRequest.objects.get(pk=world.request.pk).status == "pending"
