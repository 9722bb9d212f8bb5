"""Course content as gettext catalogs: one per module, each string with its context
(module | block | field), and the localized module XML built from a catalog. A translation that
is fuzzy, breaks the markup or would be changed by the sanitizer is not used: the English stays."""
import logging
from pathlib import Path

import polib
import re

from lxml import etree
from lxml import html as lxml_html

from xblocks.common.errors import ContentError
from xblocks.common.sanitize import sanitize_html
from xblocks.common.xmlcontent import parse_xml_string, rich_of, set_rich

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent
ATTRIBUTES = {"lmd_module": ["display_name"], "html": ["display_name"], "lmd_case_study": ["display_name"],
              "lmd_role_play": ["display_name"], "lmd_quiz": ["display_name"], "exhibit": ["title"],
              "role": ["name"], "competency": ["name"], "ending": ["title"]}
PLAIN = {"objective", "question", "point", "prompt", "text", "feedback", "explanation", "label", "item", "reflection"}
RICH = {"introduction", "html", "scenario", "exhibit", "analysis", "situation", "brief", "instructions", "debrief"}
BLOCKS = {"lmd_case_study", "lmd_role_play", "lmd_quiz", "html"}
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
TEMPLATE_HEADER = {"Project-Id-Version": "lmd-xblocks course content", "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
                   "Last-Translator": "", "Language-Team": "", "Content-Type": "text/plain; charset=UTF-8",
                   "MIME-Version": "1.0", "Content-Transfer-Encoding": "8bit"}


def _path(node, root):
    """Stable path of `node` below its block: tags with ids, e.g. q2/option/b/feedback."""
    parts = []
    while node is not None and node is not root and node.tag not in BLOCKS:
        if node.get("id"):
            parts.append(f"{node.tag}:{node.get('id')}")
        else:
            siblings = [s for s in node.getparent() if s.tag == node.tag] if node.getparent() is not None else [node]
            parts.append(f"{node.tag}[{siblings.index(node) + 1}]" if len(siblings) > 1 else node.tag)
        node = node.getparent()
    return "/".join(reversed(parts)) or "."


def _units(root):
    """(context, kind, node, attribute) for every translatable string of a module."""
    module_name = root.get("url_name", "")
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        block = node if node.tag in BLOCKS else next((a for a in node.iterancestors() if a.tag in BLOCKS), root)
        prefix = f"{module_name}|{block.get('url_name', module_name) if block is not root else module_name}|"
        for attribute in ATTRIBUTES.get(node.tag, []):
            if node.get(attribute):
                yield prefix + f"{_path(node, block)}@{attribute}", "attr", node, attribute
        if node.tag in RICH or (node.tag == "text" and len(node)):  # a role-play node's text holds paragraphs
            yield prefix + _path(node, block), "rich", node, None
        elif node.tag in PLAIN and not len(node) and (node.text or "").strip():
            yield prefix + _path(node, block), "plain", node, None


def _value(kind, node, attribute):
    if kind == "attr":
        return node.get(attribute)
    if kind == "rich":
        return rich_of(node, required=False)
    return " ".join(node.text.split())


def template(module_xml):
    """The catalog template of one module."""
    root = parse_xml_string(module_xml)
    catalog = polib.POFile()
    catalog.metadata = dict(TEMPLATE_HEADER)
    for context, kind, node, attribute in _units(root):
        value = _value(kind, node, attribute)
        if value:
            catalog.append(polib.POEntry(msgctxt=context, msgid=value, msgstr="",
                                         comment="rich text: keep the markup" if kind == "rich" else ""))
    return catalog


def localize(module_xml, catalog):
    """-> (localized XML, used, refused). English stays where there is no usable translation."""
    root = parse_xml_string(module_xml)
    translations = {(e.msgctxt, e.msgid): e for e in catalog if e.msgstr and not e.fuzzy and not e.obsolete}
    used, refused = 0, []
    for context, kind, node, attribute in list(_units(root)):
        entry = translations.get((context, _value(kind, node, attribute)))
        if entry is None:
            continue
        problem = translation_problem(kind, entry.msgstr)
        if problem:
            refused.append((context, problem))
            continue
        if kind == "attr":
            node.set(attribute, entry.msgstr)
        elif kind == "rich":
            for child in list(node):
                node.remove(child)
            set_rich(node, entry.msgstr)
        else:
            node.text = entry.msgstr
        used += 1
    return etree.tostring(root, encoding="unicode"), used, refused


def translation_problem(kind, text):
    """Why a translation cannot be used, or None."""
    if kind != "rich":
        return "markup in a plain-text field" if TAG.search(text) else None
    try:
        parse_xml_string(f"<wrapper>{text}</wrapper>")
    except ContentError as exc:
        return f"broken markup: {exc}"
    lost = _markup(text) - _markup(sanitize_html(text))
    if lost:
        return "markup the sanitizer would strip: " + ", ".join(sorted(lost))
    return None


def _markup(html):
    """Tags and tag@attribute names in `html`."""
    found = set()
    for element in lxml_html.fragments_fromstring(f"<div>{html}</div>")[0].iter():
        if isinstance(element.tag, str) and element.tag != "div":
            found.add(element.tag)
            found |= {f"{element.tag}@{name}" for name in element.attrib}
    return found


def language_catalog(locale, extra_dirs=(), root=ROOT):
    """Every content translation of `locale`: the course's catalogs, then a member's (the
    `<extra dir>/<locale>/*.po` of an overlay, which win). Contexts start with the module's
    url_name, so one merged list serves any module, whatever its file is called (an imported
    course's modules live in OLX verticals). None when no catalog exists (logged)."""
    folders = [Path(root) / "content" / locale, *(Path(d) / locale for d in extra_dirs)]
    paths = [p for folder in folders for p in sorted(folder.glob("*.po"))]
    if not paths:
        log.warning("no %s content catalog: the course stays in English", locale)
        return None
    merged = {}
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.fuzzy and not entry.obsolete:
                merged[(entry.msgctxt, entry.msgid)] = entry
    return list(merged.values())
