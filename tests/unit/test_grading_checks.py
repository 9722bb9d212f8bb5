"""Grading's refusals name the question and the problem (the learner's page shows them), an
empty quiz scores 0, and scores are rounded to four places (what SCORM and Open edX receive):
mutants of xblocks/lmd_quiz/grading.py that survived `make mutation` are caught here."""
import pytest

from xblocks.lmd_quiz.grading import ResponseError, check_responses, grade_quiz

QUESTIONS = [
    {"id": "q1", "type": "single", "options": [{"id": "a", "correct": True}, {"id": "b", "correct": False}]},
    {"id": "q2", "type": "multiple", "options": [{"id": "a", "correct": True}, {"id": "b", "correct": True},
                                                 {"id": "c", "correct": True}, {"id": "d", "correct": False}]},
    {"id": "q3", "type": "ordering", "items": [{"id": "x"}, {"id": "y"}, {"id": "z"}]},
]


@pytest.mark.parametrize("responses, message", [
    (["q1"], "'responses' must be an object mapping question ids to answers"),
    ({"q9": "a"}, "unknown question id 'q9'"),
    ({"q3": ["x", "y"]}, "question 'q3': an ordering answer lists each item id exactly once"),
    ({"q2": "a"}, "question 'q2': a multiple-response answer is a list of option ids"),
    ({"q2": ["a", "e", "f"]}, "question 'q2': unknown option id 'e'"),
    ({"q2": ["a", "a"]}, "question 'q2': an option is listed twice"),
    ({"q1": ["a"]}, "question 'q1': the answer is one option id"),
    ({"q1": "z"}, "question 'q1': unknown option id 'z'"),
])
def test_refusals_name_the_question_and_the_problem(responses, message):
    with pytest.raises(ResponseError) as refused:
        check_responses(QUESTIONS, responses)
    assert str(refused.value) == message


def test_an_empty_quiz_scores_zero_and_fails():
    assert grade_quiz([], {}, 0.7) == {"score": 0.0, "passed": False, "results": {}}


def test_scores_are_rounded_to_four_places():
    graded = grade_quiz(QUESTIONS, {"q1": "b", "q2": ["a"], "q3": ["z", "y", "x"]}, 0.1)
    assert graded["results"]["q2"]["score"] == 0.3333  # one of three right options
    assert graded["score"] == round((0 + 0.3333 + 1 / 3) / 3, 4) == 0.2222


def test_the_quiz_score_is_stored_to_four_decimals_as_the_scorm_twin_stores_it():
    """One right of three: 0.3333, not 0.33333 (grading.js rounds the mean to four decimals too;
    the stored score is what the pass rule and the LMS see)."""
    questions = [{"id": f"q{n}", "type": "truefalse",
                  "options": [{"id": "true", "correct": True}, {"id": "false", "correct": False}]} for n in (1, 2, 3)]
    graded = grade_quiz(questions, {"q1": "true", "q2": "false", "q3": "false"}, 0.5)
    assert graded["score"] == 0.3333 and graded["passed"] is False
