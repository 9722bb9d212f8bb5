"""The LMD course source as plain data: each module file parsed by the blocks' own content
parsers (no runtime needed), so checks and exporters read exactly what the blocks will hold."""
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from xblocks.common.xmlcontent import ContentError, parse_xml_string, rich_of, where
from xblocks.lmd_module import content as module_content

COURSE_DIR = Path(__file__).resolve().parent
MODULES_DIR = COURSE_DIR / "modules"
BLOCK_CONTENT = {
    "lmd_quiz": "xblocks.lmd_quiz.content",
    "lmd_case_study": "xblocks.lmd_case_study.content",
    "lmd_role_play": "xblocks.lmd_role_play.content",
}
MODULE_ORDER = ["1", "2", "3", "4", "5", "6", "7", "8", "8A", "9", "10", "11", "12"]


@dataclass
class Part:
    tag: str
    url_name: str
    display_name: str
    data: object  # rich text (html) or the block's parsed content dict


@dataclass
class Module:
    path: Path
    url_name: str
    number: str
    title: str
    duration: str
    objectives: list
    introduction: str
    parts: list = field(default_factory=list)
    xml: str = ""

    def parts_of(self, tag):
        return [p for p in self.parts if p.tag == tag]


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


def parse_module(text, path=Path("<string>")):
    # Runtimes parse str without an encoding declaration; the file's own is dropped here.
    text = XML_DECLARATION.sub("", text)
    root = parse_xml_string(text)
    if root.tag != "lmd_module":
        raise ContentError(f"{path.name}: the root element must be <lmd_module>, not <{root.tag}>")
    own = module_content.parse(root)
    module = Module(path=path, url_name=root.get("url_name", ""), number=own["number"],
                    title=root.get("display_name", ""), duration=own["duration"],
                    objectives=own["objectives"], introduction=own["introduction"], xml=text)
    for node in module_content.child_nodes(root):
        if node.tag == "html":
            data = rich_of(node)
        elif node.tag in BLOCK_CONTENT:
            data = importlib.import_module(BLOCK_CONTENT[node.tag]).parse(node)
        else:
            raise ContentError(f"{where(node)}: a module holds html, lmd_case_study, lmd_role_play and lmd_quiz")
        if not node.get("url_name"):
            raise ContentError(f"{where(node)} needs a url_name")
        module.parts.append(Part(node.tag, node.get("url_name"), node.get("display_name", ""), data))
    return module


def load_module(path, catalog=None):
    """One module file; `catalog` (translations.content.language_catalog) localizes it."""
    path = Path(path)
    try:
        return parse_module(localize_text(path.read_text(encoding="utf-8"), catalog), path)
    except ContentError as exc:
        raise ContentError(f"{path.name}: {exc}") from exc


def module_paths(directory=MODULES_DIR):
    return sorted(Path(directory).glob("*.xml"))


def catalog_for(lang, overlay=None):
    """The content catalog of `lang` (the course's own, then the member's in `overlay`), or None
    for English."""
    if not lang or lang == "en":
        return None
    from courses.licensing.overlay import translation_dirs
    from translations.content import language_catalog
    return language_catalog(lang, translation_dirs(overlay) if overlay else ())


def load_course(directory=MODULES_DIR, lang=None, catalog=None):
    """All modules, in programme order (1..8, 8A, 9..12); in `lang` where a content catalog
    translates them (English otherwise, logged). `directory` holds module files, or is an
    imported OLX course (a folder with course.xml, or with course/course.xml)."""
    from courses.olx.reader import olx_course_dir, read_olx_course
    catalog = catalog if catalog is not None else catalog_for(lang)
    olx = olx_course_dir(directory)
    if olx is not None:
        modules = read_olx_course(olx, catalog)
    else:
        modules = [load_module(p, catalog) for p in module_paths(directory)]
    return sorted(modules, key=programme_position)


def programme_position(module):
    """Programme modules in their order, then national modules (N1, N2…)."""
    if module.number in MODULE_ORDER:
        return (0, MODULE_ORDER.index(module.number))
    return (1, int(module.number[1:]))


def course_for(modules_dir=None, lang=None, overlay=None, catalog=None):
    """The course as served or exported: upstream source (module files or an imported OLX
    course), in `lang` (with the member's own translations from the overlay; or `catalog`, when
    the caller has it already), with a member's customizations and national modules."""
    from courses.licensing.overlay import effective_course
    catalog = catalog if catalog is not None else catalog_for(lang, overlay)
    if not overlay:
        return load_course(modules_dir or MODULES_DIR, catalog=catalog)  # localized as each file is read
    modules, _conflicts = effective_course(load_course(modules_dir or MODULES_DIR), overlay)
    # Localized after the overlay applies, so that customized blocks and national modules are too.
    return [localized(module, catalog) for module in modules] if catalog else modules


def localized(module, catalog):
    return parse_module(localize_text(module.xml, catalog), module.path)


def localize_text(module_xml, catalog):
    """The module's XML in the catalog's language (unchanged without a catalog)."""
    if not catalog:
        return module_xml
    from translations.content import localize
    return localize(XML_DECLARATION.sub("", module_xml), catalog)[0]
