"""Where each learner stands, from the adapter's summaries (no block state is read): modules
completed, quiz results, last activity; and a course's completions over time.

A module is completed when every one of its activities is (the module block's own rule: its
progress counts the quiz, the case study and the role-play); a quiz is passed by the quiz's one
pass rule (xblocks.lmd_quiz.grading.passes) applied to its best score."""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from xblocks.lmd_quiz.grading import passes

from .source import POST_SUFFIX, PRE_SUFFIX, QUIZ


@dataclass
class ModuleStanding:
    number: str
    title: str
    done: int = 0
    total: int = 0
    quiz_score: float = None
    quiz_passed: bool = False

    @property
    def complete(self):
        return self.total > 0 and self.done == self.total


@dataclass
class Standing:
    username: str
    modules: list = field(default_factory=list)
    last_activity: object = None
    course_grade: float = None
    started: bool = False

    @property
    def modules_done(self):
        return sum(1 for m in self.modules if m.complete)

    @property
    def quizzes_passed(self):
        return sum(1 for m in self.modules if m.quiz_passed)

    @property
    def quiz_scores(self):
        return [m.quiz_score for m in self.modules if m.quiz_score is not None]

    @property
    def quiz_mean(self):
        """The mean best score over the quizzes taken (None before any)."""
        scores = self.quiz_scores
        return sum(scores) / len(scores) if scores else None

    @property
    def course_complete(self):
        return bool(self.modules) and all(m.complete for m in self.modules)


def standings(outline, summaries, usernames, grades=None):
    """{username: Standing} for every name in `usernames` (learners without any result too)."""
    grades = grades or {}
    found = defaultdict(dict)
    for item in summaries:
        found[item.username][item.url_name] = item
    result = {}
    for username in usernames:
        mine = found.get(username, {})
        standing = Standing(username, course_grade=grades.get(username), started=bool(mine))
        for module in outline.modules:
            row = ModuleStanding(module.number, module.title, total=len(module.activities))
            for activity in module.activities:
                item = mine.get(activity.url_name)
                if item is None:
                    continue
                row.done += item.completed_at is not None
                if activity.kind == QUIZ and item.score is not None and not _test(activity):
                    row.quiz_score = item.score
                    row.quiz_passed = passes(item.score, activity.content.get("pass_threshold", 0.7))
            standing.modules.append(row)
        changes = [item.modified for item in mine.values() if item.modified]
        standing.last_activity = max(changes) if changes else None
        result[username] = standing
    return result


def _test(activity):
    """A pre-test or post-test is not the module's quiz (its result is the learning gain's)."""
    return activity.url_name.endswith((PRE_SUFFIX, POST_SUFFIX))


def period_start(moment, period, zone=None):
    """The first day of the week (Monday) or month of `moment`, in the site's time zone (`zone`:
    the caller's, read once for many moments)."""
    day = moment.astimezone(zone or timezone.get_current_timezone()).date() if timezone.is_aware(moment) \
        else moment.date()
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _next(day, period):
    if period == "week":
        return day + timedelta(days=7)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def over_time(moments, period="week", last=26):
    """[(period start, events in it, cumulative)] from the first event to today (at most the
    `last` periods; the cumulative count includes what came before them). Periods without events
    are kept, so that the line's spacing is time."""
    counts, zone = defaultdict(int), timezone.get_current_timezone()
    for moment in moments:
        counts[period_start(moment, period, zone)] += 1
    if not counts:
        return []
    day, end = min(counts), period_start(timezone.now(), period)
    series, total = [], 0
    while day <= max(end, max(counts)):
        total += counts.get(day, 0)
        series.append((day, counts.get(day, 0), total))
        day = _next(day, period)
    return series[-last:]
