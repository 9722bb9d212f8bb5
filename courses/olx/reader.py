"""Reading an OLX course back into modules: how a national server plays the course it imported
from a licensed package (the package holds the OLX that `lmd export olx` wrote: one chapter per
module, its units holding the module's overview, sections and activities; see shape.py). Parsed
with the same safe parser as every other XML here."""
from pathlib import Path

from lxml import etree

from xblocks.common.errors import ContentError
from xblocks.common.xmlcontent import parse_xml_string

from .shape import module_from_units


def olx_course_dir(directory):
    """The OLX course folder inside `directory` (itself, or its `course/` as in our packages),
    or None when `directory` is a folder of module files."""
    for candidate in (Path(directory), Path(directory) / "course"):
        if (candidate / "course.xml").is_file():
            return candidate
    return None


def _read(folder, kind, url_name):
    path = folder / kind / f"{url_name}.xml"
    if not path.resolve().is_relative_to(folder.resolve()):
        raise ContentError(f"{kind} {url_name!r} points outside the course")
    try:
        return parse_xml_string(path.read_text(encoding="utf-8")), path
    except FileNotFoundError as exc:
        raise ContentError(f"the course names {kind} {url_name!r} but {path.name} is missing") from exc


def read_olx_course(folder, catalog=None):
    """The modules of an OLX course, in its chapter order; localized by `catalog`."""
    from courses.lmd.model import localize_text, parse_module
    folder = Path(folder)
    run = parse_xml_string((folder / "course.xml").read_text(encoding="utf-8")).get("url_name", "")
    course, _path = _read(folder, "course", run)
    modules = []
    for chapter_ref in course.iterchildren("chapter"):
        chapter, path = _read(folder, "chapter", chapter_ref.get("url_name", ""))
        units = []
        for sequential_ref in chapter.iterchildren("sequential"):
            sequential, _path = _read(folder, "sequential", sequential_ref.get("url_name", ""))
            for vertical_ref in sequential.iterchildren("vertical"):
                vertical, _path = _read(folder, "vertical", vertical_ref.get("url_name", ""))
                units.extend(element for element in vertical if isinstance(element.tag, str))
        if not any(element.tag == "lmd_module" for element in units):
            continue  # a chapter a course team added in Studio, not an LMD module
        try:
            module = module_from_units(units)
        except ValueError as exc:
            raise ContentError(f"{path.name}: {exc}") from exc
        text = localize_text(etree.tostring(module, encoding="unicode"), catalog)
        modules.append(parse_module(text, path))
    if not modules:
        raise ContentError(f"{folder}: no <lmd_module> in any unit of the course")
    return modules
