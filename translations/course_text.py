"""The course-level description (courses/lmd/course/: the about page, the licence terms, the
card text) as catalog entries, and the same texts in a language. One template, course.pot, beside
the modules' templates; contexts start with "course|", so the merged catalog of a language
(content.language_catalog) carries these entries too."""
import re
from pathlib import Path

import polib

from xblocks.common.xmlcontent import parse_xml_string, rich_of, set_rich

from .content import TEMPLATE_HEADER, translation_problem

COURSE_DIR = Path(__file__).resolve().parents[1] / "courses" / "lmd" / "course"
STEM = "course"
# The exporter's marks in about.html are comments, which the safe parser drops: they travel
# through parsing as empty elements and come back as the same comments.
MARK = re.compile(r"<!--\s*(programme|licence)\b.*?-->", re.DOTALL)
MARK_ELEMENT = re.compile(r"<lmd-mark name=\"(\w+)\"/>")


def _parse_about(directory):
    text = MARK.sub(lambda m: f'<lmd-mark name="{m.group(1)}"/>', read("about.html", directory))
    return parse_xml_string(f"<about>{text}</about>")


def squeeze(text):
    """Runs of spaces and line breaks as one space; non-breaking spaces stay (str.split would
    take them too)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def read(name, directory=COURSE_DIR):
    return (Path(directory) / name).read_text(encoding="utf-8")


def licence_paragraphs(text):
    return [squeeze(block) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def _about_units(root):
    """(context, element) for each heading and paragraph of each <section> of about.html."""
    for section in root.iterchildren("section"):
        name = section.get("class", "")
        counts = {}
        for element in section:
            if not isinstance(element.tag, str):
                continue
            counts[element.tag] = counts.get(element.tag, 0) + 1
            yield f"course|about|{name}/{element.tag}[{counts[element.tag]}]", element


def _text(element):
    return squeeze(rich_of(element, required=False))


def _kind(element):
    """"rich" when the heading or paragraph holds markup (a link, emphasis), else "plain"."""
    return "rich" if any(isinstance(child.tag, str) for child in element) else "plain"


def template(directory=COURSE_DIR):
    """The catalog template of the course-level description."""
    catalog = polib.POFile()
    catalog.metadata = dict(TEMPLATE_HEADER)
    for context, element in _about_units(_parse_about(directory)):
        catalog.append(polib.POEntry(msgctxt=context, msgid=_text(element), msgstr="",
                                     comment="rich text: keep the markup" if _kind(element) == "rich" else ""))
    catalog.append(polib.POEntry(msgctxt="course|card", msgid=squeeze(read("short_description.txt", directory)),
                                 msgstr="", comment="one sentence on the course card"))
    for index, paragraph in enumerate(licence_paragraphs(read("licence.txt", directory)), start=1):
        catalog.append(polib.POEntry(msgctxt=f"course|licence|p[{index}]", msgid=paragraph, msgstr=""))
    return catalog


def course_texts(catalog=None, directory=COURSE_DIR):
    """{"about": about.html, "card": the card sentence, "licence": [paragraphs]} in the catalog's
    language; English wherever an entry is missing, fuzzy or would not survive the sanitizer."""
    usable = {}
    for entry in catalog or ():
        if entry.msgctxt and entry.msgctxt.startswith("course|") and entry.msgstr and not entry.fuzzy:
            usable[(entry.msgctxt, entry.msgid)] = entry.msgstr

    def pick(context, source, kind="plain"):
        text = usable.get((context, source))
        return text if text is not None and translation_problem(kind, text) is None else source

    root = _parse_about(directory)
    for context, element in _about_units(root):
        kind = _kind(element)
        translated = pick(context, _text(element), kind)
        for child in list(element):
            element.remove(child)
        if kind == "rich":
            set_rich(element, translated)
        else:
            element.text = translated
    about = MARK_ELEMENT.sub(lambda m: f"<!-- {m.group(1)} -->", rich_of(root, required=False))
    card = squeeze(read("short_description.txt", directory))
    licence = [pick(f"course|licence|p[{i}]", p) for i, p in enumerate(licence_paragraphs(read("licence.txt", directory)),
                                                                     start=1)]
    return {"about": about, "card": pick("course|card", card), "licence": licence}
