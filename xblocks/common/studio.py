"""The Studio editor shared by the LMD blocks: the block's own XML in a labelled editor, checked
by the same parser that imports OLX, and saved only when it is valid (nothing is half-saved)."""
from lxml import etree

from .errors import ContentError
from .mixins import _, json_api
from .rendering import block_fragment, dom_id, render_template
from .xmlcontent import parse_xml_string

STUDIO_STRINGS = {
    "saving": _("Saving…"),
    "saved": _("Saved."),
    "invalid": _("Not saved: {message}"),
    "notSaved": _("Your changes were not saved"),
    "network": _("Not saved: the server could not be reached."),
}


class StudioXmlEditorMixin:
    """Needs XmlContentMixin (content_module, xml_settings, apply_content)."""

    def studio_xml(self):
        """The XML the author edits: the block without its children (edited in Studio itself)."""
        node = etree.Element(self.scope_ids.block_type)
        self.add_own_xml(node)
        return etree.tostring(node, encoding="unicode", pretty_print=True)

    def studio_view(self, context=None):
        root_id = dom_id(self, "studio")
        html = render_template("xblocks.common", "templates/studio.html", {
            "root_id": root_id, "xml": self.studio_xml(), "block_type": self.scope_ids.block_type,
        }, self.i18n)
        strings = {key: self.gettext(text) for key, text in STUDIO_STRINGS.items()}
        return block_fragment(self, html, "studio.js", "LmdStudioEditor", {"rootId": root_id, "i18n": strings},
                              shared_script=True)

    @json_api
    def studio_submit(self, data, suffix=""):
        """{"xml": "<lmd_... >"} -> {"result": "success"} or 400 naming the element at fault;
        403 for anyone but the course's authors (learners can reach every handler by URL)."""
        self.require_author()
        text = data.get("xml")
        if not isinstance(text, str) or not text.strip():
            raise ContentError(_("'xml' must be the block's XML as a string."))
        node = parse_xml_string(text)
        if node.tag != self.scope_ids.block_type:
            raise ContentError(_("The root element must be {expected}, not {tag}."),
                               expected=f"<{self.scope_ids.block_type}>", tag=f"<{node.tag}>")
        parsed = self.content_module.parse(node)  # raises before anything is saved
        self.apply_content(parsed)
        for name in self.xml_settings:
            if node.get(name) is not None:
                setattr(self, name, node.get(name))
        return {"result": "success"}

