"""`lmd export olx`: the course as an Open edX course archive (OLX, .tar.gz) that Studio imports.

Layout (Studio's own export layout, so an import followed by a Studio export looks familiar):

    course.xml                       pointer: org, course number, run
    course/<run>.xml                 course settings and one <chapter> pointer per module
    chapter/<m>-chapter.xml          "Module N: title" -> its subsections
    sequential/*.xml                 "Learn" (overview and sections), then one per activity; the
                                     module's quiz's is graded, format="Quiz"; the course pre-test's
                                     and post-test's are not (courses/olx/shape.py)
    vertical/*.xml                   one unit per section or activity, the block inline
    policies/<run>/policy.json, grading_policy.json, policies/assets.json
    static/course_image.png, about/*.html, info/*.html

Blocks sit inline in their units: our blocks' parse_xml reads the element it is given, and
inline XML is what Open edX's importer hands to it; each block's XML is the course source's own,
and keeps its url_name (learner state follows it). Data flows one way: the source is read
through courses/lmd/model.py and never written back.
"""
import argparse
import copy
import json
import re
import sys
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree

from xblocks.common.locales import direction
from xblocks.common.errors import ContentError
from xblocks.common.xmlcontent import parse_xml_string

from .licensing.cli import add_signing_arguments, stamp_if_licensed
from .lmd import model
from .olx import multilingual as multilingual_course
from .olx import shape
from .olx.about import pages
from .olx.archive import write_targz, write_tree
from .olx.image import course_image_png

__all__ = ["stage", "write_targz", "write_tree", "build_archive", "add_olx_parser", "COURSE_ID", "COURSE_VERSION"]

ORG, NUMBER, RUN = "LMD", "LMD101", "2026"
COURSE_ID, COURSE_VERSION = f"course-v1:{ORG}+{NUMBER}+{RUN}", "1.0.0"
TITLE = "Leadership and Management Development"
START, END = "2026-01-01T00:00:00Z", "2030-12-31T23:59:00Z"
COURSE_IMAGE = "course_image.png"
BLOCK_TAGS = ["lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"]
ALLOWED_XBLOCKS = BLOCK_TAGS + list(shape.SECTION_TAGS)  # what olxcleaner must accept in this course
GRADED_FORMAT = shape.GRADED_FORMAT
PASS_CUTOFF = 0.7
URL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")  # OLX file names: no ':' or '/'
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def course_settings(language):
    """The settings olxcleaner and Studio look for on the course. They are written both on
    course/<run>.xml and in policy.json, as Studio's own exports do; one dict feeds both so the
    two can never disagree (olxcleaner notes the duplicates as SettingOverride warnings)."""
    if not LANGUAGE.match(language or ""):
        raise ValueError(f"language {language!r} is not a language code such as en, fr or pt-br")
    with translation.override(language):
        title = _(TITLE)  # the course's name in its language (the interface catalogs have it)
    return {"display_name": title, "start": START, "end": END, "course_image": COURSE_IMAGE, "language": language}


def policy(language, multilingual=False):
    return {f"course/{RUN}": {
        **course_settings(language),
        # lmd_section: the text sections of a course that carries every language
        "advanced_modules": BLOCK_TAGS + ([multilingual_course.SECTION_TAG] if multilingual else []),
        # Learners take the modules at their own pace: no section dates or deadlines.
        "self_paced": True,
        # Enrolment is gated by the access app's CourseEnrollmentStarted filter (coordinator
        # approval); invitation_only would refuse even approved officers' enrolment.
        "invitation_only": False,
    }}


def grading_policy(graded_count):
    """One assignment type, "Quiz", worth the whole grade. min_count is the number of graded
    module sequentials (the modules' own quizzes: never the course pre-test or post-test), so the
    average runs over every module's quiz (an unattempted quiz counts as zero instead of being
    skipped)."""
    return {
        "GRADER": [{"type": GRADED_FORMAT, "short_label": GRADED_FORMAT, "min_count": max(1, graded_count),
                    "drop_count": 0, "weight": 1.0}],
        "GRADE_CUTOFFS": {"Pass": PASS_CUTOFF},
    }


def graded_count(modules):
    """How many graded subsections the course has: one per module quiz (shape.graded)."""
    return sum(1 for module in modules for _name, _title, graded, _units in
               shape.subsections(ident(module), _module_element(module)) if graded)


def ident(module):
    """The stem of a module's chapter/sequence/unit url_names: the module's own url_name (unique
    in the course by FORMAT.md), or mNN from its number when the source gives none."""
    return module.url_name or f"m{module.number.lower().zfill(2)}"


def check_structure(modules):
    """What would make the archive itself wrong (not the content: that is `lmd validate`'s job):
    no modules, url_names that cannot be OLX file names, or the same url_name twice (Studio
    would silently keep only one of two blocks; units and subsections are named after them)."""
    if not modules:
        raise ContentError("the course has no modules to export")
    seen = {}
    for module in modules:
        names = [("module", ident(module))] + [(part.tag, part.url_name) for part in module.parts]
        for tag, url_name in names:
            if not URL_NAME.match(url_name):
                raise ContentError(f"{module.path.name}: url_name {url_name!r} cannot name an OLX file "
                                   "(use letters, digits, '-', '_' or '.')")
            # Units and subsections are named after their block's url_name, whatever its type.
            if url_name in seen:
                raise ContentError(f"{module.path.name}: url_name {url_name!r} of <{tag}> is also used "
                                   f"in {seen[url_name]}")
            seen[url_name] = module.path.name


def _xml(element):
    return etree.tostring(element, encoding="UTF-8", pretty_print=True)


def _json(value):
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _module_element(module):
    """The module's own XML element, re-read with the safe parser (no DTD, no entities; comments
    dropped so no stray node lands in the vertical)."""
    root = parse_xml_string(model.XML_DECLARATION.sub("", module.xml))
    if root.tag != "lmd_module":
        raise ContentError(f"{module.path.name}: the root element must be <lmd_module>")
    return root


def _vertical(display_name, block):
    """One unit holding one block, serialized as parsed, not re-indented: its text, whitespace in
    rich text included, stays exactly as the author wrote it."""
    vertical = etree.Element("vertical", display_name=display_name)
    vertical.text = "\n"
    block = copy.deepcopy(block)
    block.tail = "\n"
    vertical.append(block)
    return etree.tostring(vertical, encoding="UTF-8") + b"\n"


def module_files(module, element=None):
    """{archive path: bytes} of one module's chapter, subsections and units; `element` is the
    module's element when it is not the module's own (its blocks with their translations)."""
    stem = ident(module)
    chapter = etree.Element("chapter", display_name=_("Module %(number)s: %(title)s") % {
        "number": module.number, "title": module.title})
    files = {}
    element = _module_element(module) if element is None else element
    for seq_name, seq_title, graded, units in shape.subsections(stem, element):
        etree.SubElement(chapter, "sequential", url_name=seq_name)
        sequential = etree.Element("sequential", display_name=seq_title)
        if graded:
            sequential.set("graded", "true")
            sequential.set("format", GRADED_FORMAT)
        for unit_name, unit_title, block in units:
            etree.SubElement(sequential, "vertical", url_name=unit_name)
            files[f"vertical/{unit_name}.xml"] = _vertical(unit_title, block)
        files[f"sequential/{seq_name}.xml"] = _xml(sequential)
    files[f"chapter/{stem}-chapter.xml"] = _xml(chapter)
    return files


def stage(modules, language="en", catalog=None, translated=None):
    """The course as {path inside the course folder: bytes}, modules in the order given
    (model.load_course() gives programme order: 1..8, 8A, 9..12, then national modules).
    `catalog` translates the course pages (default: the course's own catalogs of `language`).
    `translated` ({language: the same modules in that language}): one course run in every
    language, each block carrying its translations and text sections as lmd_section blocks."""
    check_structure(modules)
    elements = multilingual_course.course_elements(modules, translated) if translated else {}
    with translation.override(language):  # the names and sentences the exporter writes itself
        files = {"course.xml": _xml(etree.Element("course", url_name=RUN, org=ORG, course=NUMBER))}
        course = etree.Element("course", **course_settings(language))
        for module in modules:
            etree.SubElement(course, "chapter", url_name=f"{ident(module)}-chapter")
            written = module_files(module, elements.get(module.path))
            if clash := files.keys() & written.keys():
                raise ContentError(f"{module.path.name}: {sorted(clash)[0]} would be written twice "
                                   "(two blocks' url_names make the same unit name)")
            files.update(written)
        files[f"course/{RUN}.xml"] = _xml(course)
        graded = graded_count(modules)
        files[f"policies/{RUN}/policy.json"] = _json(policy(language, multilingual=bool(translated)))
        files[f"policies/{RUN}/grading_policy.json"] = _json(grading_policy(graded))
        files["policies/assets.json"] = _json({COURSE_IMAGE: {
            "contentType": "image/png", "displayname": COURSE_IMAGE, "locked": False,
            "import_path": None, "thumbnail_location": None}})
        files[f"static/{COURSE_IMAGE}"] = course_image_png()
        files.update(pages(modules, START, catalog if catalog is not None else model.catalog_for(language)))
    if direction(language) == "rtl":  # Arabic, Hebrew...: the text reads right to left on any page
        for path in [p for p in files if p.startswith("vertical/") and p.endswith(".xml")]:
            files[path] = _right_to_left_sections(files[path], language)
        files["about/overview.html"] = (f'<div dir="rtl" lang="{language}">\n'.encode()
                                        + files["about/overview.html"] + b"</div>\n")
    return files


def _right_to_left_sections(vertical_xml, language):
    """A unit whose text sections (<html> components) are wrapped in <div dir="rtl" lang="..">:
    they read right to left whatever the language of the platform's own interface."""
    root = parse_xml_string(vertical_xml)
    sections = [node for node in root if node.tag == "html"]
    if not sections:
        return vertical_xml
    for section in sections:
        wrapper = etree.Element("div", dir="rtl", lang=language)
        wrapper.text, section.text = section.text, None
        for child in list(section):
            wrapper.append(child)
        section.append(wrapper)
    return _xml(root)


def build_archive(target, modules_dir=None, language="en", overlay=None, sign=None, also=()):
    """Read the course source, stage it and write the archive at `target` (atomically).
    `sign` is an optional files -> files step (the licence stamp); `also`: more languages that the
    one course run serves (its blocks carry them). Returns the modules."""
    directory = Path(modules_dir) if modules_dir else model.MODULES_DIR
    if not model.module_paths(directory):
        raise ContentError(f"no module files (*.xml) in {directory}")
    catalog = model.catalog_for(language, overlay)  # read once: for the modules and the course pages
    modules = model.course_for(modules_dir, lang=language, overlay=overlay, catalog=catalog)
    translated = {other: model.course_for(modules_dir, lang=other, overlay=overlay,
                                          catalog=multilingual_course.content_catalog(other, overlay))
                  for other in also if other != language}
    files = {f"course/{name}": data for name, data in stage(modules, language, catalog, translated).items()}
    if sign is not None:
        files = sign(files)
    write_targz(files, target, root=None)
    return modules


def language_list(text):
    """`en,fr,es` -> ["en", "fr", "es"]; the course source's English is always one of them."""
    languages = [code.strip() for code in text.split(",") if code.strip()]
    wrong = [code for code in languages if not LANGUAGE.match(code)]
    if wrong or not languages:
        raise argparse.ArgumentTypeError(f"{wrong[0] if wrong else text!r} is not a language code such as en, fr or pt-br")
    return list(dict.fromkeys(["en", *languages]))


def add_olx_parser(export_subparsers):
    """`lmd export olx`: call with the subparsers of `lmd export`."""
    parser = export_subparsers.add_parser("olx", help="Open edX course archive for Studio import")
    parser.add_argument("-o", "--output", required=True, help="the .tar.gz to write")
    languages = parser.add_mutually_exclusive_group()
    languages.add_argument("--lang", default="en", help="course language (content catalogs applied where they exist)")
    languages.add_argument("--languages", type=language_list,
                           help="one course run in these languages, e.g. en,fr,es: each learner reads the "
                                "blocks in the language the platform sets for them")
    parser.add_argument("--modules-dir", help="course source folder (default: the LMD course)")
    add_signing_arguments(parser)
    parser.set_defaults(func=cmd_export_olx)
    return parser


def cmd_export_olx(args):
    """Exit 1 with one clear line when a module does not parse or nothing can be written; the
    output path is then left as it was (no partial archive)."""
    from .django_setup import overlay_catalogs
    try:
        with overlay_catalogs(args.overlay):
            modules = build_archive(args.output, args.modules_dir, "en" if args.languages else args.lang, args.overlay,
                                    sign=lambda files: stamp_if_licensed(args, files, COURSE_ID, COURSE_VERSION),
                                    also=args.languages or ())
    except (ContentError, ValueError, OSError) as exc:
        print(f"lmd: error: {exc}", file=sys.stderr)
        return 1
    graded = graded_count(modules)
    print(f"wrote {args.output} ({len(modules)} modules, {graded} graded quizzes)")
    return 0
