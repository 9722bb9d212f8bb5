"""lmd_module: one workshop module of the LMD course: its number, objectives and introduction.

Two uses. In Open edX the course has the platform's own shape (courses/olx/shape.py): the module
block is the overview unit of its section, without children, and the platform shows progress
(outline ticks, resume). In the demo and in SCORM packages it is the container of the module's
sections and activities, and shows the learner's progress through them and the module result."""
from copy import copy

from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import List, Scope, String
from xblock.utils.studio_editable import NestedXBlockSpec, StudioContainerWithNestedXBlocksMixin

from ..common import localized, studio
from ..common.mixins import LmdBlockMixin, XmlContentMixin, _, json_api
from ..common.rendering import block_fragment, dom_id, render_template
from ..common.sanitize import sanitize_html
from ..common.durations import localized_duration
from ..common.plurals import block_language
from . import content, js_strings
from .progress import summarize
from .scenarios import workbench_scenarios as _scenarios

PACKAGE = __package__


@XBlock.needs("i18n")
@XBlock.wants("mako")  # Studio: the platform's wrapper around each child on the container page
@XBlock.wants("completion")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")  # Studio only: who may edit the content
class LmdModuleBlock(XmlContentMixin, LmdBlockMixin, studio.StudioXmlEditorMixin,
                     StudioContainerWithNestedXBlocksMixin, XBlock):
    """A container: its completion is the aggregate of its children's (AGGREGATOR; the platform
    reads the mode per block type). The overview unit, which has no children, is complete."""

    has_children = True
    completion_mode = XBlockCompletionMode.AGGREGATOR
    content_module = content
    content_field_names = ("number", "duration", "objectives", "introduction")
    translatable_fields = ("objectives", "introduction")
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
        """Studio's export and copy: the module's own content as attributes, then its children.
        Why attributes: the platform's paste hands a container's parse_xml its element without
        child elements, then makes a child block of every child element (content.parse reads
        both forms; the course source keeps the readable elements)."""
        node.tag = self.scope_ids.block_type
        for name in self.xml_settings:
            if getattr(self, name):
                node.set(name, str(getattr(self, name)))
        content.serialize_as_attributes(self.content_data(), node)
        self.add_platform_settings(node)
        if self.translations:
            node.set("translations", localized.as_attribute(self.translations))
        for child in self.get_children():
            if child is not None:
                self.runtime.add_block_as_child_node(child, node)

    def child_blocks(self):
        """The children this learner may see: in Open edX a child the learner may not load
        (staff only, another cohort's content group) is None or absent, as in the vertical."""
        return [child for child in self.get_children() if child is not None]

    def progress(self, blocks=None):
        entries = []
        for child in blocks if blocks is not None else self.child_blocks():
            report = getattr(child, "lmd_progress", None)
            if report is not None:
                entries.append((dom_id(child), localized.title_of(child), report()))
        return summarize(entries)

    @XBlock.supports("multi_device")  # read from the view by the platform, not from the class
    def student_view(self, context=None):
        root_id = dom_id(self)
        blocks = self.child_blocks()
        child_frags = self.render_learner_children(blocks, context)
        parts = [{"id": dom_id(child), "html": frag.body_html(), "type": child.scope_ids.block_type,
                  "title": localized.title_of(child)} for child, frag in zip(blocks, child_frags)]
        progress = self.progress(blocks) if blocks else None
        shown = self.localized()
        html = render_template(PACKAGE, "templates/module.html", {
            "root_id": root_id, "title": self.localized_display_name(), "number": self.number,
            "duration": self.shown_duration(), "objectives": shown["objectives"],
            "introduction": shown["introduction"], "children": parts, "progress": progress,
        }, self.i18n)
        frag = block_fragment(self, html, "module.js", "LmdModuleBlock",
                              {"progress": progress, "i18n": js_strings.translated(self)})
        # Every child ships lmd.css/lmd.js too: Fragment.resources sends each resource once.
        frag.add_resources(child_frags)
        return frag

    def render_learner_children(self, blocks, context):
        """Each child through the runtime, as the platform's vertical renders its children: the
        ones the completion service would mark complete when seen (sections) carry the delay the
        platform's script waits before marking them, so they count in units and the outline."""
        completion = self.runtime.service(self, "completion")
        on_view, delay = set(), None
        if completion is not None and completion.completion_tracking_enabled():
            on_view = {child.scope_ids.usage_id for child in completion.blocks_to_mark_complete_on_view(blocks)}
            delay = completion.get_complete_on_view_delay_ms()
        frags = []
        for child in blocks:
            child_context = copy(context) if context else {}
            if child.scope_ids.usage_id in on_view:
                child_context["wrap_xblock_data"] = {"mark-completed-on-view-after-delay": delay}
            frags.append(self.runtime.render_child(child, "student_view", child_context))
        return frags

    # ---- Studio --------------------------------------------------------------------------
    @property
    def allowed_nested_blocks(self):
        """What a course team may add inside a module on its container page (Studio's own
        add buttons; children are reordered, edited and deleted there as in a unit)."""
        return [NestedXBlockSpec(None, category="html", label=self.gettext("Text section")),
                NestedXBlockSpec(None, category="lmd_case_study", label=self.gettext("Case study")),
                NestedXBlockSpec(None, category="lmd_role_play", label=self.gettext("Role-play")),
                NestedXBlockSpec(None, category="lmd_quiz", label=self.gettext("Quiz"))]

    def shown_duration(self):
        """The duration in the page's language ('6 hours' in the source: '6 heures')."""
        return localized_duration(self.duration, self.ngettext, block_language(self))

    def author_preview_view(self, context=None):
        """On the unit page: the module's overview (its children are edited on its own page)."""
        return self.overview_fragment()

    def overview_fragment(self):
        shown = self.localized()
        html = render_template(PACKAGE, "templates/module.html", {
            "root_id": dom_id(self), "title": self.localized_display_name(), "number": self.number,
            "duration": self.shown_duration(), "objectives": shown["objectives"],
            "introduction": shown["introduction"], "children": [], "progress": None,
        }, self.i18n)
        return block_fragment(self, html, "module.js", "LmdModuleBlock",
                              {"progress": None, "i18n": js_strings.translated(self)})

    def student_view_data(self, context=None):
        """For the mobile apps, computed once at publish for every learner: content only."""
        return {
            "number": self.number, "display_name": self.display_name, "duration": self.duration,
            "objectives": self.objectives, "introduction": sanitize_html(self.introduction),
            "children": [str(child_id) for child_id in self.children],
        }

    def current_learner_state(self):
        return self.progress()

    @json_api
    def progress_summary(self, data, suffix=""):
        """{} -> the learner's progress through this module (see README)."""
        return self.progress()
