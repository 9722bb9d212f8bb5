"""lmd_quiz in a real XBlock runtime: grading, attempts, shuffle, state, publish calls, OLX."""
import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import load, post, user_state, init_args
from tests.runtime import LmdTestRuntime, as_learner
from xblocks.common.errors import ContentError
from xblocks.lmd_quiz import content
from xblocks.lmd_quiz.grading import ResponseError, check_responses, grade_question, grade_quiz

SAMPLE = (Path(__file__).parents[2] / "xblocks/lmd_quiz/samples/quiz.xml").read_text()
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true", "q4": ["a", "b", "c", "d"]}
WRONG = {"q1": "b", "q2": ["c"], "q3": "false", "q4": ["d", "c", "b", "a"]}


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


@pytest.fixture
def quiz(runtime):
    return load(runtime, SAMPLE)


def test_grading_of_every_type(quiz):
    by_id = {q["id"]: q for q in quiz.questions}
    assert grade_question(by_id["q1"], "a") == (1.0, True)
    assert grade_question(by_id["q1"], "b") == (0.0, False)
    assert grade_question(by_id["q2"], ["a", "b"]) == (1.0, True)
    assert grade_question(by_id["q2"], ["a"]) == (0.5, False)
    assert grade_question(by_id["q2"], ["a", "c"]) == (0.0, False)
    assert grade_question(by_id["q3"], "true") == (1.0, True)
    assert grade_question(by_id["q3"], "false") == (0.0, False)
    assert grade_question(by_id["q4"], ["a", "b", "c", "d"]) == (1.0, True)
    assert grade_question(by_id["q4"], ["a", "b", "d", "c"]) == (0.5, False)
    assert grade_question(by_id["q1"], None) == (0.0, False)


def test_response_checking_refuses_what_is_not_an_answer(quiz):
    for bad in ({"zz": "a"}, {"q1": "zz"}, {"q1": ["a"]}, {"q2": "a"}, {"q2": ["a", "a"]},
                {"q4": ["a", "b"]}, {"q4": ["a", "b", "c", "c"]}, []):
        with pytest.raises(ResponseError):
            check_responses(quiz.questions, bad)


def test_first_attempt_fails_then_passes_with_exact_publish_calls(runtime, quiz):
    status, state = post(runtime, quiz, "submit", {"responses": WRONG})
    assert status == 200
    assert state["score"] == 0.0 and not state["passed"] and state["attempts_left"] == 2
    assert not state["revealed"] and "key" not in state["results"]["q1"] and "explanation" not in state["results"]["q1"]
    assert state["results"]["q1"]["feedback"] == {"b": quiz.questions[0]["options"][1]["feedback"]}
    assert runtime.publishes == [("grade", {"value": 0.0, "max_value": 1.0, "only_if_higher": None})]

    status, state = post(runtime, quiz, "submit", {"responses": RIGHT})
    assert status == 200 and state["passed"] and state["score"] == 1.0
    # Passing completes the quiz, but does not show the key: the learner may still try again.
    assert not state["revealed"] and "key" not in state["results"]["q4"] and "explanation" not in state["results"]["q1"]
    assert quiz.lmd_progress()["complete"]
    assert runtime.publishes[1:] == [
        ("grade", {"value": 1.0, "max_value": 1.0, "only_if_higher": None}),
        ("completion", {"completion": 1.0}),
    ]


def test_a_learner_who_passed_may_try_again_to_improve_and_the_best_score_counts(runtime, quiz):
    """Issue 14 item 8: after a pass, a retry while attempts remain; the grade is the best score
    (a worse retake changes neither the grade nor the answers a rescore grades), and completion
    is reported once."""
    pass_mark = dict(RIGHT, q3="false")  # 75 %: passed, with room to improve
    status, state = post(runtime, quiz, "submit", {"responses": pass_mark})
    assert status == 200 and state["passed"] and state["score"] == 0.75 and state["attempts_left"] == 2
    status, state = post(runtime, quiz, "submit", {"responses": WRONG})  # a worse retake
    assert status == 200 and state["passed"] and state["score"] == 0.0 and state["best_score"] == 0.75
    assert quiz.raw_score == 0.75 and quiz.best_responses == pass_mark
    assert quiz.calculate_score().raw_earned == 0.75  # a rescore grades the best attempt
    status, state = post(runtime, quiz, "submit", {"responses": RIGHT})  # the last attempt: better
    assert status == 200 and state["best_score"] == 1.0 and state["attempts_left"] == 0 and state["revealed"]
    assert state["results"]["q4"]["key"] == ["a", "b", "c", "d"]
    grades = [p[1]["value"] for p in runtime.publishes if p[0] == "grade"]
    assert grades == [0.75, 1.0] and [p[0] for p in runtime.publishes].count("completion") == 1
    status, body = post(runtime, quiz, "submit", {"responses": RIGHT})
    assert status == 400 and "no attempts left" in body["error"]


def test_a_learner_who_passed_may_ask_for_the_answers_which_ends_the_attempts(runtime, quiz):
    status, body = post(runtime, quiz, "show_answers", {})
    assert status == 400 and "Pass the quiz" in body["error"] and not quiz.answers_revealed()
    post(runtime, quiz, "submit", {"responses": dict(RIGHT, q3="false")})
    status, state = post(runtime, quiz, "show_answers", {})
    assert status == 200 and state["revealed"] and state["attempts_left"] == 2
    assert state["results"]["q4"]["key"] == ["a", "b", "c", "d"] and state["results"]["q1"]["explanation"]
    before = copy.deepcopy(user_state(runtime, quiz))
    status, body = post(runtime, quiz, "submit", {"responses": RIGHT})  # the key in view: no more attempts
    assert status == 400 and "closed" in body["error"] and user_state(runtime, quiz) == before
    assert post(runtime, quiz, "show_answers", {})[0] == 200  # asking again changes nothing
    assert user_state(runtime, quiz) == before
    # A reset of the attempts (the instructor dashboard resets `attempts`) opens the quiz again.
    quiz.attempts = 0
    assert not quiz.answers_revealed() and post(runtime, quiz, "submit", {"responses": RIGHT})[0] == 200


def test_grade_published_only_when_it_improves(runtime, quiz):
    half = dict(RIGHT, q1="b", q3="false")
    post(runtime, quiz, "submit", {"responses": half})
    post(runtime, quiz, "submit", {"responses": WRONG})
    assert [p for p in runtime.publishes if p[0] == "grade"] == [
        ("grade", {"value": 0.5, "max_value": 1.0, "only_if_higher": None})]
    assert quiz.raw_score == 0.5 and quiz.last_score == 0.0


def test_attempts_run_out_then_answers_are_revealed(runtime, quiz):
    for _ in range(3):
        assert post(runtime, quiz, "submit", {"responses": WRONG})[0] == 200
    state = post(runtime, quiz, "submit", {"responses": RIGHT})
    assert state[0] == 400 and "no attempts left" in state[1]["error"]
    assert quiz.attempts == 3 and quiz.answers_revealed()
    assert runtime.publishes[-1] == ("completion", {"completion": 1.0})


def test_unlimited_attempts(runtime):
    quiz = load(runtime, SAMPLE.replace('max_attempts="3"', 'max_attempts="0"'))
    for _ in range(5):
        status, state = post(runtime, quiz, "submit", {"responses": WRONG})
        assert status == 200 and state["attempts_left"] is None and not state["revealed"]


@pytest.mark.parametrize("payload,raw,code,words", [
    (None, b"{not json", 400, "Malformed JSON"),
    (None, b"[1, 2]", 400, "JSON object"),
    ({"responses": {"nope": "a"}}, None, 400, "unknown question id 'nope'"),
    ({"responses": dict(RIGHT, q1="zz")}, None, 400, "unknown option id 'zz'"),
    ({"responses": {"q1": "a"}}, None, 400, "Answer every question"),
    ({"responses": dict(RIGHT, q1="x" * 70000)}, None, 413, "too large"),
])
def test_bad_requests_get_a_clear_4xx_and_change_nothing(runtime, quiz, payload, raw, code, words):
    post(runtime, quiz, "submit", {"responses": WRONG})
    before = copy.deepcopy(user_state(runtime, quiz))
    published = list(runtime.publishes)
    status, body = post(runtime, quiz, "submit", payload, raw=raw)
    assert status == code and words in body["error"]
    assert user_state(runtime, quiz) == before and runtime.publishes == published


def test_state_survives_a_reload(runtime, quiz):
    post(runtime, quiz, "submit", {"responses": WRONG})
    again = runtime.get_block(quiz.scope_ids.usage_id)
    assert again.attempts == 1 and again.responses == {**WRONG, "q2": ["c"]}
    init = init_args(again.student_view())
    assert init["state"]["attempts"] == 1 and init["state"]["responses"]["q1"] == "b"


def test_answer_key_never_reaches_the_browser_before_reveal(runtime, quiz):
    frag = quiz.student_view()
    page = frag.content + json.dumps(init_args(frag))
    for question in quiz.questions:
        assert question["explanation"] not in page
        for option in question.get("options", []) + question.get("items", []):
            assert option["feedback"] not in page
    assert '"correct"' not in json.dumps(quiz.student_view_data())


def test_shuffle_is_stable_per_learner_and_differs_between_learners(runtime, quiz):
    def order(block):
        return [(q["id"], [o["id"] for o in q.get("options", q.get("items", []))]) for q in block.ordered_questions()]
    first = order(quiz)
    assert order(runtime.get_block(quiz.scope_ids.usage_id)) == first
    orders = {json.dumps(order(as_learner(runtime, quiz.scope_ids.usage_id, f"l{i}")[1])) for i in range(12)}
    assert len(orders) > 1
    ordering = [q for q in quiz.ordered_questions() if q["type"] == "ordering"][0]
    assert [i["id"] for i in ordering["items"]] != ["a", "b", "c", "d"]


def test_learners_do_not_share_state(runtime, quiz):
    post(runtime, quiz, "submit", {"responses": RIGHT})
    other_runtime, other = as_learner(runtime, quiz.scope_ids.usage_id, "bob")
    assert other.attempts == 0 and not other.passed


def test_staff_reset_gives_attempts_back(runtime, quiz):
    for _ in range(3):
        post(runtime, quiz, "submit", {"responses": WRONG})
    status, body = post(runtime, quiz, "reset_attempts", {})
    assert status == 403 and quiz.attempts == 3
    staff_runtime, staff_view = as_learner(runtime, quiz.scope_ids.usage_id, "alice", staff=True)
    status, state = post(staff_runtime, staff_view, "reset_attempts", {})
    assert status == 200 and state["attempts"] == 0 and state["attempts_left"] == 3
    assert runtime.get_block(quiz.scope_ids.usage_id).attempts == 0


def test_olx_round_trip_keeps_every_field(runtime, quiz):
    xml = quiz.to_xml_string()
    again = load(LmdTestRuntime(), xml)
    for name in ("display_name", "questions", "max_attempts", "pass_threshold", "shuffle", "weight"):
        assert getattr(again, name) == getattr(quiz, name), name


@pytest.mark.parametrize("mutation,words", [
    (('type="single"', 'type="essay"'), "unknown question type 'essay'"),
    (('<option id="a" correct="true"><text>Risk', '<option id="a"><text>Risk'), "no correct option"),
    (('<option id="b"><text>Physical', '<option id="b" correct="true"><text>Physical'), "exactly one correct option"),
    (('<question id="q2"', '<question id="q1"'), "duplicate id 'q1'"),
    (('<item id="c"><text>Treat the risks</text><feedback>Controls are chosen for the risks that matter most.</feedback></item>', ''), None),
])
def test_invalid_content_is_refused_naming_the_element(mutation, words):
    xml = SAMPLE.replace(*mutation)
    assert xml != SAMPLE
    if words is None:  # ordering with 2 items left after removing 2
        xml = xml.replace('<item id="d"><text>Monitor and review</text><feedback>Results feed back into the next round of identification.</feedback></item>', '')
        words = "at least three <item> elements"
    with pytest.raises(ContentError) as caught:
        content.parse(etree.fromstring(xml))
    assert words in str(caught.value) and "<question" in str(caught.value)


def test_doctype_and_entities_are_refused():
    from xblocks.common.xmlcontent import parse_xml_string
    evil = '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x "boom">]><lmd_quiz>&x;</lmd_quiz>'
    with pytest.raises(ContentError, match="DOCTYPE"):
        parse_xml_string(evil)
    external = '<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><lmd_quiz>&x;</lmd_quiz>'
    with pytest.raises(ContentError):
        parse_xml_string(external)


def test_studio_save_validates_before_saving(runtime, quiz):
    runtime.staff_ids.add(runtime.learner)  # an author: studio_submit is for authors only
    before = copy.deepcopy(quiz.questions)
    broken = quiz.studio_xml().replace('type="single"', 'type="essay"', 1)
    status, body = post(runtime, quiz, "studio_submit", {"xml": broken})
    assert status == 400 and "unknown question type" in body["error"] and quiz.questions == before
    edited = quiz.studio_xml().replace('max_attempts="3"', 'max_attempts="5"')
    assert post(runtime, quiz, "studio_submit", {"xml": edited}) == (200, {"result": "success"})
    assert quiz.max_attempts == 5 and quiz.questions == before


def test_two_quizzes_on_one_page_have_distinct_ids(runtime):
    first, second = load(runtime, SAMPLE), load(runtime, SAMPLE.replace("sample-quiz", "other"))
    ids_a = set(_ids(runtime.render(first, "student_view").content))
    ids_b = set(_ids(runtime.render(second, "student_view").content))
    assert ids_a and not ids_a & ids_b


def _ids(html):
    import re
    return re.findall(r'(?<![-\w])id="([^"]+)"', html)
