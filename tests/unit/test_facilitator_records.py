"""What the workshop facilitator relies on in xblocks/lmd_case_study/facilitator.py, function by
function: who is listed and in which order, each answer beside its numbered question and cleaned
as on input, the percent as the learner was shown it, the Open edX report's columns and its
`limit`, the debrief CSV cell by cell, and the submission time's format.

User states are given as Open edX's user state client lists them: objects with `username` and
`state`, where `state` holds only the fields the learner has set (no `raw_score` before the
self-assessment, for instance)."""
import csv
import io
import re
from collections import namedtuple
from datetime import datetime, timedelta, timezone

import pytest

from xblocks.lmd_case_study import facilitator
from xblocks.lmd_quiz import grading

UserState = namedtuple("UserState", "username state")
QUESTIONS = [{"id": "q1", "prompt": "What changed?"},
             {"id": "q2", "prompt": "What would you do?"},
             {"id": "q3", "prompt": "=Who decides?"}]


def done(at="2024-05-01T08:00:00+00:00", score=None, **answers):
    """The state of a learner who submitted `answers` at `at` (and self-assessed, with a score)."""
    state = {"submitted": True, "submitted_at": at, "answers": answers}
    if score is not None:
        state["raw_score"] = score
    return state


# ---- rows(): the panel -------------------------------------------------------------------------

def test_rows_lists_only_submitted_learners_by_submission_time_then_name():
    states = [
        UserState("zoe", done("2024-05-01T08:00:00+00:00")),
        UserState("bob", {"answers": {"q1": "a draft"}}),  # drafts only
        UserState("amy", done("2024-05-01T09:30:00+00:00")),
        UserState("carl", done("2024-05-01T08:00:00+00:00")),  # same second as zoe: by name
        UserState("dan", None),  # opened the block, nothing stored
        UserState("eve", {"submitted": False, "answers": {"q1": "x"}}),
        UserState("abe", done("2024-05-02T07:00:00+00:00")),  # first by name, last by time
    ]
    listed = facilitator.rows(states, QUESTIONS)
    assert [(r["name"], r["submitted_at"]) for r in listed] == [
        ("carl", "2024-05-01T08:00:00+00:00"), ("zoe", "2024-05-01T08:00:00+00:00"),
        ("amy", "2024-05-01T09:30:00+00:00"), ("abe", "2024-05-02T07:00:00+00:00")]
    assert facilitator.rows([], QUESTIONS) == []


def test_a_submission_without_its_time_is_listed_first_with_an_empty_time():
    # State stored before submitted_at existed: listed, before every timed one, time left blank.
    untimed = {"submitted": True, "answers": {"q1": "old"}}
    states = [UserState("amy", done("2024-05-01T08:00:00+00:00")), UserState("zed", untimed),
              UserState("ann", dict(untimed))]
    listed = facilitator.rows(states, QUESTIONS)
    assert [(r["name"], r["submitted_at"]) for r in listed] == [
        ("ann", ""), ("zed", ""), ("amy", "2024-05-01T08:00:00+00:00")]


def test_each_answer_sits_beside_its_numbered_question_cleaned_as_on_input():
    state = done(score=0.5, q1="\ud800Fewer\x00 findings\x07\r\nmore visits\udfff ", q3="=1+1")
    [row] = facilitator.rows([UserState("alice", state)], QUESTIONS)
    assert row == {
        "name": "alice", "submitted_at": "2024-05-01T08:00:00+00:00", "percent": 50,
        "answers": [
            {"number": 1, "prompt": "What changed?", "text": "Fewer findings\nmore visits"},
            {"number": 2, "prompt": "What would you do?", "text": ""},  # not answered
            {"number": 3, "prompt": "=Who decides?", "text": "=1+1"},  # quoted in the CSV only
        ]}


@pytest.mark.parametrize("stored", [{"submitted": True}, {"submitted": True, "answers": None},
                                    {"submitted": True, "answers": {}}])
def test_no_answer_is_an_empty_text(stored):
    assert [facilitator.answer_of(stored, q) for q in QUESTIONS] == ["", "", ""]


def test_answer_of_keeps_a_surrogate_pair_and_drops_lone_halves():
    state = {"answers": {"q1": "\ud83d\ude00 ok \ud83d", "q2": 42}}
    assert facilitator.answer_of(state, QUESTIONS[0]) == "\U0001F600 ok"
    assert facilitator.answer_of(state, QUESTIONS[1]) == "42"


# ---- percent(): as the learner was told it -----------------------------------------------------

@pytest.mark.parametrize("score, shown", [
    (None, None), (0.0, 0), (1.0, 100), (0.3333, 33), (0.6667, 67), (0.004, 0), (0.005, 1),
    (0.125, 13), (0.625, 63), (0.875, 88), (0.6249, 62), (0.6251, 63)])
def test_percent_is_a_whole_number_with_halves_rounded_up(score, shown):
    assert facilitator.percent(score) == shown


def test_percent_matches_what_the_learner_saw_for_every_stored_score():
    # The learner's page says "Self-assessment recorded: {Math.round(score * 100)}%"; scores
    # are kept to four decimals (content.score_of). grading.percent is Math.round's rule.
    assert [facilitator.percent(i / 10000) for i in range(10001)] == \
        [grading.percent(i / 10000) for i in range(10001)]


# ---- report_rows(): Open edX's problem-responses report ----------------------------------------

def report(states, limit=None):
    return [(name, list(row.items())) for name, row in facilitator.report_rows(states, QUESTIONS, limit)]


TWO = [UserState("zoe", done("2024-05-01T09:00:00+00:00", score=0.625, q1="Z1", q2="Z2", q3="Z3")),
       UserState("bob", {"answers": {"q1": "draft"}}),
       UserState("amy", {"submitted": True, "answers": {"q2": "\x1bA2\ud800"}})]


def test_report_has_one_row_per_answer_with_its_columns():
    assert report(TWO) == [
        ("zoe", [("Question", "1. What changed?"), ("Answer", "Z1"),
                 ("Submitted at", "2024-05-01T09:00:00+00:00"), ("Self-assessed score", "63%")]),
        ("zoe", [("Question", "2. What would you do?"), ("Answer", "Z2"),
                 ("Submitted at", "2024-05-01T09:00:00+00:00"), ("Self-assessed score", "63%")]),
        ("zoe", [("Question", "3. =Who decides?"), ("Answer", "Z3"),
                 ("Submitted at", "2024-05-01T09:00:00+00:00"), ("Self-assessed score", "63%")]),
        ("amy", [("Question", "1. What changed?"), ("Answer", ""),
                 ("Submitted at", ""), ("Self-assessed score", "")]),
        ("amy", [("Question", "2. What would you do?"), ("Answer", "A2"),
                 ("Submitted at", ""), ("Self-assessed score", "")]),
        ("amy", [("Question", "3. =Who decides?"), ("Answer", ""),
                 ("Submitted at", ""), ("Self-assessed score", "")]),
    ]


def test_report_score_of_zero_is_shown():
    [(_, row)] = report([UserState("amy", done(score=0.0, q1="x"))], limit=1)
    assert row[-1] == ("Self-assessed score", "0%")


@pytest.mark.parametrize("limit, count", [(None, 6), (0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5),
                                          (6, 6), (7, 6), (100, 6)])
def test_report_limit_counts_answers_exactly(limit, count):
    everything = report(TWO)
    assert report(TWO, limit) == everything[:count]


# ---- csv_text(): the debrief file --------------------------------------------------------------

def test_csv_has_a_byte_order_mark_headings_and_one_line_per_learner():
    states = [UserState("=alice", done("2024-05-01T08:00:00+00:00", score=0.625, q1="+1", q2="ok, \"fine\"")),
              UserState("bob", done("2024-05-01T09:00:00+00:00", q3="@SUM(A1)")),
              UserState("carl", done("2024-05-01T10:00:00+00:00", score=0.0, q1="-x", q2="\tTab"))]
    text = facilitator.csv_text(facilitator.rows(states, QUESTIONS), ["-Learner", "Submitted at", "Score"],
                                QUESTIONS)
    assert text == (
        "\ufeff'-Learner,Submitted at,Score,1. What changed?,2. What would you do?,3. =Who decides?\r\n"
        "'=alice,2024-05-01T08:00:00+00:00,63%,'+1,\"ok, \"\"fine\"\"\",\r\n"
        "bob,2024-05-01T09:00:00+00:00,,,,'@SUM(A1)\r\n"
        "carl,2024-05-01T10:00:00+00:00,0%,'-x,Tab,\r\n")  # surrounding space trimmed, as on input
    assert list(csv.reader(io.StringIO(text[1:])))[1][:3] == ["'=alice", "2024-05-01T08:00:00+00:00", "63%"]


def test_csv_of_nobody_is_the_headings_only():
    assert facilitator.csv_text([], ["Learner", "Submitted at", "Score"], QUESTIONS[:1]) == \
        "\ufeffLearner,Submitted at,Score,1. What changed?\r\n"


def test_csv_quotes_a_formula_in_the_time_cell_too():
    listed = [{"name": "amy", "submitted_at": "=NOW()", "percent": None, "answers": []}]
    assert facilitator.csv_text(listed, ["L", "T", "S"], []).splitlines()[1] == "amy,'=NOW(),"


# ---- now_iso(): the submission time ------------------------------------------------------------

def test_now_iso_is_utc_to_the_second():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    stamp = facilitator.now_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", stamp), stamp
    assert before <= datetime.fromisoformat(stamp) <= datetime.now(timezone.utc)
    assert datetime.fromisoformat(stamp) - before < timedelta(seconds=5)
