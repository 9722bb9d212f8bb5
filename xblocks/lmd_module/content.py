"""Module content of its own (number, objectives, introduction): XML <-> plain data.
Children (html sections and activities) are blocks of their own and parsed by the runtime."""
import json
import re

from lxml import etree

from ..common.errors import _
from ..common.xmlcontent import (
    ContentError, add_rich, add_text, children, ident, rich_of, text_of, where,
)

# 1 to 12 and 8A are the programme's modules; N1, N2… are national modules a member adds.
NUMBER_PATTERN = re.compile(r"^(?:[1-9]|1[0-2]|8A|N[1-9][0-9]?)$")
OWN_TAGS = ("objectives", "introduction", "translation")  # translation: xblocks/common/localized.py


def parse(node):
    """The module's own content, from the course source's elements (<objectives>,
    <introduction>) or from the attributes a platform export writes (serialize_as_attributes)."""
    if node.get("objectives") is not None and not children(node, "objectives"):
        node = _with_elements(node)
    number = node.get("number", "")
    if not NUMBER_PATTERN.match(number):
        raise ContentError(_("{element}: {attribute} must be 1 to 12 or 8A (N1, N2… for a national module)."),
                           element=where(node), attribute=f"number={number!r}")
    wrappers = children(node, "objectives")
    if len(wrappers) != 1:
        raise ContentError(_("{element} needs exactly one {tag} element."), element=where(node), tag="<objectives>")
    seen = set()
    objectives = [{"id": ident(o, seen), "text": text_of(o)} for o in children(wrappers[0], "objective")]
    if not objectives:
        raise ContentError(_("{element} lists no {tag} element."), element=where(wrappers[0]), tag="<objective>")
    return {
        "number": number,
        "duration": node.get("duration", ""),
        "objectives": objectives,
        "introduction": rich_of(node, "introduction", required=False),
    }


def serialize(data, node):
    node.set("number", data["number"])
    if data.get("duration"):
        node.set("duration", data["duration"])
    wrapper = etree.SubElement(node, "objectives")
    for objective in data["objectives"]:
        add_text(wrapper, "objective", objective["text"], id=objective["id"])
    if data.get("introduction"):
        add_rich(node, "introduction", data["introduction"])
    return node


def serialize_as_attributes(data, node):
    node.set("number", data["number"])
    if data.get("duration"):
        node.set("duration", data["duration"])
    node.set("objectives", json.dumps(data["objectives"], ensure_ascii=False))
    if data.get("introduction"):
        node.set("introduction", data["introduction"])
    return node


def _with_elements(node):
    """A copy of an attribute-form module element in the element form parse() reads."""
    try:
        objectives = json.loads(node.get("objectives"))
    except ValueError as exc:
        raise ContentError(_("{element}: objectives is not valid JSON ({problem})."), element=where(node), problem=str(exc)) from exc
    if not isinstance(objectives, list) or not all(
            isinstance(o, dict) and isinstance(o.get("id"), str) and isinstance(o.get("text"), str) for o in objectives):
        raise ContentError(_("{element}: objectives must be a list of {shape}."), element=where(node),
                           shape='{"id", "text"}')
    copy = etree.Element(node.tag, {k: v for k, v in node.attrib.items() if k not in ("objectives", "introduction")})
    wrapper = etree.SubElement(copy, "objectives")
    for objective in objectives:
        add_text(wrapper, "objective", objective["text"], id=objective["id"])
    if node.get("introduction"):
        add_rich(copy, "introduction", node.get("introduction"))
    return copy


def child_nodes(node):
    """The elements that are child blocks, in order."""
    return [c for c in node if isinstance(c.tag, str) and c.tag not in OWN_TAGS]
