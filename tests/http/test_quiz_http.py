"""The quiz's handlers over real HTTP on the workbench (live server, real database, CSRF on)."""
import pytest

from tests.conftest import scenario

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("workbench_open")]
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true", "q4": ["a", "b", "c", "d"]}
WRONG = {"q1": "b", "q2": ["c"], "q3": "false", "q4": ["d", "c", "b", "a"]}


@pytest.fixture
def quiz(http_session):
    scenario_id, usage_id = scenario("LMD quiz")
    status, _ = http_session.get(f"/scenario/{scenario_id}/?student=http1")
    assert status == 200 and http_session.csrf()
    return f"/handler/{usage_id}/submit/?student=http1"


def test_submit_without_csrf_is_refused(live_server, quiz):
    from tests.conftest import HttpSession
    bare = HttpSession(live_server.url)
    status, _ = bare.post_json(quiz, {"responses": RIGHT})
    assert status == 403


def test_fail_then_pass_over_http(http_session, quiz):
    status, state = http_session.post_json(quiz, {"responses": WRONG})
    assert status == 200 and state["attempts"] == 1 and not state["passed"]
    status, state = http_session.post_json(quiz, {"responses": RIGHT})
    assert status == 200 and state["passed"] and state["best_score"] == 1.0


@pytest.mark.parametrize("payload,raw,code,words", [
    (None, b"{oops", 400, "Malformed JSON"),
    ({"responses": {"nope": "a"}}, None, 400, "unknown question id"),
    ({"responses": dict(RIGHT, q2=["a", "zz"])}, None, 400, "unknown option id 'zz'"),
    ({"responses": dict(RIGHT, q1="a" * 80000)}, None, 413, "too large"),
])
def test_bad_input_gets_4xx_and_leaves_state_unchanged(http_session, quiz, payload, raw, code, words):
    http_session.post_json(quiz, {"responses": WRONG})
    status, body = http_session.post_json(quiz, payload, raw=raw)
    assert status == code and words in body["error"]
    status, state = http_session.post_json(quiz, {"responses": WRONG})  # the next real attempt is #2
    assert status == 200 and state["attempts"] == 2
