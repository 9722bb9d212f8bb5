"""The adapter between the insight pages and wherever learner results live.

settings.LMD_ACCESS_RESULTS names the class (default: the Open edX one, openedx.OpenEdxResults,
which imports platform code only when called, as lmd_access/platform.py does). The demo sets
"lmd_demo.insight_results.WorkbenchResults". Both answer the same questions with the plain
data below; no copy of learner results is ever kept by the access app.

    outline(course_id)                  the course's modules and activities, with their content
    learners(course_id)                 a User queryset: the learners of the course
    summaries(course_id, users)         per learner and activity: score, completion, last change
    states(course_id, users, url_names) per learner and activity: the block's own user state
    course_grades(course_id, users, summaries=None)
                                        {username: course grade in [0, 1]} (a source that computes
                                        grades from the summaries uses those it is given)
    reset_quiz_attempts(course_id, user, url_name, actor)
                                        the platform's own reset; False when there was nothing

`users` is always a User queryset, so that the platform's tables are filtered by a subquery in
one query, however many learners there are."""
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.module_loading import import_string

QUIZ, CASE_STUDY, ROLE_PLAY = "lmd_quiz", "lmd_case_study", "lmd_role_play"
KINDS = (QUIZ, CASE_STUDY, ROLE_PLAY)
DEFAULT = "lmd_access.insight.openedx.OpenEdxResults"
# A quiz whose url_name ends so is a pre-test or a post-test; the pair shares the stem before
# the suffix ("lmd-pretest" and "lmd-posttest"). Documented with the course format.
PRE_SUFFIX, POST_SUFFIX = "-pretest", "-posttest"


@dataclass(frozen=True)
class Activity:
    kind: str          # one of KINDS
    url_name: str      # the block's url_name: learner state is keyed by it
    title: str
    module: str        # the number of the module it belongs to ("3", "8A", "N1")
    content: dict      # the block's content fields (questions, nodes, endings...)


@dataclass
class Module:
    number: str
    title: str
    activities: list = field(default_factory=list)


@dataclass
class Outline:
    modules: list

    def activities(self, kind=None):
        return [a for m in self.modules for a in m.activities if kind is None or a.kind == kind]

    def activity(self, url_name):
        return next((a for a in self.activities() if a.url_name == url_name), None)

    def module(self, number):
        return next((m for m in self.modules if m.number == number), None)

    def test_pairs(self):
        """[(pre-test, post-test)] quizzes paired by the url_name convention (PRE_SUFFIX)."""
        quizzes = {a.url_name: a for a in self.activities(QUIZ)}
        return [(quiz, quizzes[quiz.url_name[:-len(PRE_SUFFIX)] + POST_SUFFIX]) for quiz in quizzes.values()
                if quiz.url_name.endswith(PRE_SUFFIX) and quiz.url_name[:-len(PRE_SUFFIX)] + POST_SUFFIX in quizzes]

    def regular_quizzes(self):
        """The modules' own quizzes (pre- and post-tests are not module results)."""
        return [a for a in self.activities(QUIZ) if not a.url_name.endswith((PRE_SUFFIX, POST_SUFFIX))]


@dataclass
class Summary:
    """One learner's standing in one activity, without the block's state: the score the block
    published (its best), when it was completed, when its state last changed."""
    username: str
    url_name: str
    score: float = None
    completed_at: datetime = None
    modified: datetime = None


@dataclass
class State:
    username: str
    url_name: str
    state: dict
    modified: datetime = None


def results_source():
    return import_string(getattr(settings, "LMD_ACCESS_RESULTS", DEFAULT))()


def merge_summaries(summaries):
    """One Summary per (learner, activity): the best score, the first completion and the last
    change, for a source that holds a learner's activity more than once (the demo's runs)."""
    merged = {}
    for item in summaries:
        key = (item.username, item.url_name)
        have = merged.get(key)
        if have is None:
            merged[key] = Summary(item.username, item.url_name, item.score, item.completed_at, item.modified)
            continue
        if item.score is not None and (have.score is None or item.score > have.score):
            have.score = item.score
        if item.completed_at and (have.completed_at is None or item.completed_at < have.completed_at):
            have.completed_at = item.completed_at
        if item.modified and (have.modified is None or item.modified > have.modified):
            have.modified = item.modified
    return list(merged.values())
