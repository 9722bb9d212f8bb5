"""The grading specification, in Python. `public/grading.js` is its twin for SCORM packages
(no server there); both are run against `grading_vectors.json` so they cannot drift apart.

A response is: an option id (single, truefalse), a list of option ids (multiple), or the list
of all item ids in the learner's order (ordering). Scores are in [0, 1].
"""
import math


from ..common.errors import InputError


class ResponseError(InputError):
    """A submitted response that does not fit the quiz (unknown ids, wrong shape)."""


def check_responses(questions, responses):
    """Refuse anything that is not a response to this quiz. Returns the cleaned responses."""
    if not isinstance(responses, dict):
        raise ResponseError("'responses' must be an object mapping question ids to answers")
    by_id = {q["id"]: q for q in questions}
    unknown = sorted(set(responses) - set(by_id))
    if unknown:
        raise ResponseError(f"unknown question id {unknown[0]!r}")
    cleaned = {}
    for qid, answer in responses.items():
        cleaned[qid] = _check_one(by_id[qid], answer)
    return cleaned


def _check_one(question, answer):
    qtype, qid = question["type"], question["id"]
    if qtype == "ordering":
        ids = [item["id"] for item in question["items"]]
        if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(ids):
            raise ResponseError(f"question {qid!r}: an ordering answer lists each item id exactly once")
        return [str(a) for a in answer]
    ids = {option["id"] for option in question["options"]}
    if qtype == "multiple":
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            raise ResponseError(f"question {qid!r}: a multiple-response answer is a list of option ids")
        bad = sorted(set(answer) - ids)
        if bad:
            raise ResponseError(f"question {qid!r}: unknown option id {bad[0]!r}")
        if len(set(answer)) != len(answer):
            raise ResponseError(f"question {qid!r}: an option is listed twice")
        return sorted(answer)
    if not isinstance(answer, str):
        raise ResponseError(f"question {qid!r}: the answer is one option id")
    if answer not in ids:
        raise ResponseError(f"question {qid!r}: unknown option id {answer!r}")
    return answer


def grade_question(question, answer):
    """-> (score in [0,1], correct: bool). `answer` None means unanswered."""
    if answer is None:
        return 0.0, False
    qtype = question["type"]
    if qtype == "ordering":
        expected = [item["id"] for item in question["items"]]
        placed = sum(1 for want, got in zip(expected, answer) if want == got)
        return placed / len(expected), placed == len(expected)
    correct_ids = {o["id"] for o in question["options"] if o["correct"]}
    if qtype == "multiple":
        chosen = set(answer)
        hits, false_picks = len(chosen & correct_ids), len(chosen - correct_ids)
        score = max(0.0, (hits - false_picks) / len(correct_ids))
        return score, chosen == correct_ids
    right = answer in correct_ids
    return (1.0 if right else 0.0), right


def percent(share):
    """A share as the learner sees it: a whole percent, halves rounded up as JavaScript's
    Math.round does (Python's round() would turn 62.5 into 62)."""
    return math.floor((share or 0) * 100 + 0.5)


def passes(score, pass_threshold):
    """The one pass rule (the page, Open edX and every SCORM LMS): the score as the learner sees
    it reaches the pass mark as the learner sees it, so a score shown as 70 % passes a 70 % mark."""
    return percent(score) >= percent(pass_threshold)


def grade_quiz(questions, responses, pass_threshold):
    """-> {'score', 'passed', 'results': {qid: {'score', 'correct'}}}. The quiz score is the
    mean of question scores; unanswered questions count as 0."""
    results = {}
    for question in questions:
        score, correct = grade_question(question, responses.get(question["id"]))
        results[question["id"]] = {"score": round(score, 4), "correct": correct}
    total = sum(r["score"] for r in results.values()) / len(questions) if questions else 0.0
    total = round(total, 4)
    return {"score": total, "passed": passes(total, pass_threshold), "results": results}


def answer_key(question):
    """What the learner may see once answers are revealed."""
    if question["type"] == "ordering":
        return [item["id"] for item in question["items"]]
    return sorted(o["id"] for o in question["options"] if o["correct"])
