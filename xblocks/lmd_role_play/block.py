"""lmd_role_play: the learner plays one role through a branching scenario scored on competencies;
the facilitator prints role cards and an observer checklist for the classroom."""
from webob import Response
from xblock.completable import CompletableXBlockMixin, XBlockCompletionMode
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import studio
from ..common.errors import InputError
from ..common.mixins import LmdBlockMixin, XmlContentMixin, _, json_api
from ..common.rendering import block_fragment, dom_id, render_template
from ..common.sanitize import sanitize_html, sanitize_text
from ..common.scoring import RawScoreMixin
from ..common.locales import direction
from ..common.plurals import block_language
from . import content, js_strings, play
from .scenarios import workbench_scenarios as _scenarios

PACKAGE = __package__


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")  # Studio only: who may edit the content
class LmdRolePlayBlock(XmlContentMixin, LmdBlockMixin, studio.StudioXmlEditorMixin, RawScoreMixin,
                       ScorableXBlockMixin, CompletableXBlockMixin, XBlock):
    """A branching role-play; the best run counts."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    content_module = content
    legacy_attributes = {"start": "start_node"}  # start="n1" in files written before start_node
    content_field_names = ("situation", "roles", "competencies", "nodes", "endings", "start_node",
                           "learner_role", "observer_checklist", "reflection_prompt", "reflection_max_length",
                           "weight")
    translatable_fields = ("situation", "roles", "competencies", "nodes", "endings", "observer_checklist",
                           "reflection_prompt")
    icon_class = "problem"

    display_name = String(display_name=_("Display name"), default=_("Role-play"), scope=Scope.settings)
    weight = Float(display_name=_("Weight"), default=1.0, scope=Scope.settings)
    situation = String(default="", scope=Scope.content)
    roles = List(default=[], scope=Scope.content)
    competencies = List(default=[], scope=Scope.content)
    nodes = List(default=[], scope=Scope.content)
    endings = List(default=[], scope=Scope.content)
    # Not `start`: that name is the platform's inherited release date (inheritance.py).
    start_node = String(default="", scope=Scope.content)
    learner_role = String(default="", scope=Scope.content)
    observer_checklist = List(default=[], scope=Scope.content)
    reflection_prompt = String(default="", scope=Scope.content)
    reflection_max_length = Integer(default=2000, scope=Scope.content)

    path = List(default=[], scope=Scope.user_state, help="[node, choice] pairs of the current run")
    runs = Integer(default=0, scope=Scope.user_state)
    best = Dict(default=None, scope=Scope.user_state)
    raw_score = Float(default=None, scope=Scope.user_state)
    reflection = String(default="", scope=Scope.user_state)

    workbench_scenarios = staticmethod(_scenarios)

    def data(self):
        """The scenario in the learner's language (ids, targets and points are the same in every
        language, so a path and its score do not depend on it)."""
        return self.localized()

    def position(self):
        """(node the learner is at, or None at an ending; the path that leads there). A path the
        content no longer supports (the course was updated) starts the run again."""
        data, node_id = self.data(), self.start_node
        for step_node, choice_id in self.path:
            choice = play.find_choice(data, step_node, choice_id)
            if step_node != node_id or choice is None:
                return self.start_node, []
            node_id = choice["target"]
        if node_id in {e["id"] for e in self.endings}:
            return None, [list(step) for step in self.path]
        return node_id, [list(step) for step in self.path]

    def choice_seed(self):
        """This learner's seed for the order of choices (stable across reloads, like the quiz's)."""
        return self.learner_seed("choices")

    def learner_state(self):
        data = self.data()
        current, path = self.position()
        ending = play.reached_ending(data, path) if current is None else None
        return {
            "node": play.node_view(data, current, self.choice_seed()) if current else None,
            "path": play.path_view(data, path),
            "ending": play.ending_view(data, ending, path) if ending else None,
            "runs": self.runs, "best": self.best, "reflection": sanitize_text(self.reflection),
        }

    # ---- views -------------------------------------------------------------------------------
    @XBlock.supports("multi_device")  # read from the view by the platform, not from the class
    def student_view(self, context=None):
        root_id = dom_id(self)
        staff = self.user_is_staff()
        shown = self.data()
        html = render_template(PACKAGE, "templates/role_play.html", {
            "root_id": root_id, "title": self.localized_display_name(), "situation": shown["situation"],
            "roles": shown["roles"], "learner_role": self.learner_role, "reflection_prompt": shown["reflection_prompt"],
            "staff": staff, "cards_url": self.runtime.handler_url(self, "role_cards") if staff else "",
            "max_reflection": self.reflection_max_length, "reflection": sanitize_text(self.reflection),
        }, self.i18n)
        # Free text stays out of the init data: runtimes write it into a <script> unescaped, where
        # "</script>" in a learner's reflection would end it. The template fills the textarea.
        state = self.learner_state()
        del state["reflection"]
        return block_fragment(self, html, "role_play.js", "LmdRolePlayBlock", {
            "rootId": root_id, "state": state, "i18n": js_strings.translated(self),
        })

    def student_view_data(self, context=None):
        """For the mobile apps, computed once at publish for every learner (and for a block a
        course team has only just added, with no content yet): the situation and the learner's
        role. Where the learner is in the scenario comes from the `get_user_state` handler."""
        role = next((r for r in self.roles if r["id"] == self.learner_role), None)
        return {"display_name": self.display_name, "situation": sanitize_html(self.situation),
                "role": {"name": role["name"], "brief": sanitize_html(role["brief"]),
                         "instructions": sanitize_html(role["instructions"])} if role else None}

    def current_learner_state(self):
        return self.learner_state() if self.nodes else {"node": None, "path": [], "ending": None,
                                                         "runs": self.runs, "best": self.best,
                                                         "reflection": sanitize_text(self.reflection)}

    def local_content(self):
        """For a SCORM package's local backend: the graph, with every rich text sanitized and
        each node's choices in the order of the package's learner (a package has one order for
        everyone, as its quizzes do; the ids carry no meaning, see FORMAT.md)."""
        data = self.content_data()
        seed = self.choice_seed()
        data["nodes"] = [{**n, "text": sanitize_html(n["text"]), "choices": play.learner_choices(n, seed)}
                         for n in data["nodes"]]
        data["endings"] = [{**e, "debrief": sanitize_html(e["debrief"]),
                            **({"passages": [{**p, "text": sanitize_html(p["text"])} for p in e["passages"]]}
                               if e.get("passages") else {})}
                           for e in data["endings"]]
        return data

    def lmd_progress(self):
        return {"complete": self.raw_score is not None, "score": self.raw_score, "passed": None,
                "graded": True, "started": bool(self.path) or self.runs > 0}

    # ---- handlers ----------------------------------------------------------------------------
    @json_api
    def choose(self, data, suffix=""):
        """{"node": id, "choice": id} -> {"feedback", ...learner state}. 409 if `node` is not
        where the learner is (another tab moved on)."""
        node_id, choice_id = data.get("node"), data.get("choice")
        current, path = self.position()
        if current is None:
            raise JsonHandlerError(409, self.gettext("This run has ended; restart to play again."))
        if node_id != current:
            raise JsonHandlerError(409, self.gettext("You are at step {current}, not {node}; reload the page.")
                                   .format(current=current, node=node_id))
        choice = play.find_choice(self.data(), node_id, choice_id)
        if choice is None:
            raise InputError(f"unknown choice {choice_id!r} at node {node_id!r}")
        self.path = path + [[node_id, choice_id]]
        if choice["target"] in {e["id"] for e in self.endings}:
            self.finish_run(play.reached_ending(self.data(), self.path))
        state = self.learner_state()
        state["feedback"] = choice["feedback"]
        return state

    def finish_run(self, ending_id):
        self.runs += 1
        outcome = play.result(self.data(), self.path)
        if self.record_score(outcome["score"]):
            self.best = {"score": outcome["score"], "ending": ending_id, "profile": outcome["profile"]}

    @json_api
    def restart(self, data, suffix=""):
        """{} -> learner state at the start node (the best run is kept)."""
        self.path = []
        return self.learner_state()

    @json_api
    def reflect(self, data, suffix=""):
        """{"text": closing reflection} (after an ending) -> learner state."""
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError("'text' must be a string")
        text = sanitize_text(text)
        if len(text) > self.reflection_max_length:
            raise InputError(self.ngettext("Your reflection is {n} character; the limit is {max}.",
                                           "Your reflection is {n} characters; the limit is {max}.", len(text))
                             .format(n=len(text), max=self.reflection_max_length))
        if self.runs == 0:
            raise InputError(self.gettext("Reach an ending before writing your reflection."))
        self.reflection = text
        return self.learner_state()

    @XBlock.handler
    def role_cards(self, request, suffix=""):
        """Staff only: printable role cards (one per page) and the observer checklist."""
        if not self.user_is_staff():
            return Response(self.gettext("Only course staff may do this."), status=403, content_type="text/plain")
        shown = self.data()
        html = render_template(PACKAGE, "templates/role_cards.html", {
            "title": self.localized_display_name(), "situation": shown["situation"], "roles": shown["roles"],
            "checklist": shown["observer_checklist"], "competencies": shown["competencies"],
            "language": block_language(self), "direction": direction(block_language(self)),
        }, self.i18n)
        return Response(html, content_type="text/html", charset="utf-8")

    # ---- ScorableXBlockMixin -----------------------------------------------------------------
    def has_submitted_answer(self):
        return self.runs > 0

    def calculate_score(self):
        return Score((self.best or {}).get("score", 0.0), 1.0)
