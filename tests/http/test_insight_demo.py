"""The insight pages in the demo, on the learners' own block state (workbench rows): a learner
answers module 1's quiz through the course's handlers, and the facilitator, the learner's
coordinator and the Secretariat each see what they may see; the facilitator gives the learner's
attempts back through the quiz's own rule, recorded."""
import csv
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from lmd_access.models import AttemptReset, GatedCourse
from tests.licensing.test_national_server_demo import block_usage

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(username, password="demo"):
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(username=username, password=password)
    return client


def answers(questions, right):
    chosen = {}
    for q in questions:
        if q["type"] == "ordering":
            items = [i["id"] for i in q["items"]]
            chosen[q["id"]] = items if right else list(reversed(items))
        else:
            keys = [o["id"] for o in q["options"] if o["correct"] == right]
            chosen[q["id"]] = keys if q["type"] == "multiple" else keys[0]
    return chosen


def submit(client, usage_id, responses):
    response = client.post(f"/course/handler/{usage_id}/submit/", json.dumps({"responses": responses}),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def quiz_taken(live_server):
    """officer1 (Eastland, approved) fails module 1's quiz, then passes it."""
    call_command("lmd_demo_seed", verbosity=0)
    usage_id = block_usage("1", "lmd_quiz")
    officer = signed_in("officer1")
    assert officer.get("/course/module/1/").status_code == 200
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("officer1").get_block(usage_id).questions
    submit(officer, usage_id, answers(questions, right=False))
    state = submit(officer, usage_id, answers(questions, right=True))
    assert state["passed"] and state["attempts"] == 2
    return {"usage_id": usage_id, "questions": questions, "officer": officer,
            "course": GatedCourse.objects.get().pk}


def test_facilitator_sees_the_learners_attempts_and_the_item_analysis(quiz_taken):
    facilitator = signed_in("facilitator")
    course = quiz_taken["course"]
    assert facilitator.get("/access/staff/")["Location"] == f"/access/staff/{course}/"
    page = facilitator.get(f"/access/staff/{course}/").content.decode()
    assert "officer1" in page and "1 of 13" in page  # one quiz passed of thirteen
    page = facilitator.get(f"/access/staff/{course}/learners/officer1/").content.decode()
    assert "2 of 3" in page and "100 %" in page  # attempts used, best score
    page = facilitator.get(f"/access/staff/{course}/questions/?module=1").content.decode()
    assert "Answers of 1 learner, each at their best attempt." in page
    assert page.count('class="chart"') >= 1 + len(quiz_taken["questions"])  # the quiz's chart and one per question


def test_facilitator_resets_a_learners_attempts_through_the_quiz_rule(quiz_taken):
    facilitator = signed_in("facilitator")
    course = quiz_taken["course"]
    response = facilitator.post(f"/access/staff/{course}/learners/officer1/reset/", {"quiz": "m01-quiz"})
    assert response.status_code == 302
    from workbench.runtime import WorkbenchRuntime
    block = WorkbenchRuntime("officer1").get_block(quiz_taken["usage_id"])
    assert (block.attempts, block.passed, block.responses) == (0, False, {})
    assert block.raw_score == 1.0 and block.best_responses  # the best result stays, as the block's own reset keeps it
    reset = AttemptReset.objects.get()
    assert (reset.learner.username, reset.actor.username, reset.quiz) == ("officer1", "facilitator", "m01-quiz")
    state = submit(quiz_taken["officer"], quiz_taken["usage_id"], answers(quiz_taken["questions"], right=True))
    assert state["attempts"] == 1  # the learner takes it again


@pytest.mark.parametrize("username", ["officer1", "coord_eastland", "coord_former", None])
def test_only_course_staff_may_reset_attempts(quiz_taken, username):
    client = signed_in(username) if username else Client(HTTP_HOST="127.0.0.1")
    response = client.post(f"/access/staff/{quiz_taken['course']}/learners/officer1/reset/", {"quiz": "m01-quiz"})
    assert response.status_code == 403
    from workbench.runtime import WorkbenchRuntime
    block = WorkbenchRuntime("officer1").get_block(quiz_taken["usage_id"])
    assert (block.attempts, block.passed) == (2, True) and not AttemptReset.objects.exists()


@pytest.mark.parametrize("quiz", ["m01-rp", "nope", "", "m01-quiz\x00"])
def test_a_reset_of_something_that_is_not_a_quiz_is_refused(quiz_taken, quiz):
    response = signed_in("facilitator").post(f"/access/staff/{quiz_taken['course']}/learners/officer1/reset/",
                                             {"quiz": quiz})
    assert response.status_code == 400 and "nothing was reset" in response.content.decode()
    assert not AttemptReset.objects.exists()


def test_coordinator_sees_their_officers_progress_only(quiz_taken):
    page = signed_in("coord_eastland").get("/access/coordinator/progress/").content.decode()
    assert "Lina Officer" in page and "1 of 13" in page
    assert "Progress over time" in page and '<polyline class="line"' in page
    rows = list(csv.reader(io.StringIO(signed_in("coord_eastland").get("/access/coordinator/progress.csv")
                                       .content.decode())))
    assert rows[1][1] == "officer1" and rows[1][7] == "1" and rows[1][11] == "100"  # quizzes passed, module 1's quiz
    other = signed_in("coord_westmark").get("/access/coordinator/progress/").content.decode()
    assert "Lina Officer" not in other and "officer1" not in other
    assert signed_in("coord_former").get("/access/coordinator/progress/").status_code == 403


def test_secretariat_report_has_no_names_and_suppresses_one_officer(quiz_taken):
    page = signed_in("secretariat").get("/access/report/").content.decode()
    assert "Customs Service of Eastland" in page
    for personal in ("officer1", "Lina", "Officer@", "coord_eastland"):
        assert personal not in page
    rows = list(csv.reader(io.StringIO(signed_in("secretariat").get("/access/report.csv").content.decode())))
    east = {row[3]: row[4] for row in rows if row[0] == "Customs Service of Eastland" and not row[1]}
    assert east["Officers with access"] == "suppressed" and east["Mean quiz score (%)"] == "suppressed"
