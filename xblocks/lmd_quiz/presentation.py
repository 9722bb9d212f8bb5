"""What a learner is shown of a quiz: question order, and results that reveal the answer key
only once the learner has used the last attempt, or has passed and asked for it
(LmdQuizBlock.answers_revealed)."""
import random

from .grading import answer_key


def learner_order(questions, seed, shuffle):
    """Questions (and their options) in this learner's stable order. Ordering items are always
    scrambled, or the question would show its own answer."""
    rng = random.Random(seed)
    ordered = [dict(q) for q in questions]
    if shuffle:
        rng.shuffle(ordered)
    for question in ordered:
        if question["type"] == "ordering":
            items = list(question["items"])
            rng.shuffle(items)
            if [i["id"] for i in items] == [i["id"] for i in question["items"]]:
                items = items[1:] + items[:1]
            question["items"] = items
        elif shuffle and question["type"] != "truefalse":
            options = list(question["options"])
            rng.shuffle(options)
            question["options"] = options
    return ordered


def public_question(question):
    """A question without its answer key: what the browser may hold before the reveal."""
    public = {"id": question["id"], "type": question["type"], "prompt": question["prompt"]}
    key = "items" if question["type"] == "ordering" else "options"
    public[key] = [{"id": entry["id"], "text": entry["text"]} for entry in question[key]]
    return public


def question_feedback(question, answer, result, revealed):
    """Feedback for one graded question: the chosen options' feedback always; the explanation,
    the key and the ordering items' feedback only once revealed."""
    shown = {"correct": result["correct"], "score": result["score"]}
    if question["type"] == "ordering":
        expected = [item["id"] for item in question["items"]]
        shown["placed"] = sum(1 for want, got in zip(expected, answer or []) if want == got)
        shown["total"] = len(expected)
        if revealed:
            shown["feedback"] = {item["id"]: item["feedback"] for item in question["items"]}
    else:
        chosen = answer if isinstance(answer, list) else [answer]
        shown["feedback"] = {o["id"]: o["feedback"] for o in question["options"] if o["id"] in chosen}
    if revealed:
        shown["key"] = answer_key(question)
        shown["explanation"] = question["explanation"]
    return shown


def learner_state(block, questions=None):
    """The state the front end renders, on load and after each submission alike."""
    revealed = block.answers_revealed()
    by_id = {q["id"]: q for q in (questions if questions is not None else block.localized()["questions"])}
    responses = block.responses
    results = {}
    for qid, result in (block.results or {}).items():
        if qid in by_id:
            results[qid] = question_feedback(by_id[qid], responses.get(qid), result, revealed)
    return {
        "attempts": block.attempts,
        "max_attempts": block.max_attempts,
        "attempts_left": block.attempts_left(),
        "score": block.last_score,
        "best_score": block.raw_score,
        "passed": bool(block.passed),
        "pass_threshold": block.pass_threshold,
        "revealed": revealed,
        "responses": responses,
        "results": results,
    }
