"""lmd_quiz: a graded quiz whose answer key never reaches the browser before the reveal."""
from xblock.completable import CompletableXBlockMixin, XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import studio
from ..common.errors import InputError
from ..common.mixins import LmdBlockMixin, XmlContentMixin, _, json_api
from ..common.rendering import block_fragment, dom_id, render_template
from ..common.scoring import RawScoreMixin
from . import content, js_strings
from .grading import check_responses, grade_quiz
from .presentation import learner_order, learner_state, public_question
from .scenarios import workbench_scenarios as _scenarios

PACKAGE = __package__


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")  # Studio only: who may edit the content
class LmdQuizBlock(XmlContentMixin, LmdBlockMixin, studio.StudioXmlEditorMixin, RawScoreMixin,
                   ScorableXBlockMixin, CompletableXBlockMixin, XBlock):
    """Single choice, multiple response, true/false and ordering questions, graded on the server."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    content_module = content
    content_field_names = ("questions", "max_attempts", "pass_threshold", "shuffle", "weight", "purpose")
    translatable_fields = ("questions",)
    icon_class = "problem"

    display_name = String(display_name=_("Display name"), default=_("Quiz"), scope=Scope.settings)
    questions = List(display_name=_("Questions"), default=[], scope=Scope.content)
    max_attempts = Integer(display_name=_("Maximum attempts"), help=_("0 means unlimited"),
                           default=3, scope=Scope.settings)
    pass_threshold = Float(display_name=_("Pass threshold"), help=_("Share of the score needed to pass, 0 to 1"),
                           default=0.7, scope=Scope.settings)
    shuffle = Boolean(display_name=_("Shuffle"), help=_("Questions and options in a stable order per learner"),
                      default=True, scope=Scope.settings)
    weight = Float(display_name=_("Weight"), help=_("Points this quiz is worth in the course grade"),
                   default=1.0, scope=Scope.settings)
    purpose = String(display_name=_("Purpose"),
                     help=_("Empty for a module's quiz; pretest or posttest for the course's tests of learning gain, "
                            "which are not graded"),
                     default="", scope=Scope.settings)

    # Named as in Open edX's capa problems so the instructor dashboard's "reset attempts" works.
    attempts = Integer(default=0, scope=Scope.user_state)
    responses = Dict(default={}, scope=Scope.user_state)
    best_responses = Dict(default={}, scope=Scope.user_state, help="The answers of the best attempt")
    results = Dict(default={}, scope=Scope.user_state)
    last_score = Float(default=None, scope=Scope.user_state)
    raw_score = Float(default=None, scope=Scope.user_state, help="Best score so far, in [0, 1]")
    passed = Boolean(default=False, scope=Scope.user_state)
    # A learner who passed may try again to improve while attempts remain; or ask to see the
    # answers, which ends their attempts (until a reset of `attempts` gives them back).
    answers_shown_at = Integer(default=None, scope=Scope.user_state,
                               help="The number of attempts when the learner asked to see the answers")

    workbench_scenarios = staticmethod(_scenarios)

    # ---- rules -------------------------------------------------------------------------------
    def attempts_left(self):
        if not self.max_attempts:
            return None
        return max(0, self.max_attempts - self.attempts)

    def finished(self):
        """Complete: passed, or out of attempts."""
        return bool(self.passed) or self.attempts_left() == 0

    def answers_revealed(self):
        """The key and explanations are shown once no attempt is left, or once the learner, having
        passed, asked for them. Not at the pass itself: a learner who passed may try again to
        improve, and a retry with the key in view would only copy it."""
        shown = self.answers_shown_at is not None and self.attempts >= self.answers_shown_at
        return self.attempts_left() == 0 or shown

    # ---- views -------------------------------------------------------------------------------
    def ordered_questions(self):
        """The questions in the learner's order and language (ids and keys are the same in every
        language: the server grades with the English content)."""
        return learner_order(self.localized()["questions"], self.learner_seed("order"), self.shuffle)

    @XBlock.supports("multi_device")  # read from the view by the platform, not from the class
    def student_view(self, context=None):
        root_id = dom_id(self)
        html = render_template(PACKAGE, "templates/quiz.html", {
            "root_id": root_id,
            "title": self.localized_display_name(),
            "questions": self.ordered_questions(),
            "max_attempts": self.max_attempts,
            "pass_percent": round(self.pass_threshold * 100),
            "weight": self.weight,
        }, self.i18n)
        return block_fragment(self, html, "quiz.js", "LmdQuizBlock", {
            "state": learner_state(self),
            "i18n": js_strings.translated(self),
            "rootId": root_id,
            "staff": self.user_is_staff(),
        })

    def student_view_data(self, context=None):
        """For the mobile apps, computed once at publish for every learner: the questions without
        their key (in one scrambled order, since no learner is known) and the settings. The
        learner's own order and state come from the `get_user_state` handler."""
        questions = learner_order(self.questions, self.learner_seed("order", learner=""), self.shuffle)
        return {
            "display_name": self.display_name,
            "questions": [public_question(q) for q in questions],
            "max_attempts": self.max_attempts,
            "pass_threshold": self.pass_threshold,
            "weight": self.weight,
        }

    def current_learner_state(self):
        return {**learner_state(self), "questions": [public_question(q) for q in self.ordered_questions()]}

    def lmd_progress(self):
        """Summary for the module container: done, score, passed."""
        return {"complete": self.finished(), "score": self.raw_score,
                "passed": bool(self.passed), "graded": True, "started": self.attempts > 0,
                "purpose": self.purpose or None}  # a pre-test or post-test is not the module's quiz

    # ---- handlers ----------------------------------------------------------------------------
    @json_api
    def submit(self, data, suffix=""):
        """{"responses": {question_id: answer}} -> the learner state (see README)."""
        if self.attempts_left() == 0:
            raise InputError(self.gettext("You have no attempts left."))
        if self.answers_revealed():
            raise InputError(self.gettext("You asked to see the answers: this quiz is closed."))
        questions = self.questions  # read once: XBlock copies mutable field values on every read
        responses = check_responses(questions, data.get("responses"))
        missing = [q["id"] for q in questions if q["id"] not in responses]
        if missing:
            raise InputError(self.gettext("Answer every question before submitting (missing: {ids}).")
                             .format(ids=", ".join(missing)))
        graded = grade_quiz(questions, responses, self.pass_threshold)
        was_finished = self.finished()
        # Still asked for here (the key is not in view) only when a reset of `attempts` gave the
        # attempts back without clearing it (Open edX's instructor dashboard, a facilitator's reset):
        # forget it, or this attempt would reach the old count and close the quiz again.
        self.answers_shown_at = None
        self.attempts += 1
        self.responses = responses
        self.results = graded["results"]
        self.last_score = graded["score"]
        self.passed = self.passed or graded["passed"]
        # After a pass the learner may try again: only a better score replaces the grade (and the
        # answers a rescore grades); a worse retake leaves both as they were.
        if self.record_score(graded["score"], complete=False):  # complete once passed or out of attempts
            self.best_responses = responses
        if self.finished() and not was_finished:
            self.emit_completion(1.0)
        return learner_state(self, self.localized()["questions"])  # feedback in the learner's language

    @json_api
    def show_answers(self, data, suffix=""):
        """{} -> the learner state with the key and explanations. Once passed, the learner may ask
        for them instead of trying again: this ends their attempts."""
        if not self.answers_revealed():  # already shown (no attempt left): nothing to change
            if not self.passed:
                raise InputError(self.gettext("Pass the quiz, or use all your attempts, to see its answers."))
            self.answers_shown_at = self.attempts
        return learner_state(self)

    @json_api
    def reset_attempts(self, data, suffix=""):
        """Staff only: give the current learner their attempts back (the best grade stays
        recorded in Open edX; only a new, higher score replaces it)."""
        self.require_staff()
        self.attempts = 0
        self.responses = {}  # best_responses stay: the best grade stays, and a rescore grades them
        self.results = {}
        self.last_score = None
        self.passed = False
        self.answers_shown_at = None
        return learner_state(self)

    # ---- ScorableXBlockMixin -----------------------------------------------------------------
    def has_submitted_answer(self):
        return self.attempts > 0

    def calculate_score(self):
        """What the platform's rescore asks: the best attempt graded against the current key
        (a worse retake must not lower the grade)."""
        graded = grade_quiz(self.questions, self.best_responses or self.responses, self.pass_threshold)
        return Score(graded["score"], 1.0)
