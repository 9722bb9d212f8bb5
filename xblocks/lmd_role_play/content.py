"""Role-play content: XML <-> plain data, validated as a graph at parse time."""
from lxml import etree

from ..common.errors import _
from ..common.xmlcontent import (
    ContentError, add_rich, add_text, children, float_attr, format_number, ident, int_attr, one, rich_of,
    text_of, where,
)
from .graph import validate

OUTCOMES = ("success", "partial", "failure")


def parse(node):
    seen = set()
    roles = [{"id": ident(r, seen), "name": _attr(r, "name"), "brief": rich_of(r, "brief"),
              "instructions": rich_of(r, "instructions")} for r in children(node, "role")]
    if len(roles) < 2:
        raise ContentError(_("{element} needs at least two {tag} elements."), element=where(node), tag="<role>")
    competencies = [{"id": ident(c, seen), "name": _attr(c, "name")} for c in children(node, "competency")]
    if not competencies:
        raise ContentError(_("{element} needs at least one {tag} element."), element=where(node), tag="<competency>")
    role_ids, comp_ids = {r["id"] for r in roles}, {c["id"] for c in competencies}
    nodes = [_parse_node(n, seen, role_ids, comp_ids) for n in children(node, "node")]
    endings = [_parse_ending(e, seen) for e in children(node, "ending")]
    if len(endings) < 2:
        raise ContentError(_("{element} needs at least two {tag} elements."), element=where(node), tag="<ending>")
    learner_role = node.get("learner_role", "")
    if learner_role not in role_ids:
        raise ContentError(_("{element}: {attribute} is not one of the roles."), element=where(node),
                           attribute=f'learner_role="{learner_role}"')
    checklist = one(node, "observer_checklist", required=False)
    data = {
        "situation": rich_of(node, "situation"),
        "roles": roles, "competencies": competencies, "nodes": nodes, "endings": endings,
        # `start_node`, not `start`: every Open edX block inherits a `start` *date* field.
        # Course files written before the rename say start="n1"; that is still read.
        "start_node": node.get("start_node") or node.get("start") or (nodes[0]["id"] if nodes else ""),
        "learner_role": learner_role,
        "observer_checklist": [text_of(i) for i in children(checklist, "item")] if checklist is not None else [],
        "reflection_prompt": text_of(node, "reflection", required=False),
        "reflection_max_length": _reflection_limit(node),
        "weight": float_attr(node, "weight", 1.0, 0, 1000),
    }
    validate(data)
    return data


def _reflection_limit(node):
    reflection = one(node, "reflection", required=False)
    return int_attr(reflection, "max_length", 2000, 50, 10000) if reflection is not None else 2000


def _attr(node, name):
    value = (node.get(name) or "").strip()
    if not value:
        raise ContentError(_("{element} needs the attribute {name}."), element=where(node), name=name)
    return value


def _parse_node(node, seen, role_ids, comp_ids):
    speaker = node.get("speaker", "")
    if speaker and speaker not in role_ids:
        raise ContentError(_("{element}: {attribute} is not one of the roles."), element=where(node),
                           attribute=f'speaker="{speaker}"')
    choice_ids = set()
    choices = []
    for choice in children(node, "choice"):
        points = {}
        for p in children(choice, "points"):
            comp = p.get("competency", "")
            if comp not in comp_ids:
                raise ContentError(_("{choice} in {element}: unknown competency \"{competency}\"."),
                                   choice=where(choice), element=where(node), competency=comp)
            points[comp] = points.get(comp, 0) + int_attr(p, "value", 0, -5, 5)
        target = choice.get("target", "")
        if not target:
            raise ContentError(_("{choice} in {element} needs a target."), choice=where(choice), element=where(node))
        choices.append({"id": ident(choice, choice_ids), "target": target, "label": text_of(choice, "label"),
                        "feedback": text_of(choice, "feedback"), "points": points})
    if len(choices) < 2:
        raise ContentError(_("{element} needs at least two {tag} elements."), element=where(node), tag="<choice>")
    return {"id": ident(node, seen), "speaker": speaker, "text": rich_of(node, "text"), "choices": choices}


def _parse_ending(node, seen):
    outcome = node.get("outcome", "partial")
    if outcome not in OUTCOMES:
        raise ContentError(_("{element}: {attribute} must be one of {values}."), element=where(node),
                           attribute=f'outcome="{outcome}"', values=", ".join(OUTCOMES))
    ending = {"id": ident(node, seen), "title": _attr(node, "title"), "outcome": outcome}
    # A band: below `min_points` (competency points earned on the path), the run ends at the
    # ending named by `otherwise` instead (which may have its own band).
    min_points = int_attr(node, "min_points", None, -1000, 1000)
    otherwise = node.get("otherwise", "")
    if (min_points is None) != (not otherwise):
        raise ContentError(_("{element}: min_points and otherwise go together."), element=where(node))
    if min_points is not None:
        ending["min_points"], ending["otherwise"] = min_points, otherwise
    general = [d for d in children(node, "debrief") if not _is_passage(d)]
    if len(general) != 1:
        raise ContentError(_("{element} needs exactly one {tag} without when or unless; it has {count}."),
                           element=where(node), tag="<debrief>", count=len(general))
    ending["debrief"] = rich_of(general[0])
    passages = [_parse_passage(d, seen) for d in children(node, "debrief") if _is_passage(d)]
    if passages:
        ending["passages"] = passages
    return ending


def _is_passage(node):
    return node.get("when") is not None or node.get("unless") is not None


def _parse_passage(node, seen):
    """<debrief id when="n3:a n5:b" unless="n4:c">: shown when any `when` choice was made on the
    path (or no `when` is given) and none of the `unless` choices was."""
    passage = {"id": ident(node, seen), "text": rich_of(node)}
    for name in ("when", "unless"):
        steps = []
        for token in (node.get(name) or "").split():
            step = token.split(":")
            if len(step) != 2 or not all(step):
                raise ContentError(_("{element}: {attribute} lists node:choice pairs."), element=where(node),
                                   attribute=f'{name}="{node.get(name)}"')
            steps.append(step)
        if name == "when" and node.get("when") is not None and not steps:
            raise ContentError(_("{element}: when is empty."), element=where(node))
        passage[name] = steps
    return passage


def serialize(data, node):
    node.set("learner_role", data["learner_role"])
    node.set("start_node", data["start_node"])
    node.set("weight", format_number(data["weight"]))
    add_rich(node, "situation", data["situation"])
    for role in data["roles"]:
        r = etree.SubElement(node, "role", id=role["id"], name=role["name"])
        add_rich(r, "brief", role["brief"])
        add_rich(r, "instructions", role["instructions"])
    for comp in data["competencies"]:
        etree.SubElement(node, "competency", id=comp["id"], name=comp["name"])
    for item in data["nodes"]:
        n = etree.SubElement(node, "node", id=item["id"])
        if item["speaker"]:
            n.set("speaker", item["speaker"])
        add_rich(n, "text", item["text"])
        for choice in item["choices"]:
            c = etree.SubElement(n, "choice", id=choice["id"], target=choice["target"])
            add_text(c, "label", choice["label"])
            add_text(c, "feedback", choice["feedback"])
            for comp, value in choice["points"].items():
                etree.SubElement(c, "points", competency=comp, value=str(value))
    for ending in data["endings"]:
        e = etree.SubElement(node, "ending", id=ending["id"], title=ending["title"], outcome=ending["outcome"])
        if ending.get("min_points") is not None:
            e.set("min_points", str(ending["min_points"]))
            e.set("otherwise", ending["otherwise"])
        add_rich(e, "debrief", ending["debrief"])
        for passage in ending.get("passages", []):
            conditions = {name: " ".join(f"{n}:{c}" for n, c in passage[name])
                          for name in ("when", "unless") if passage[name]}
            add_rich(e, "debrief", passage["text"], id=passage["id"], **conditions)
    if data["observer_checklist"]:
        checklist = etree.SubElement(node, "observer_checklist")
        for item in data["observer_checklist"]:
            add_text(checklist, "item", item)
    if data["reflection_prompt"]:
        add_text(node, "reflection", data["reflection_prompt"], max_length=data["reflection_max_length"])
    return node
