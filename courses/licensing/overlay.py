"""A member administration's changes, kept apart from the upstream course so that a newer
upstream version can be imported without losing them:

    <overlay>/overrides/<url_name>.xml   customized blocks or modules (replace upstream's)
    <overlay>/overrides.json             the upstream fingerprint each override was made from
    <overlay>/modules/*.xml              national modules that complete the course (number N1, N2…)
    <overlay>/translations/              the member's catalogs, laid out as `lmd translations --root`
                                         makes them (content/<locale>/*.po for the course and its modules)
    <overlay>/branding.json              the member's name and colours for the course pages

effective_course() applies the overlay to whatever upstream version is installed and reports,
by url_name, every override whose upstream original has changed or disappeared since."""
import hashlib
import json
from pathlib import Path

from lxml import etree

from courses.lmd import model
from xblocks.common.xmlcontent import parse_xml_string


def fingerprint(element):
    return hashlib.sha256(etree.tostring(element, method="c14n")).hexdigest()


def _find(root, url_name):
    if root.get("url_name") == url_name:
        return root
    return next((e for e in root.iter() if isinstance(e.tag, str) and e.get("url_name") == url_name), None)


def customize(overlay, upstream_modules, url_name, new_xml):
    """Store a customized block (or module), remembering which upstream version it replaces."""
    overlay = Path(overlay)
    replacement = parse_xml_string(new_xml)
    if replacement.get("url_name") != url_name:
        raise ValueError(f"the customized element must keep url_name={url_name!r}")
    original = next((found for m in upstream_modules
                     if (found := _find(parse_xml_string(m.xml), url_name)) is not None), None)
    if original is None:
        raise ValueError(f"no upstream block {url_name!r} to customize")
    (overlay / "overrides").mkdir(parents=True, exist_ok=True)
    (overlay / "overrides" / f"{url_name}.xml").write_text(new_xml, encoding="utf-8")
    bases = _bases(overlay)
    bases[url_name] = fingerprint(original)
    (overlay / "overrides.json").write_text(json.dumps(bases, indent=2, sort_keys=True), encoding="utf-8")


def _bases(overlay):
    path = Path(overlay) / "overrides.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def translation_dirs(overlay):
    """Where a member keeps its content catalogs (one folder per language)."""
    return [Path(overlay) / "translations" / "content"]


def effective_course(upstream_modules, overlay):
    """-> (modules, conflicts). Overrides apply; national modules follow the upstream ones."""
    overlay = Path(overlay)
    bases = _bases(overlay)
    overrides = {p.stem: p.read_text(encoding="utf-8") for p in sorted((overlay / "overrides").glob("*.xml"))}
    conflicts, applied, modules = [], set(), []
    for module in upstream_modules:
        root = parse_xml_string(module.xml)
        for url_name, xml in overrides.items():
            original = _find(root, url_name)
            if original is None:
                continue
            applied.add(url_name)
            if bases.get(url_name) != fingerprint(original):
                conflicts.append(f"{url_name}: changed upstream since it was customized (the customized "
                                 "version is kept; review it against the new upstream text)")
            replacement = parse_xml_string(xml)
            if original is root:
                root = replacement
            else:
                original.getparent().replace(original, replacement)
        modules.append(model.parse_module(etree.tostring(root, encoding="unicode"), module.path))
    for url_name in sorted(set(overrides) - applied):
        conflicts.append(f"{url_name}: no longer in the upstream course (the customization is not shown)")
    for path in sorted((overlay / "modules").glob("*.xml")):
        modules.append(model.load_module(path))
    return modules, conflicts


def branding(overlay):
    path = Path(overlay) / "branding.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
