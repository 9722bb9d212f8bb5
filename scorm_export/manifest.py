"""imsmanifest.xml (and, for SCORM 1.2, its metadata file) for the LMD packages.

Open edX's SCORM player launches the first resource, so the SCO resources come before the
shared asset resource; schemaversion is written exactly as each edition spells it. The schema
files the manifest names in xsi:schemaLocation travel in the package (build.py adds them, listed
here as their own asset resource), as ADL's conformance test suite and strict importers require.
Each LOM text says which language it is in: the package's, or English where no translation
exists yet."""
from dataclasses import dataclass, field

from lxml import etree

SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}
METADATA_FILE_12 = "metadata.xml"

NS12 = {
    None: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
LOCATIONS12 = ("http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
               "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")
NS2004 = {
    None: "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
LOCATIONS2004 = ("http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
                 "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
                 "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
                 "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
                 "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd "
                 "http://ltsc.ieee.org/xsd/LOM lom.xsd")
LOM = "http://ltsc.ieee.org/xsd/LOM"
LOM12 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
LOCATION_LOM12 = f"{LOM12} imsmd_rootv1p2p1.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Sco:
    identifier: str
    title: str
    href: str
    files: list
    mastery: int | None = None  # pass mark as a whole percent (pass_rule.percent)


@dataclass
class PackageInfo:
    identifier: str
    title: str
    language: str
    description: str
    version: str
    licence: str
    scos: list = field(default_factory=list)
    shared_files: list = field(default_factory=list)
    schema_files: list = field(default_factory=list)
    # the language each text is really in ("title", "description", "licence"); default: `language`
    text_languages: dict = field(default_factory=dict)

    def language_of(self, text_name):
        return self.text_languages.get(text_name, self.language)


def _sub(parent, ns, tag, text=None, **attrs):
    node = etree.SubElement(parent, f"{{{ns}}}{tag}" if ns else tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def build_manifest(info, version):
    """-> {path: bytes} of the manifest (and the 1.2 metadata file)."""
    if version == "1.2":
        return {"imsmanifest.xml": _manifest12(info), METADATA_FILE_12: _lom12(info)}
    return {"imsmanifest.xml": _manifest2004(info)}


def _tostring(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _organization_and_resources(root, info, ns, scorm_type_attr, add_mastery, extra_shared=()):
    """The parts both editions share: one item per SCO, in order, then the SCO resources (first:
    Open edX's player launches the first resource) and the shared assets."""
    cp, adl = ns[None], ns["adlcp"]
    orgs = _sub(root, cp, "organizations", default="ORG-LMD")
    org = _sub(orgs, cp, "organization", identifier="ORG-LMD")
    _sub(org, cp, "title", info.title)
    for sco in info.scos:
        item = _sub(org, cp, "item", identifier=f"ITEM-{sco.identifier}", identifierref=f"RES-{sco.identifier}")
        _sub(item, cp, "title", sco.title)
        if sco.mastery is not None:
            add_mastery(item, sco)
    resources = _sub(root, cp, "resources")
    for sco in info.scos:
        res = _sub(resources, cp, "resource", identifier=f"RES-{sco.identifier}", type="webcontent", href=sco.href)
        res.set(f"{{{adl}}}{scorm_type_attr}", "sco")
        for path in sco.files:
            _sub(res, cp, "file", href=path)
        _sub(res, cp, "dependency", identifierref="RES-SHARED")
    shared = _sub(resources, cp, "resource", identifier="RES-SHARED", type="webcontent")
    shared.set(f"{{{adl}}}{scorm_type_attr}", "asset")
    for path in [*info.shared_files, *extra_shared]:
        _sub(shared, cp, "file", href=path)
    if info.schema_files:
        schemas = _sub(resources, cp, "resource", identifier="RES-SCHEMAS", type="webcontent")
        schemas.set(f"{{{adl}}}{scorm_type_attr}", "asset")
        for path in info.schema_files:
            _sub(schemas, cp, "file", href=path)
    return org


def _manifest12(info):
    cp, adl = NS12[None], NS12["adlcp"]
    root = etree.Element(f"{{{cp}}}manifest", nsmap=NS12, identifier=info.identifier, version=info.version)
    root.set(f"{{{NS12['xsi']}}}schemaLocation", LOCATIONS12)
    meta = _sub(root, cp, "metadata")
    _sub(meta, cp, "schema", "ADL SCORM")
    _sub(meta, cp, "schemaversion", SCHEMA_VERSION["1.2"])
    _sub(meta, adl, "location", METADATA_FILE_12)

    def mastery(item, sco):
        _sub(item, adl, "masteryscore", str(sco.mastery))

    _organization_and_resources(root, info, NS12, "scormtype", mastery, extra_shared=[METADATA_FILE_12])
    return _tostring(root)


def _lom12(info):
    root = etree.Element(f"{{{LOM12}}}lom", nsmap={None: LOM12, "xsi": NS12["xsi"]})
    root.set(f"{{{NS12['xsi']}}}schemaLocation", LOCATION_LOM12)

    def langstring(parent, text, lang):
        _sub(parent, LOM12, "langstring", text).set(XML_LANG, lang)

    general = _sub(root, LOM12, "general")
    langstring(_sub(general, LOM12, "title"), info.title, info.language_of("title"))
    _sub(general, LOM12, "language", info.language)
    langstring(_sub(general, LOM12, "description"), info.description, info.language_of("description"))
    langstring(_sub(_sub(root, LOM12, "lifecycle"), LOM12, "version"), info.version, "x-none")
    rights = _sub(root, LOM12, "rights")
    for tag, value in (("cost", "no"), ("copyrightandotherrestrictions", "yes")):
        node = _sub(rights, LOM12, tag)
        langstring(_sub(node, LOM12, "source"), "LOMv1.0", "x-none")
        langstring(_sub(node, LOM12, "value"), value, "x-none")
    langstring(_sub(rights, LOM12, "description"), info.licence, info.language_of("licence"))
    return _tostring(root)


def _lom2004(parent, info):
    lom = etree.SubElement(parent, f"{{{LOM}}}lom", nsmap={None: LOM})

    def string(node, text, lang):
        if lang:
            _sub(node, LOM, "string", text, language=lang)
        else:
            _sub(node, LOM, "string", text)

    def vocab(node, value):
        _sub(node, LOM, "source", "LOMv1.0")
        _sub(node, LOM, "value", value)

    general = _sub(lom, LOM, "general")
    string(_sub(general, LOM, "title"), info.title, info.language_of("title"))
    _sub(general, LOM, "language", info.language)
    string(_sub(general, LOM, "description"), info.description, info.language_of("description"))
    string(_sub(_sub(lom, LOM, "lifeCycle"), LOM, "version"), info.version, None)  # a number: no language
    rights = _sub(lom, LOM, "rights")
    vocab(_sub(rights, LOM, "cost"), "no")
    vocab(_sub(rights, LOM, "copyrightAndOtherRestrictions"), "yes")
    string(_sub(rights, LOM, "description"), info.licence, info.language_of("licence"))


def _manifest2004(info):
    cp, ss = NS2004[None], NS2004["imsss"]
    root = etree.Element(f"{{{cp}}}manifest", nsmap=NS2004, identifier=info.identifier, version=info.version)
    root.set(f"{{{NS2004['xsi']}}}schemaLocation", LOCATIONS2004)
    meta = _sub(root, cp, "metadata")
    _sub(meta, cp, "schema", "ADL SCORM")
    _sub(meta, cp, "schemaversion", SCHEMA_VERSION["2004"])
    _lom2004(meta, info)

    def scaled_passing_score(item, sco):
        objectives = _sub(_sub(item, ss, "sequencing"), ss, "objectives")
        primary = _sub(objectives, ss, "primaryObjective", objectiveID=f"OBJ-{sco.identifier}",
                       satisfiedByMeasure="true")
        _sub(primary, ss, "minNormalizedMeasure", f"{sco.mastery / 100:.2f}")

    organization = _organization_and_resources(root, info, NS2004, "scormType", scaled_passing_score)
    # Between modules the learner may go on (flow: Continue/Previous) or pick any module (choice).
    # Without this, flow is off (its default) and some LMSs offer no way to the next module.
    control = _sub(organization, ss, "sequencing")
    _sub(control, ss, "controlMode", choice="true", flow="true")
    return _tostring(root)
