"""lmd_module: one workshop module of the LMD course, holding its sections and activities in
order, and showing the learner's progress through them and the module result."""
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import List, Scope, String

from ..common import studio
from ..common.mixins import LmdBlockMixin, XmlContentMixin, _, json_api
from ..common.rendering import block_fragment, dom_id, render_template
from . import content, js_strings
from .progress import summarize
from .scenarios import workbench_scenarios as _scenarios

PACKAGE = __package__


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")  # Studio only: who may edit the content
@XBlock.supports("multi_device")
class LmdModuleBlock(XmlContentMixin, LmdBlockMixin, studio.StudioXmlEditorMixin, XBlock):
    """A container: its completion is the aggregate of its children's (AGGREGATOR)."""

    has_children = True
    completion_mode = XBlockCompletionMode.AGGREGATOR
    content_module = content
    content_field_names = ("number", "duration", "objectives", "introduction")
    icon_class = "other"

    display_name = String(display_name=_("Title"), default=_("Module"), scope=Scope.settings)
    number = String(display_name=_("Module number"), help=_("1 to 12, or 8A"), default="1", scope=Scope.settings)
    duration = String(display_name=_("Duration"), default="", scope=Scope.settings)
    objectives = List(display_name=_("Learning objectives"), default=[], scope=Scope.content)
    introduction = String(display_name=_("Introduction"), default="", scope=Scope.content)

    workbench_scenarios = staticmethod(_scenarios)

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = super().parse_xml(node, runtime, keys)
        for child in content.child_nodes(node):
            runtime.add_node_as_child(block, child)
        return block

    def add_xml_to_node(self, node):
        self.add_own_xml(node)
        for child in self.child_blocks():
            self.runtime.add_block_as_child_node(child, node)

    def child_blocks(self):
        return [self.runtime.get_block(child_id) for child_id in self.children]

    def progress(self, blocks=None):
        entries = []
        for child in blocks if blocks is not None else self.child_blocks():
            report = getattr(child, "lmd_progress", None)
            if report is not None:
                entries.append((dom_id(child), child.display_name, report()))
        return summarize(entries)

    def student_view(self, context=None):
        root_id = dom_id(self)
        blocks = self.child_blocks()
        child_frags = [child.render("student_view", context) for child in blocks]
        parts = [{"id": dom_id(child), "html": frag.body_html(), "type": child.scope_ids.block_type,
                  "title": child.display_name} for child, frag in zip(blocks, child_frags)]
        progress = self.progress(blocks)
        html = render_template(PACKAGE, "templates/module.html", {
            "root_id": root_id, "title": self.display_name, "number": self.number,
            "duration": self.duration, "objectives": self.objectives,
            "introduction": self.introduction, "children": parts, "progress": progress,
        }, self.i18n)
        frag = block_fragment(self, html, "module.js", "LmdModuleBlock",
                              {"progress": progress, "i18n": js_strings.translated(self.gettext)})
        # Every child ships lmd.css/lmd.js too: Fragment.resources sends each resource once.
        frag.add_resources(child_frags)
        return frag

    def student_view_data(self, context=None):
        return {
            "number": self.number, "display_name": self.display_name, "duration": self.duration,
            "objectives": self.objectives, "progress": self.progress(),
            "children": [str(child_id) for child_id in self.children],
        }

    @json_api
    def progress_summary(self, data, suffix=""):
        """{} -> the learner's progress through this module (see README)."""
        return self.progress()
