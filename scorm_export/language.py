"""What a package says in its language beyond the blocks' own rendering: a module's duration
('3 hours' in the course source, '3 heures' in a French package), and which language each of
the package's descriptive texts is really in (a text nobody has translated yet is English, and
the manifest says so rather than calling it French)."""
from django.utils.translation import get_language, ngettext
from lxml import etree

from xblocks.common.durations import localized_duration as _localized


def localized_duration(duration):
    """'3 hours' / '90 minutes' in the active language; other text (already translated, or
    free-form) as written."""
    return _localized(duration, ngettext, get_language())


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def with_localized_duration(module_xml):
    """The module's XML with its duration in the active language."""
    root = etree.fromstring(module_xml.encode("utf-8") if isinstance(module_xml, str) else module_xml, _PARSER)
    duration = root.get("duration")
    if duration:
        shown = localized_duration(duration)
        if shown != duration:
            root.set("duration", shown)
            return etree.tostring(root, encoding="unicode")
    return module_xml


def language_of(source, translated, language):
    """The language `translated` is in: `language`, unless it is still the English `source`."""
    return language if language == "en" or translated != source else "en"


def language_tag(locale):
    """A gettext locale as the language tag HTML, LOM (xs:language) and SCORM's {lang=} want:
    pt_PT -> pt-PT."""
    return locale.replace("_", "-")
