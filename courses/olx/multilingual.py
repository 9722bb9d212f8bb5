"""One module in every language: the English module with each block's translations embedded
(<translation lang source> children, xblocks/common/localized.py), so that one course run serves
every language and each learner's state stays one, whatever language they read in.

Data flows one way: the course source (with a member's overlay) is localized by the content
catalogs per language (courses/lmd/model.py), then each block's localized element is attached to
its English twin, found by url_name. Used by the demo and by `lmd export olx --languages`."""
import copy

from lxml import etree
from xblock.core import XBlock

from xblocks.common import localized
from xblocks.common.html_section import HtmlSectionBlock
from xblocks.common.xmlcontent import ContentError, parse_xml_string
from xblocks.lmd_module import content as module_content

from ..lmd.model import XML_DECLARATION
from . import shape

SECTION_TAG = shape.LMD_SECTION_TAG  # a text section that follows the learner's language (Open edX)


def _block_class(tag):
    return HtmlSectionBlock if tag in shape.SECTION_TAGS else XBlock.load_class(tag)


def _root(module):
    return parse_xml_string(XML_DECLARATION.sub("", module.xml))


def with_translations(english, translated, sections_as=None):
    """The English module's element with the blocks' translations from `translated` ({language:
    Module}). `sections_as`: a tag for the text sections (lmd_section in Open edX, where `html`
    is the platform's own block and cannot follow the learner's language)."""
    root = _root(english)
    by_language = {language: _root(module) for language, module in translated.items()}
    for element in [root, *module_content.child_nodes(root)]:
        block_class = _block_class(element.tag)
        source = localized.digest_of(block_class, element)
        for language, other in sorted(by_language.items()):
            twin = other if element is root else next(
                (e for e in module_content.child_nodes(other) if e.get("url_name") == element.get("url_name")), None)
            if twin is None:
                raise ContentError(f"{english.path.name}: {element.get('url_name')} has no {language} twin")
            own = shape.overview(twin) if element is root else copy.deepcopy(twin)
            own.tail = None
            if sections_as and own.tag == "html":
                own.tag = sections_as
            element.append(localized.wrap(language, source, own))
        if sections_as and element.tag == "html":
            element.tag = sections_as
    return root


def module_xml(english, translated, sections_as=None):
    return etree.tostring(with_translations(english, translated, sections_as), encoding="unicode")


def content_catalog(language, overlay=None):
    """The content catalog of `language`: a course run cannot claim a language nobody translated
    (its blocks would carry English under that language's name)."""
    from ..lmd import model
    catalog = model.catalog_for(language, overlay)
    if catalog is None or not len(catalog):
        raise ContentError(f"no content catalogs translate the course into {language!r}")
    return catalog


def course_elements(modules, translated):
    """{module path: the module's element with its blocks' translations} for a course run in
    every language; `translated` is {language: the same modules in that language}."""
    twins = {language: {module.path: module for module in others} for language, others in translated.items()}
    elements = {}
    for module in modules:
        missing = [language for language, by_path in twins.items() if module.path not in by_path]
        if missing:
            raise ContentError(f"{module.path.name} has no {missing[0]} version")
        elements[module.path] = with_translations(
            module, {language: by_path[module.path] for language, by_path in twins.items()}, sections_as=SECTION_TAG)
    return elements
