"""Issue 12 item 3 through the demo, as it was reported: a lone surrogate in a submitted case
study gave the learner and the facilitator a permanent 500 (module page, facilitator panel, CSV).
Now the text is cleaned before storage, and text stored before the rule is cleaned on output."""
import csv
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from tests.licensing.test_national_server_demo import block_usage

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(username, password="demo"):
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    assert client.login(username=username, password=password)
    return client


def answers_body(questions, text_json):
    """A submission whose every answer is `text_json`, a JSON string literal written by hand
    (json.dumps would never write a lone surrogate's escape on its own)."""
    return "{\"answers\": {" + ", ".join(f'"{q["id"]}": {text_json}' for q in questions) + "}}"


def test_lone_surrogate_in_a_submission_breaks_no_page_and_no_csv(live_server):
    call_command("lmd_demo_seed", verbosity=0)
    usage_id = block_usage("1", "lmd_case_study")
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("officer1").get_block(usage_id).questions
    officer, facilitator = signed_in("officer1"), signed_in("facilitator")
    body = answers_body(questions, '"Risk\\ud800 based\\u0000 \\u001b[31mselection\\r\\nnow"')
    response = officer.post(f"/course/handler/{usage_id}/submit/", body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert set(response.json()["answers"].values()) == {"Risk based [31mselection\nnow"}
    assert officer.get("/course/module/1/").status_code == 200
    assert facilitator.get("/course/module/1/").status_code == 200
    response = facilitator.get(f"/course/handler/{usage_id}/facilitator_csv/")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "officer1" and rows[1][3] == "Risk based [31mselection\nnow"


def test_a_lone_surrogate_stored_before_the_rule_is_cleaned_on_output(live_server):
    call_command("lmd_demo_seed", verbosity=0)
    usage_id = block_usage("1", "lmd_case_study")
    from workbench.models import XBlockState
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("officer1").get_block(usage_id).questions
    officer, facilitator = signed_in("officer1"), signed_in("facilitator")
    assert officer.get("/course/module/1/").status_code == 200
    # the learner's row as an earlier version stored it: JSON escapes of an unpaired surrogate
    scenario, tag, _ = usage_id.split(".", 2)
    row, _ = XBlockState.objects.get_or_create(scope="usage", scope_id=usage_id, user_id="officer1",
                                               defaults={"scenario": scenario, "tag": tag})
    state = json.loads(row.state)
    row.state = json.dumps({**state, "submitted": True, "submitted_at": "2026-01-05T10:00:00+00:00",
                            "answers": {q["id"]: "old\ud800text" for q in questions}})
    row.save()
    assert officer.get("/course/module/1/").status_code == 200
    assert facilitator.get("/course/module/1/").status_code == 200
    response = facilitator.get(f"/course/handler/{usage_id}/facilitator_csv/")
    assert response.status_code == 200 and "oldtext" in response.content.decode("utf-8-sig")
    response = officer.post(f"/course/handler/{usage_id}/get_user_state/", "{}", content_type="application/json")
    assert response.status_code == 200 and set(response.json()["answers"].values()) == {"oldtext"}


def test_non_finite_numbers_are_a_400_through_the_demo(live_server):
    call_command("lmd_demo_seed", verbosity=0)
    usage_id = block_usage("1", "lmd_case_study")
    officer = signed_in("officer1")
    for number in ("NaN", "Infinity", "-Infinity", "1e999"):
        response = officer.post(f"/course/handler/{usage_id}/save_draft/", '{"answers": {}, "n": %s}' % number,
                                content_type="application/json")
        assert response.status_code == 400 and "finite" in response.json()["error"], number
