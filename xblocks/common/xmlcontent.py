"""Reading and writing block content as XML, safely and symmetrically.

Every block's parser uses these readers and its serializer the matching writers, so that
export then import gives back every field unchanged. Author XML is untrusted: no DTD, no
entities, no network, and errors name the element at fault.
"""
import math
import re

from lxml import etree

from .errors import ContentError, Where, _

MAX_XML_BYTES = 2 * 1024 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True,
    )


def parse_xml_string(text):
    """Parse author XML, refusing DTDs and entities. Returns the root element."""
    try:
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    except UnicodeEncodeError as exc:  # a lone surrogate, as a JSON "\\ud800" escape gives
        raise ContentError(_("The XML holds a character that is not text (an unpaired surrogate) at "
                             "position {position}."), position=exc.start) from None
    if len(data) > MAX_XML_BYTES:
        raise ContentError(_("The XML is {size} bytes; the limit is {limit}."), size=len(data), limit=MAX_XML_BYTES)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ContentError(_("The XML is not well-formed: {problem}"), problem=str(exc)) from exc
    refuse_unsafe(root)
    return root


def refuse_unsafe(element):
    """Refuse DTDs and entity references anywhere in the document of `element`."""
    tree = element.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ContentError(_("XML with a DOCTYPE or DTD is refused (entities are not allowed)."))
    for node in element.iter():
        if isinstance(node, etree._Entity):  # pylint: disable=protected-access
            raise ContentError(_("The XML entity {entity} at line {line} is refused."), entity=f"&{node.name};",
                               line=node.sourceline)


def where(element):
    """'<tag id="x"> (line N)' for error messages."""
    ident = element.get("id") or element.get("url_name")
    label = f'<{element.tag} id="{ident}">' if ident else f"<{element.tag}>"
    return Where(label, element.sourceline)


def children(element, tag):
    return [child for child in element if isinstance(child.tag, str) and child.tag == tag]


def one(element, tag, required=True):
    found = children(element, tag)
    if len(found) > 1:
        raise ContentError(_("{element} has {count} {tag} elements; it needs exactly one."), element=where(element),
                           count=len(found), tag=f"<{tag}>")
    if not found:
        if required:
            raise ContentError(_("{element} needs a {tag} element."), element=where(element), tag=f"<{tag}>")
        return None
    return found[0]


def text_of(element, tag=None, required=True):
    """Plain text of `element` (or of its one child `tag`), whitespace-normalised."""
    node = element if tag is None else one(element, tag, required)
    if node is None:
        return ""
    if any(isinstance(child.tag, str) for child in node):
        raise ContentError(_("{element} must hold plain text, not markup."), element=where(node))
    value = " ".join("".join(node.itertext()).split())
    if required and not value:
        raise ContentError(_("{element} is empty."), element=where(node))
    return value


def rich_of(element, tag=None, required=True):
    """Inner markup of `element` (or of its one child `tag`) as a string, kept as authored.
    Sanitizing happens on display, so that an export gives the author's text back."""
    node = element if tag is None else one(element, tag, required)
    if node is None:
        return ""
    inner = (node.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in node
    )
    inner = inner.strip()
    if required and not inner:
        raise ContentError(_("{element} is empty."), element=where(node))
    return inner


def ident(element, seen=None):
    """The element's `id`, checked for form and (with `seen`) uniqueness."""
    value = element.get("id", "")
    if not ID_PATTERN.match(value):
        raise ContentError(_("{element} needs an id of lower-case letters, digits, - or _."), element=where(element))
    if seen is not None:
        if value in seen:
            raise ContentError(_("{element}: duplicate id {id}."), element=where(element), id=repr(value))
        seen.add(value)
    return value


def int_attr(element, name, default, low=None, high=None):
    raw = element.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ContentError(_("{element}: {attribute} is not a whole number."), element=where(element),
                           attribute=f"{name}={raw!r}") from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise ContentError(_("{element}: {attribute} is outside {low}..{high}."), element=where(element),
                           attribute=f"{name}={value}", low=low, high=high)
    return value


def float_attr(element, name, default, low=None, high=None):
    raw = element.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ContentError(_("{element}: {attribute} is not a number."), element=where(element), attribute=f"{name}={raw!r}") from None
    if not math.isfinite(value):  # nan, inf, infinity in any case, or 1e999
        raise ContentError(_("{element}: {attribute} is not a finite number."), element=where(element),
                           attribute=f"{name}={raw!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ContentError(_("{element}: {attribute} is outside {low}..{high}."), element=where(element),
                           attribute=f"{name}={value}", low=low, high=high)
    return value


def bool_attr(element, name, default):
    raw = element.get(name)
    if raw is None:
        return default
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise ContentError(_("{element}: {attribute} is not true or false."), element=where(element),
                     attribute=f"{name}={raw!r}")


# Writers: the twins of the readers above.

def add_text(parent, tag, value, **attrs):
    node = etree.SubElement(parent, tag, {k: str(v) for k, v in attrs.items() if v is not None})
    node.text = value
    return node


def add_rich(parent, tag, markup, **attrs):
    """Append <tag>markup</tag>, parsing the stored markup back into elements."""
    node = etree.SubElement(parent, tag, {k: str(v) for k, v in attrs.items() if v is not None})
    set_rich(node, markup)
    return node


def set_rich(node, markup):
    wrapper = parse_xml_string(f"<wrapper>{markup}</wrapper>")
    node.text = wrapper.text
    for child in wrapper:
        node.append(child)


def format_bool(value):
    return "true" if value else "false"


def format_number(value):
    return repr(float(value)).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
