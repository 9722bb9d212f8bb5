"""Every block's JSON handlers over real HTTP on the workbench: a 4xx naming the problem for
malformed JSON, oversized bodies and unknown ids, and the learner's state left as it was."""
import pytest

from tests.conftest import scenario

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("workbench_open")]

CASES = [
    ("LMD case study", "save_draft", {"answers": {"nope": "x"}}, "unknown question id 'nope'"),
    ("LMD case study", "assess", {"points": ["r1"]}, "Submit your answers before"),
    ("LMD role-play", "choose", {"node": "n1", "choice": "zz"}, "unknown choice 'zz'"),
    ("LMD role-play", "reflect", {"text": 42}, "'text' must be a string"),
    ("LMD module: sample with all four blocks", "progress_summary", b"[1, 2]", "must be a JSON object"),
]


def open_block(http_session, description, student):
    scenario_id, usage_id = scenario(description)
    assert http_session.get(f"/scenario/{scenario_id}/?student={student}")[0] == 200
    return lambda handler: f"/handler/{usage_id}/{handler}/?student={student}"


@pytest.mark.parametrize("description,handler,payload,words", CASES)
def test_bad_requests_are_refused_with_the_reason(http_session, description, handler, payload, words):
    url = open_block(http_session, description, "h1")
    for raw, code, message in ((b"{broken", 400, "Malformed JSON"), (b"x" * 70000, 413, "too large")):
        status, body = http_session.post_json(url(handler), raw=raw)
        assert status == code and message in body["error"]
    raw = payload if isinstance(payload, bytes) else None
    status, body = http_session.post_json(url(handler), payload, raw=raw)
    assert status == 400 and words in body["error"]


def test_role_play_state_unchanged_after_refusals(http_session):
    url = open_block(http_session, "LMD role-play", "h2")
    status, state = http_session.post_json(url("choose"), {"node": "n1", "choice": "a"})
    assert status == 200 and state["node"]["id"] == "n3"  # the sample: choice a of n1 leads to n3
    assert http_session.post_json(url("choose"), {"node": "n1", "choice": "a"})[0] == 409  # stale tab
    assert http_session.post_json(url("choose"), raw=b"{")[0] == 400
    status, state = http_session.post_json(url("restart"), {})
    assert status == 200 and state["node"]["id"] == "n1" and state["path"] == []


def test_case_study_draft_kept_after_refusals(http_session):
    url = open_block(http_session, "LMD case study", "h3")
    assert http_session.post_json(url("save_draft"), {"answers": {"q1": "my draft"}})[0] == 200
    assert http_session.post_json(url("save_draft"), {"answers": {"q1": "x" * 1600}})[0] == 400
    assert http_session.post_json(url("submit"), {"answers": {"q1": "only one"}})[0] == 400
    status, state = http_session.post_json(url("save_draft"), {"answers": {"q2": "second"}})
    assert status == 200 and state["answers"] == {"q2": "second"} and not state["submitted"]
