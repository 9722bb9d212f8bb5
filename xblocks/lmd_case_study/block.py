"""lmd_case_study: a scenario with exhibits, free-text reflection questions, the expert analysis
revealed once the learner submits, and a self-assessment against rubric points that yields the
score. Course staff see every learner's answers, with a CSV file for the workshop debrief."""
from webob import Response
from xblock.completable import CompletableXBlockMixin, XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import studio
from ..common.errors import InputError
from ..common.mixins import LmdBlockMixin, XmlContentMixin, _, json_api
from ..common.rendering import block_fragment, dom_id, render_template
from ..common.sanitize import sanitize_html, sanitize_text
from ..common.scoring import RawScoreMixin
from . import content, facilitator, js_strings
from .scenarios import workbench_scenarios as _scenarios

PACKAGE = __package__


def shown_answers(answers):
    """Stored answers as pages and reports show them: text stored before the input rule (a lone
    surrogate, a control character) is cleaned on the way out too, so it never breaks a page."""
    return {qid: sanitize_text(text) for qid, text in (answers or {}).items()}


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")
@XBlock.wants("lmd_user_states")  # the demo's and tests' way to list every learner's answers  # Studio only: who may edit the content
class LmdCaseStudyBlock(XmlContentMixin, LmdBlockMixin, studio.StudioXmlEditorMixin, RawScoreMixin,
                        ScorableXBlockMixin, CompletableXBlockMixin, XBlock):
    """Learners answer in their own words; the score comes from their rubric self-assessment."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    content_module = content
    content_field_names = ("scenario", "exhibits", "questions", "rubric", "analysis", "weight")
    translatable_fields = ("scenario", "exhibits", "questions", "rubric", "analysis")
    icon_class = "problem"

    display_name = String(display_name=_("Display name"), default=_("Case study"), scope=Scope.settings)
    weight = Float(display_name=_("Weight"), default=1.0, scope=Scope.settings)
    scenario = String(default="", scope=Scope.content, help="Rich text: the narrative")
    exhibits = List(default=[], scope=Scope.content, help="[{id, title, html}]: text and tables")
    questions = List(default=[], scope=Scope.content, help="[{id, prompt, max_length}]: reflection questions")
    rubric = List(default=[], scope=Scope.content, help="[{id, text, weight}]: what a strong answer does")
    analysis = String(default="", scope=Scope.content, help="Rich text: shown once the learner submits")

    answers = Dict(default={}, scope=Scope.user_state, help="{question id: plain text}")
    submitted = Boolean(default=False, scope=Scope.user_state)
    assessment = List(default=[], scope=Scope.user_state, help="Rubric point ids the learner ticked")
    raw_score = Float(default=None, scope=Scope.user_state, help="Best self-assessed score, in [0, 1]")
    submitted_at = String(default="", scope=Scope.user_state, help="ISO 8601 time of the submission")
    # Each learner's answers stay in that learner's own state (no shared record that concurrent
    # submissions overwrite, and that account retirement scrubs with the rest of the learner's
    # data); the facilitator reads them as Open edX's problem-responses report does, through
    # generate_report_data().

    workbench_scenarios = staticmethod(_scenarios)

    # ---- rules -------------------------------------------------------------------------------
    def check_answers(self, answers, complete):
        """{question id: text} as the browser sent it -> the plain text to store. Refuses unknown
        ids, non-text and text over a question's limit; with `complete`, any empty answer."""
        if not isinstance(answers, dict):
            raise InputError("'answers' must be an object mapping question ids to text")
        limits = {q["id"]: q["max_length"] for q in self.questions}
        cleaned = {}
        for qid, text in answers.items():
            if qid not in limits:
                raise InputError(f"unknown question id {qid!r}")
            if not isinstance(text, str):
                raise InputError(f"question {qid!r}: the answer must be text")
            text = sanitize_text(text)
            if len(text) > limits[qid]:
                raise InputError(self.ngettext("Question {id}: {n} character; the limit is {max}.",
                                               "Question {id}: {n} characters; the limit is {max}.", len(text))
                                 .format(id=qid, n=len(text), max=limits[qid]))
            cleaned[qid] = text
        if complete:
            missing = [qid for qid in limits if not cleaned.get(qid)]
            if missing:
                raise InputError(self.gettext("Answer every question before submitting (missing: {ids}).")
                                 .format(ids=", ".join(missing)))
        return cleaned

    def check_points(self, points):
        """Rubric point ids as the browser sent them -> a sorted list without repeats."""
        if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
            raise InputError("'points' must be a list of rubric point ids")
        known = {p["id"] for p in self.rubric}
        unknown = [p for p in points if p not in known]
        if unknown:
            raise InputError(f"unknown rubric point id {unknown[0]!r}")
        return sorted(set(points))

    def learner_state(self, with_answers=True):
        """What the front end renders, on load and after each handler alike. The page's own copy
        leaves out the answers: they are already in the textareas, escaped by the template,
        while free text inside the runtime's JSON <script> could close that element."""
        state = {
            "submitted": self.submitted, "assessment": self.assessment, "score": self.raw_score,
            "analysis_html": sanitize_html(self.localized()["analysis"]) if self.submitted else None,
        }
        if with_answers:
            state["answers"] = shown_answers(self.answers)
        return state

    # ---- views -------------------------------------------------------------------------------
    @XBlock.supports("multi_device")  # read from the view by the platform, not from the class
    def student_view(self, context=None):
        root_id = dom_id(self)
        staff = self.user_is_staff()
        shown = self.localized()  # the learner's language; each field read copies the value: read once
        answers, questions = shown_answers(self.answers), shown["questions"]
        html = render_template(PACKAGE, "templates/case_study.html", {
            "root_id": root_id, "title": self.localized_display_name(), "scenario": shown["scenario"],
            "exhibits": [dict(e, has_table="<table" in e["html"].lower()) for e in shown["exhibits"]],
            "rubric": shown["rubric"], "submitted": self.submitted,
            "questions": [dict(q, answer=answers.get(q["id"], "")) for q in questions],
            "staff": staff,
            "rows": self.facilitator_rows(questions) if staff else None,
            "csv_url": self.runtime.handler_url(self, "facilitator_csv") if staff else "",
        }, self.i18n)
        return block_fragment(self, html, "case_study.js", "LmdCaseStudyBlock", {
            "rootId": root_id, "state": self.learner_state(with_answers=False),
            "i18n": js_strings.translated(self),
        }, css=["case_study.css"])

    def student_view_data(self, context=None):
        """For the mobile apps, computed once at publish for every learner: the content with
        rich text sanitized, never the expert analysis (shown only after a learner submits, from
        the `get_user_state` handler with the learner's own answers)."""
        return {
            "display_name": self.display_name, "scenario": sanitize_html(self.scenario),
            "exhibits": [dict(e, html=sanitize_html(e["html"])) for e in self.exhibits],
            "questions": self.questions, "rubric": self.rubric, "weight": self.weight,
        }

    def current_learner_state(self):
        return self.learner_state()

    def local_content(self):
        """What a SCORM package's local backend needs: the content with rich text sanitized."""
        data = self.content_data()
        data["analysis"] = sanitize_html(self.analysis)
        return data

    def lmd_progress(self):
        """Summary for the module container: complete once self-assessed, as the SCORM backend."""
        return {"complete": self.raw_score is not None, "score": self.raw_score, "passed": None,
                "graded": True, "started": bool(self.answers) or self.submitted}

    # ---- handlers ----------------------------------------------------------------------------
    @json_api
    def save_draft(self, data, suffix=""):
        """{"answers": {question_id: text}} -> learner state. Before submission only; replaces
        the draft, so the answers survive a reload."""
        if self.submitted:
            raise InputError(self.gettext("Your answers are already submitted."))
        self.answers = self.check_answers(data.get("answers"), complete=False)
        return self.learner_state()

    @json_api
    def submit(self, data, suffix=""):
        """{"answers": {...}} with every question answered -> learner state with the analysis.
        The answers are locked from then on."""
        if self.submitted:
            raise InputError(self.gettext("Your answers are already submitted."))
        self.answers = self.check_answers(data.get("answers"), complete=True)
        self.submitted = True
        self.submitted_at = facilitator.now_iso()
        return self.learner_state()

    @json_api
    def assess(self, data, suffix=""):
        """{"points": [rubric ids the answers meet]} -> learner state with the score. May be
        repeated; the grade is published only when it improves."""
        if not self.submitted:
            raise InputError(self.gettext("Submit your answers before assessing them."))
        points = self.check_points(data.get("points"))
        self.assessment = points
        self.record_score(content.score_of(self.rubric, points))
        return self.learner_state()

    @XBlock.handler
    def facilitator_csv(self, request, suffix=""):
        """Staff only (GET): every learner's answers and self-assessed score, for the debrief."""
        if not self.user_is_staff():
            return Response(self.gettext("Only course staff may do this."), status=403,
                            content_type="text/plain", charset="utf-8")
        states = self.all_learner_states()
        if states is None:
            return Response(self.gettext("In Open edX, download the learners' answers from the Instructor "
                                         "Dashboard: Data Download, Problem Responses."),
                            status=404, content_type="text/plain", charset="utf-8")
        questions = self.questions
        text = facilitator.csv_text(
            facilitator.rows(states, questions),
            [self.gettext("Learner"), self.gettext("Submitted at"), self.gettext("Score")], questions)
        block_id = str(self.scope_ids.usage_id).rsplit("@", 1)[-1]  # Open edX: ...+block@<id>
        name = "".join(ch if ch.isalnum() else "-" for ch in block_id)[-60:]
        return Response(text, content_type="text/csv", charset="utf-8",
                        content_disposition=f'attachment; filename="case-study-{name}.csv"')

    def all_learner_states(self):
        """Every learner's stored state of this block, where the runtime offers them (the demo
        and the test runtime: an `lmd_user_states` service with Open edX's user state client's
        iter_all_for_block()); None in Open edX, whose Instructor Dashboard reports them."""
        states = self.runtime.service(self, "lmd_user_states")
        return None if states is None else list(states.iter_all_for_block(self.scope_ids.usage_id))

    def facilitator_rows(self, questions):
        """What the staff panel lists; None where the runtime cannot list learners (Open edX:
        the panel points to the Instructor Dashboard's report instead)."""
        states = self.all_learner_states()
        return None if states is None else facilitator.rows(states, questions)

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Open edX's problem-responses report: one row per submitted answer, with the question,
        the learner's text, when it was submitted and the self-assessed score."""
        yield from facilitator.report_rows(user_state_iterator, self.questions, limit_responses)

    # ---- ScorableXBlockMixin -----------------------------------------------------------------
    def has_submitted_answer(self):
        # A score exists only once the learner has assessed: a rescore before that would record
        # 0 for someone who simply has not finished yet.
        return self.raw_score is not None

    def calculate_score(self):
        return Score(content.score_of(self.rubric, self.assessment), 1.0)
