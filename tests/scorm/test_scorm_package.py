"""The package as strict importers and ADL's conformance suite read it: the schema control files
its manifest names are in it (with everything they import), the manifest validates against the
package's own copies, SCORM 2004 sequencing declares flow and choice between modules, the zip's
entries and the zip itself are readable, and a French or Spanish package carries no English."""
import io
import os
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from django.utils import translation
from lxml import etree

from courses.cli import main
from courses.licensing import keys
from courses.licensing.stamp import licence_record
from courses.lmd import model
from courses.olx_export import COURSE_ID
from scorm_export.archive import write_zip
from scorm_export.build import build_package
from scorm_export.cli import LICENCE_DEFAULT, SCO_STRINGS, package_info
from tests.unit.test_module import MODULE

XSD = Path(__file__).resolve().parents[2] / "scorm_export" / "xsd"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
IMPORTS = re.compile(r"<(?:xsd?:)?(?:import|include|redefine)\b[^>]*?schemaLocation\s*=\s*[\"']([^\"']+)[\"']")
CP2004, SS = "http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.imsglobal.org/xsd/imsss"


def build(version, lang="en"):
    with translation.override(lang):
        return build_package([model.parse_module(MODULE)], version, lang, package_info(translation.gettext))


def locations(xml_bytes):
    root = etree.fromstring(xml_bytes)
    pairs = (root.get(XSI) or "").split()
    return dict(zip(pairs[::2], pairs[1::2]))


def referenced_schemas(files, start):
    """Every schema file reachable from `start` (relative xs:import/xs:include locations)."""
    seen, todo = set(), list(start)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        assert name in files, f"the package lacks {name}"
        # read as text: SCORM 1.2's ims_xml.xsd binds the default namespace to the XML
        # namespace, which XML parsers refuse (see scorm_export/xsd/README.md)
        for location in IMPORTS.findall(files[name].decode("utf-8-sig")):
            if "://" not in location:
                todo.append(str(PurePosixPath(name).parent / location).removeprefix("./"))
    return seen


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_package_ships_every_schema_file_its_manifest_names(version):
    files = build(version)
    named = list(locations(files["imsmanifest.xml"]).values())
    if version == "1.2":
        named += list(locations(files["metadata.xml"]).values())
    assert named, "the manifest names its schemas"
    shipped = referenced_schemas(files, named)
    source = XSD / ("scorm12" if version == "1.2" else "scorm2004-4th")
    for name in shipped:  # unmodified copies of the official files
        assert files[name] == (source / name).read_bytes(), name


def test_the_2004_manifest_validates_against_the_schemas_inside_the_package(tmp_path):
    """As an offline importer would: only the package's files (the W3C xml.xsd, which
    imscp_v1p1.xsd imports by URL, from the package too)."""
    target = tmp_path / "pkg.zip"
    write_zip(build("2004"), target)
    unpacked = tmp_path / "pkg"
    zipfile.ZipFile(target).extractall(unpacked)
    manifest = (unpacked / "imsmanifest.xml").read_bytes()
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(unpacked / loc).as_uri()}"/>'
                      for ns, loc in locations(manifest).items())

    class InPackage(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url.startswith("http"):  # nothing from the network: the package's own copy
                return self.resolve_filename(str(unpacked / PurePosixPath(url).name), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(InPackage())
    schema = etree.XMLSchema(etree.fromstring(
        f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'.encode(), parser,
        base_url=str(unpacked) + "/"))
    assert schema.validate(etree.fromstring(manifest)), schema.error_log


def test_scorm_2004_sequencing_declares_flow_and_choice_between_modules():
    manifest = etree.fromstring(build("2004")["imsmanifest.xml"])
    organization = manifest.find(f"{{{CP2004}}}organizations/{{{CP2004}}}organization")
    control = organization.find(f"{{{SS}}}sequencing/{{{SS}}}controlMode")
    assert control is not None and control.get("flow") == "true" and control.get("choice") == "true"


def test_the_zip_and_its_entries_are_created_readable(tmp_path):
    target = tmp_path / "pkg.zip"
    old = os.umask(0o022)
    try:
        write_zip(build("2004"), target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    for info in zipfile.ZipFile(target).infolist():
        mode = info.external_attr >> 16
        assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644, (info.filename, oct(mode))


ENGLISH_DURATION = re.compile(r"\b\d+(?:\.\d+)? hours?\b")  # 'minutes' is French too


@pytest.fixture(scope="module")
def licence_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("licence")
    keys.generate(root / "sec.pem", root / "sec.pub")
    licence = licence_record("LIC-1", "Eastland", "EL", [COURSE_ID], ["import"], "2026-01-01", "2027-12-31", "s")
    (root / "lic.json").write_text(__import__("json").dumps(licence))
    return root


@pytest.mark.parametrize("version", ["1.2", "2004"])
@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_french_or_spanish_package_carries_no_english(tmp_path, licence_files, version, lang):
    target = tmp_path / "pkg.zip"
    assert main(["export", "scorm", "--scorm-version", version, "--lang", lang, "--quiet", "-o", str(target),
                 "--licence", str(licence_files / "lic.json"), "--signing-key", str(licence_files / "sec.pem")]) == 0
    files = {i.filename: zipfile.ZipFile(target).read(i) for i in zipfile.ZipFile(target).infolist()}
    pages = {n: d.decode() for n, d in files.items() if n.endswith("/index.html")}
    metadata = files["metadata.xml" if version == "1.2" else "imsmanifest.xml"].decode()
    sentences = [form for text in SCO_STRINGS.values() for form in (text if isinstance(text, tuple) else [text])]
    english = [LICENCE_DEFAULT, "Licence LIC-1: Eastland, valid until", *sentences,  # plural pairs: both forms
               "Leadership and Management Development"]
    for name, text in [*pages.items(), ("metadata", metadata)]:
        assert not ENGLISH_DURATION.search(text), (name, ENGLISH_DURATION.search(text).group(0))
        for sentence in english:
            assert sentence not in text, (name, sentence)
    root = etree.fromstring(metadata.encode())
    languages = {node.get("language") or node.get("{http://www.w3.org/XML/1998/namespace}lang")
                 for node in root.iter("{*}string", "{*}langstring")}
    assert languages <= {lang, "x-none", None}, languages
    assert root.find(".//{*}general/{*}language").text == lang
    assert "LIC-1" in metadata and "Eastland" in metadata  # the licence sentence, translated


def test_text_nobody_translated_yet_is_marked_english_in_the_metadata():
    """A language with no catalog at all: every LOM text is English, and says so."""
    with translation.override("pt"):
        files = build_package([model.parse_module(MODULE)], "2004", "pt", package_info(translation.gettext, "pt"))
    root = etree.fromstring(files["imsmanifest.xml"])
    strings = {node.text[:20]: node.get("language") for node in root.iter("{*}string") if node.get("language")}
    assert set(strings.values()) == {"en"}, strings
    assert root.find(".//{*}general/{*}language").text == "pt"


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_regional_locale_is_written_as_a_language_tag(version):
    """gettext says pt_PT; HTML, LOM (xs:language) and SCORM's {lang=pt-PT} say pt-PT."""
    from scorm_export.validate import validate_lom12, validate_manifest
    with translation.override("pt-pt"):
        files = build_package([model.parse_module(MODULE)], version, "pt_PT", package_info(translation.gettext, "pt_PT"))
    validate_manifest(files["imsmanifest.xml"], version)
    metadata = files["metadata.xml" if version == "1.2" else "imsmanifest.xml"]
    if version == "1.2":
        validate_lom12(metadata)
    assert b"<language>pt-PT</language>" in metadata
    assert not re.search(rb'(language="|lang="|<language>)pt_PT', metadata)
    page = files["m8a/index.html"].decode()
    assert '<html lang="pt-PT" dir="ltr">' in page and '"language": "pt-PT"' in page
