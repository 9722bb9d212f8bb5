"""The facilitator's view of case-study answers in the demo reads each learner's own state (as
Open edX's problem-responses report does), not a shared record: two learners who submit at the
same time both appear, and the CSV has both."""
import csv
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from tests.licensing.test_national_server_demo import block_usage

pytestmark = pytest.mark.django_db(transaction=True)
ANSWERS = "My answer, with the figures from the exhibit and the decision I would take."


def signed_in(username, password="demo"):
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(username=username, password=password)
    return client


def test_two_learners_answers_both_reach_the_facilitator(live_server):
    call_command("lmd_demo_seed", verbosity=0)
    usage_id = block_usage("1", "lmd_case_study")
    officer, facilitator = signed_in("officer1"), signed_in("facilitator")
    for client in (officer, facilitator):  # both open the page before either submits
        assert client.get("/course/module/1/").status_code == 200
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("officer1").get_block(usage_id).questions
    answers = {q["id"]: ANSWERS for q in questions}
    for client in (officer, facilitator):
        response = client.post(f"/course/handler/{usage_id}/submit/", json.dumps({"answers": answers}),
                               content_type="application/json")
        assert response.status_code == 200, response.content
    page = facilitator.get("/course/module/1/").content.decode()
    assert "2 learners have submitted" in page
    response = facilitator.get(f"/course/handler/{usage_id}/facilitator_csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row[0] for row in rows[1:]) == ["facilitator", "officer1"]
    assert all(row[3] == ANSWERS for row in rows[1:])
    assert officer.get(f"/course/handler/{usage_id}/facilitator_csv/").status_code == 403
