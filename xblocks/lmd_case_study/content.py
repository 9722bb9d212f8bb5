"""Case-study content: XML <-> plain data, and the checks that refuse an unusable case study.

The data shape (dicts of plain values) is what the block stores, what its handlers check answers
and rubric points against, and what the SCORM exporter embeds for the local backend, so all three
agree by construction. parse() and serialize() are twins: serialize(parse(x)) parses back to the
same data (tests/unit/test_case_study.py checks every field).

Course-level rules (2 to 4 questions, at least one exhibit, 3 rubric points) live in the course
validator (courses/lmd/checks.py); here is what any case study needs to work at all.
"""
from lxml import etree

from ..common.errors import _
from ..common.xmlcontent import (
    ContentError, add_rich, add_text, children, float_attr, format_number, ident, int_attr, one,
    rich_of, text_of, where,
)

# Reflection answers: long enough for a paragraph, short enough to read in a workshop debrief
# (and SCORM 1.2 exports lower the limit further to fit cmi.suspend_data).
DEFAULT_MAX_LENGTH = 1500
MIN_MAX_LENGTH, MAX_MAX_LENGTH = 50, 10000
SETTINGS_DEFAULTS = {"weight": 1.0}
OWN_TAGS = ("scenario", "exhibit", "question", "rubric", "analysis")


def parse(node):
    """<lmd_case_study> element -> {'scenario', 'exhibits', 'questions', 'rubric', 'analysis', 'weight'}.

    Ids of exhibits, questions and rubric points share one namespace: they become element ids
    on the page, so a question and a rubric point called alike would clash there."""
    unknown = [c.tag for c in node if isinstance(c.tag, str) and c.tag not in OWN_TAGS]
    if unknown:
        raise ContentError(_("{element}: unexpected {tag} (a case study holds {expected})."), element=where(node),
                           tag=f"<{unknown[0]}>", expected=", ".join("<" + t + ">" for t in OWN_TAGS))
    seen = set()
    exhibits = [_parse_exhibit(e, seen) for e in children(node, "exhibit")]
    questions = [_parse_question(q, seen) for q in children(node, "question")]
    if not questions:
        raise ContentError(_("{element} has no reflection {tag} element."), element=where(node), tag="<question>")
    rubric_node = one(node, "rubric")
    strays = [c.tag for c in rubric_node if isinstance(c.tag, str) and c.tag != "point"]
    if strays:
        raise ContentError(_("{element}: unexpected {tag} (a rubric holds {expected} elements)."),
                           element=where(rubric_node), tag=f"<{strays[0]}>", expected="<point>")
    rubric = [_parse_point(p, seen) for p in children(rubric_node, "point")]
    if not rubric:
        raise ContentError(_("{element} has no {tag} element."), element=where(rubric_node), tag="<point>")
    return {
        "scenario": rich_of(node, "scenario"),
        "exhibits": exhibits,
        "questions": questions,
        "rubric": rubric,
        "analysis": rich_of(node, "analysis"),
        "weight": float_attr(node, "weight", SETTINGS_DEFAULTS["weight"], 0, 1000),
    }


def _parse_exhibit(node, seen):
    exhibit_id = ident(node, seen)
    title = " ".join(node.get("title", "").split())
    if not title:
        raise ContentError(_("{element} needs a title (for example {example})."), element=where(node),
                           example='title="Exhibit 1: ..."')
    return {"id": exhibit_id, "title": title, "html": rich_of(node)}


def _parse_question(node, seen):
    return {"id": ident(node, seen), "prompt": text_of(node),
            "max_length": int_attr(node, "max_length", DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH, MAX_MAX_LENGTH)}


def _parse_point(node, seen):
    # A weight of at least 0.1 keeps the total above zero, so the score is always defined.
    return {"id": ident(node, seen), "text": text_of(node), "weight": float_attr(node, "weight", 1.0, 0.1, 100)}


def serialize(data, node):
    """Twin of parse(): write the weight and the content onto the <lmd_case_study> `node`."""
    node.set("weight", format_number(data["weight"]))
    _add_rich(node, "scenario", data["scenario"])
    for exhibit in data["exhibits"]:
        _add_rich(node, "exhibit", exhibit["html"], id=exhibit["id"], title=exhibit["title"])
    for question in data["questions"]:
        add_text(node, "question", question["prompt"], id=question["id"], max_length=question["max_length"])
    rubric = etree.SubElement(node, "rubric")
    for point in data["rubric"]:
        add_text(rubric, "point", point["text"], id=point["id"], weight=format_number(point["weight"]))
    _add_rich(node, "analysis", data["analysis"])
    return node


def _add_rich(parent, tag, markup, **attrs):
    """add_rich(), with the markup framed by line breaks. A pretty-printing export (Open edX's,
    to_xml_string()) re-indents any element without text of its own, which would put new
    whitespace inside tables and lists; a text node turns that off for the whole subtree, and
    rich_of() strips the frame again, so export then import gives back the same markup."""
    node = add_rich(parent, tag, markup, **attrs)
    if len(node):
        node.text = "\n" + (node.text or "")
        node[-1].tail = (node[-1].tail or "") + "\n"
    return node


def score_of(rubric, points):
    """The self-assessment score: weight of the ticked points over the total weight, in [0, 1].
    Ids no longer in the rubric (after an edit) count for nothing. Four decimals, as the SCORM
    backend keeps (scorm_export/static/backends/case_study.js)."""
    weights = {p["id"]: p["weight"] for p in rubric}
    total = sum(weights.values())
    if not total:
        return 0.0
    return round(sum(weights.get(p, 0) for p in set(points)) / total, 4)


__all__ = ["parse", "serialize", "score_of", "DEFAULT_MAX_LENGTH"]
