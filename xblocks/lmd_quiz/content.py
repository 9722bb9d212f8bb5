"""Quiz content: XML <-> plain data, and the checks that refuse invalid quizzes.

The data shape (a list of question dicts) is what the block stores, what the grader reads and
what the SCORM exporter embeds, so all three agree by construction.
"""
from lxml import etree

from ..common.errors import _
from ..common.xmlcontent import (
    ContentError, add_text, bool_attr, children, float_attr, format_bool, format_number, ident,
    int_attr, text_of, where,
)

QUESTION_TYPES = ("single", "multiple", "truefalse", "ordering")
# What a quiz is for: "" (the default) is a module's own quiz, graded; "pretest" and "posttest" are
# the course's pre-test and post-test, which measure learning gain and are never graded (see
# courses/lmd/FORMAT.md, "Pre-test and post-test").
PURPOSES = ("pretest", "posttest")
SETTINGS_DEFAULTS = {"max_attempts": 3, "pass_threshold": 0.7, "shuffle": True, "weight": 1.0, "purpose": ""}


def parse(node):
    """<lmd_quiz> element -> {'questions': [...], settings...}."""
    seen = set()
    questions = [_parse_question(q, seen) for q in children(node, "question")]
    if not questions:
        raise ContentError(_("{element} has no {tag} element."), element=where(node), tag="<question>")
    unknown = [c.tag for c in node if isinstance(c.tag, str) and c.tag != "question"]
    if unknown:
        raise ContentError(_("{element}: unexpected {tag} (a quiz holds {expected} elements)."), element=where(node),
                           tag=f"<{unknown[0]}>", expected="<question>")
    return {
        "questions": questions,
        "max_attempts": int_attr(node, "max_attempts", SETTINGS_DEFAULTS["max_attempts"], 0, 100),
        "pass_threshold": float_attr(node, "pass_threshold", SETTINGS_DEFAULTS["pass_threshold"], 0, 1),
        "shuffle": bool_attr(node, "shuffle", SETTINGS_DEFAULTS["shuffle"]),
        "weight": float_attr(node, "weight", SETTINGS_DEFAULTS["weight"], 0, 1000),
        "purpose": _purpose(node),
    }


def _purpose(node):
    purpose = node.get("purpose", SETTINGS_DEFAULTS["purpose"])
    if purpose and purpose not in PURPOSES:
        raise ContentError(_("{element}: {attribute} must be one of {values}."), element=where(node),
                           attribute=f"purpose={purpose!r}", values=", ".join(PURPOSES))
    return purpose


def is_course_test(data):
    """A pre-test or post-test (its content dict, or a block's lmd_progress() summary): it
    measures learning gain; it is not its module's quiz and is never graded."""
    return (data or {}).get("purpose") in PURPOSES


def _parse_question(node, seen):
    qid = ident(node, seen)
    qtype = node.get("type", "")
    if qtype not in QUESTION_TYPES:
        raise ContentError(_("{element}: unknown question type {type}; use one of {values}."), element=where(node),
                           type=repr(qtype), values=", ".join(QUESTION_TYPES))
    question = {
        "id": qid,
        "type": qtype,
        "objective": node.get("objective", ""),
        "prompt": text_of(node, "prompt"),
        "explanation": text_of(node, "explanation"),
    }
    tag = "item" if qtype == "ordering" else "option"
    wrong = "option" if qtype == "ordering" else "item"
    if children(node, wrong):
        raise ContentError(_("{element}: a {type} question takes {tag}, not {wrong}."), element=where(node), type=qtype,
                           tag=f"<{tag}>", wrong=f"<{wrong}>")
    option_ids = set()
    entries = []
    for child in children(node, tag):
        entry = {"id": ident(child, option_ids), "text": text_of(child, "text"),
                 "feedback": text_of(child, "feedback")}
        if tag == "option":
            entry["correct"] = bool_attr(child, "correct", False)
        entries.append(entry)
    question["items" if tag == "item" else "options"] = entries
    validate_question(question, node)
    return question


def validate_question(question, node=None):
    """Refuse a question without a valid answer key. `node` (if any) locates the error."""
    label = where(node) if node is not None else f'<question id="{question["id"]}">'
    qtype = question["type"]
    if qtype == "ordering":
        if len(question["items"]) < 3:
            raise ContentError(_("{element}: an ordering question needs at least three {tag} elements."), element=label,
                               tag="<item>")
        return
    options = question["options"]
    correct = [o for o in options if o["correct"]]
    if len(options) < 2:
        raise ContentError(_("{element}: the question needs at least two {tag} elements."), element=label, tag="<option>")
    if not correct:
        raise ContentError(_("{element}: no correct option (mark one with {attribute})."), element=label,
                           attribute='correct="true"')
    if qtype in ("single", "truefalse") and len(correct) != 1:
        raise ContentError(_("{element}: a {type} question has exactly one correct option, not {count}."), element=label,
                           type=qtype, count=len(correct))
    if qtype == "truefalse" and sorted(o["id"] for o in options) != ["false", "true"]:
        raise ContentError(_("{element}: a truefalse question has exactly the options {first} and {second}."),
                           element=label, first='id="true"', second='id="false"')


def serialize(data, node):
    """Twin of parse(): write settings and questions onto the <lmd_quiz> `node`."""
    node.set("max_attempts", str(data["max_attempts"]))
    node.set("pass_threshold", format_number(data["pass_threshold"]))
    node.set("shuffle", format_bool(data["shuffle"]))
    node.set("weight", format_number(data["weight"]))
    if data.get("purpose"):
        node.set("purpose", data["purpose"])
    for question in data["questions"]:
        q = etree.SubElement(node, "question", id=question["id"], type=question["type"])
        if question.get("objective"):
            q.set("objective", question["objective"])
        add_text(q, "prompt", question["prompt"])
        tag = "item" if question["type"] == "ordering" else "option"
        for entry in question["items" if tag == "item" else "options"]:
            child = etree.SubElement(q, tag, id=entry["id"])
            if entry.get("correct"):
                child.set("correct", "true")
            add_text(child, "text", entry["text"])
            add_text(child, "feedback", entry["feedback"])
        add_text(q, "explanation", question["explanation"])
    return node


def objectives_assessed(questions):
    return {q["objective"] for q in questions if q.get("objective")}


__all__ = ["parse", "serialize", "validate_question", "QUESTION_TYPES", "PURPOSES", "is_course_test",
           "objectives_assessed"]
