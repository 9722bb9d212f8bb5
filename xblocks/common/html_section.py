"""The text sections of a module where Open edX's own HTML block is not the one used: in the demo
(registered as `html` by the lmd-demo distribution), in SCORM exports, and in a multilingual Open
edX course (`lmd export olx --languages`), where each section is an `lmd_section` block so that
its text follows the learner's language like every other LMD block. lmd-xblocks does not
register `html`: that would collide with Open edX's entry point."""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String

from . import localized
from .sanitize import sanitize_html
from .xmlcontent import refuse_unsafe, rich_of, set_rich


class _SectionContent:
    """The section's content as a parser, for its translations (localized.py)."""

    @staticmethod
    def parse(node):
        return {"data": rich_of(node, required=False)}


class HtmlSectionBlock(localized.LocalizedContentMixin, XBlock):
    """Complete once seen: the platform's unit marks it so, as it does an HTML block (it is
    completable and reports no completion of its own)."""

    display_name = String(default="Text", scope=Scope.settings)
    data = String(default="", scope=Scope.content)
    content_module = _SectionContent
    translatable_fields = ("data",)

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        refuse_unsafe(node)
        node, found = localized.split(node)
        block = runtime.construct_xblock_from_class(cls, keys)
        block.display_name = node.get("display_name", block.display_name)
        block.data = rich_of(node, required=False)
        block.translations = localized.stored(found)
        return block

    def content_data(self):
        return {"data": self.data}

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        node.set("display_name", self.display_name)
        set_rich(node, self.data)
        localized.add_to(node, self.translations)

    def student_view(self, context=None):
        title = localized.title_of(self)
        heading = f"<h3>{sanitize_html(title)}</h3>" if title else ""
        return Fragment(f'<section class="lmd lmd-html">{heading}{sanitize_html(self.localized()["data"])}</section>')

    def lmd_progress(self):
        return {"complete": True, "graded": False, "activity": False}
