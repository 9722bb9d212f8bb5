"""A block's content in the learner's language, chosen when the block renders.

One course run serves every language: each block carries, beside its English content, its
translations as `<translation lang="fr" source="…">` children in its XML (what `lmd export olx
--languages` and the demo write from the content catalogs), each holding the block's own element
in that language. The learner's language (the one the platform activated for the request) picks
the translation; learner state stays the block's own, whatever the language, so a learner who
switches language keeps their answers and progress.

`source` is a digest of the English content the translation was made from. When a course team
edits the English (in Studio, say), the digest no longer matches and that block falls back to
English until it is translated again: a stale translation is never shown, and only that block
is affected.

Translations are kept as XML text and parsed the first time a block is shown in that language
(then cached by their text), so that a course with three languages loads as fast as one."""
import copy
import functools
import hashlib
import json
import logging
import re

from django.utils import translation as django_translation
from lxml import etree
from xblock.fields import Dict, Scope

from .errors import ContentError
from .xmlcontent import parse_xml_string

log = logging.getLogger(__name__)
TAG = "translation"
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


BLANK_BETWEEN_TAGS = re.compile(r">\s+<")
SPACES = re.compile(r"\s+")


def _without_layout(value):
    """`value` with its whitespace collapsed: Open edX's import parses OLX dropping blank text
    between tags (remove_blank_text), so a rich text's indentation differs between the archive
    and the block it makes; layout is not a change a translator needs to see."""
    if isinstance(value, str):
        return SPACES.sub(" ", BLANK_BETWEEN_TAGS.sub("><", value)).strip()
    if isinstance(value, dict):
        return {key: _without_layout(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_layout(item) for item in value]
    return value


def source_digest(content, display_name=""):
    """The digest of a block's English text a translation records (and is checked against):
    `content` holds the block's translatable fields; whitespace layout does not count."""
    canonical = json.dumps({"content": _without_layout(content), "display_name": _without_layout(display_name or "")},
                           sort_keys=True,
                           ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def split(node):
    """(a copy of `node` without its <translation> children, {language: (source, element)})."""
    found = {}
    english = copy.copy(node)  # lxml copies the subtree
    for child in list(english):
        if isinstance(child.tag, str) and child.tag == TAG:
            language = child.get("lang", "")
            inner = [e for e in child if isinstance(e.tag, str)]
            if not LANGUAGE.match(language) or len(inner) != 1 or inner[0].tag != node.tag:
                raise ContentError(f"<{node.tag}>: a <{TAG}> needs a lang attribute and holds one <{node.tag}>")
            found[language.replace("_", "-").lower()] = (child.get("source", ""), inner[0])
            english.remove(child)
    return english, found


def stored(found):
    """{language: {"source", "xml"}} as the block's `translations` field keeps them."""
    return {language: {"source": source, "xml": etree.tostring(element, encoding="unicode")}
            for language, (source, element) in found.items()}


def as_attribute(translations):
    """The stored translations as one attribute's JSON (a container's export: see lmd_module)."""
    return json.dumps(translations, ensure_ascii=False, sort_keys=True)


def from_attribute(node):
    """{language: {"source", "xml"}} from a `translations` attribute, checked; {} without one."""
    text = node.get("translations")
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ContentError(f"<{node.tag}>: translations is not valid JSON ({exc})") from exc
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and LANGUAGE.match(k) and isinstance(v, dict) and isinstance(v.get("xml"), str)
            and isinstance(v.get("source", ""), str) for k, v in value.items()):
        raise ContentError(f'<{node.tag}>: translations must map languages to {{"source", "xml"}}')
    for entry in value.values():
        if parse_xml_string(entry["xml"]).tag != node.tag:
            raise ContentError(f"<{node.tag}>: a translation holds another element")
    return {k.lower(): {"source": v.get("source", ""), "xml": v["xml"]} for k, v in value.items()}


def add_to(node, translations):
    """Write the stored translations back as <translation> children of `node` (export, copy)."""
    for language in sorted(translations):
        entry = translations[language]
        wrapper = etree.SubElement(node, TAG, lang=language, source=entry.get("source", ""))
        wrapper.append(parse_xml_string(entry["xml"]))


def wrap(language, source, element):
    """A <translation> element holding `element` (the exporters' way to add one)."""
    wrapper = etree.Element(TAG, lang=language, source=source)
    wrapper.append(element)
    return wrapper


def digest_of(block_class, element):
    """The digest a block of `block_class` made from `element` (English) will compute of itself:
    what an exporter records as a translation's source."""
    content = block_class.content_module.parse(split(element)[0])
    display_name = element.get("display_name") or block_class.fields["display_name"].default
    return source_digest({name: content[name] for name in block_class.translatable_fields}, display_name)


def current_language():
    return (django_translation.get_language() or "en").replace("_", "-").lower()


def pick(translations, language):
    """The stored translation for `language` (fr-ca falls back to fr), or None."""
    if language in translations:
        return translations[language]
    base = language.split("-")[0]
    return translations.get(base)


@functools.lru_cache(maxsize=512)
def parsed(block_type, xml, parse):
    """(content dict, display name) of one translation's XML; cached by its text."""
    element = parse_xml_string(xml)
    return parse(element), element.get("display_name", "")


class LocalizedContentMixin:
    """For blocks with XmlContentMixin: `localized()` is the content to show this learner, and
    `localized_display_name()` its title. Needs a `translations` Dict field (Scope.content) and
    `translatable_fields`: the content fields that hold text (a change to any of them, answer
    keys included, makes the translations stale; settings such as the number of attempts do not)."""

    translatable_fields = ()
    translations = Dict(default={}, scope=Scope.content,
                        help="{language: {source: digest of the English it was made from, xml: the block in that language}}")

    def english_digest(self):
        return source_digest({name: getattr(self, name) for name in self.translatable_fields}, self.display_name)

    def translation_for_learner(self):
        """(content, display name) of the fresh translation for the current language, or None."""
        translations = self.translations or {}
        entry = pick(translations, current_language()) if translations else None
        if not entry or entry.get("source") != self.english_digest():
            return None  # English learners, no translation, or one made from older English
        try:
            return parsed(self.scope_ids.block_type, entry["xml"], self.content_module.parse)
        except ContentError as exc:
            log.warning("translation of %s not used: %s", self.scope_ids.usage_id, exc)
            return None

    def localized(self):
        content = self.content_data()
        found = self.translation_for_learner()
        if found:
            content.update({name: found[0][name] for name in self.translatable_fields if name in found[0]})
        return content

    def localized_display_name(self):
        found = self.translation_for_learner()
        return (found[1] or self.display_name) if found else self.display_name


def title_of(block):
    """A block's title in the learner's language (blocks without translations: their own)."""
    show = getattr(block, "localized_display_name", None)
    return show() if show else block.display_name
