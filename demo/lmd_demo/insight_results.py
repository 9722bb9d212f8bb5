"""The insight pages' results in the demo (settings.LMD_ACCESS_RESULTS): the course from the
course source (courses/lmd/model.py, as the demo serves it), each learner's state from the
workbench's rows (scope "usage", JSON; as user_states.py lists them), and scores, completion and
last changes from what the demo's runtime records of a block's events (models.BlockActivity).

The demo serves one course for every language: a learner's state is one, whatever language they
read it in."""
import json
from datetime import datetime, timezone as dt_timezone

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from workbench.models import XBlockState
from workbench.scenarios import get_scenarios

from lmd_access.insight.source import KINDS, QUIZ, Activity, Module, Outline, State, Summary, merge_summaries

from .course_block import demo_course, scenario_ids
from .models import BlockActivity

NEVER = datetime.min.replace(tzinfo=dt_timezone.utc)


class WorkbenchResults:
    def outline(self, course_id):
        if course_id != settings.LMD_COURSE_ID:
            return None
        return Outline([Module(m.number, m.title, [Activity(p.tag, p.url_name, p.display_name, m.number, p.data)
                                                   for p in m.parts if p.tag in KINDS])
                        for m in demo_course(translation.get_language())])

    def usage_ids(self, url_names=None):
        """{usage id: url_name} of the course's activities in every run: each module's children
        as the workbench stored them (one query), in the order of the module's parts."""
        modules = {m.number: m for m in demo_course()}
        roots = {get_scenarios()[scenario_id].usage_id: modules[number]
                 for number, scenario_id in scenario_ids().items()}
        found = {}
        for root, state in XBlockState.objects.filter(scope="children", scope_id__in=roots).values_list(
                "scope_id", "state"):
            for usage_id, part in zip(json.loads(state).get("children", []), roots[root].parts):
                if part.tag in KINDS and (url_names is None or part.url_name in url_names):
                    found[usage_id] = part.url_name
        return found

    def learners(self, course_id):
        """Accounts with a state row of one of the course's activities (rows appear once a
        learner opens a module)."""
        rows = XBlockState.objects.filter(scope="usage", scope_id__in=self.usage_ids(), user_id__isnull=False)
        return get_user_model().objects.filter(username__in=rows.values("user_id"))

    def summaries(self, course_id, users):
        ids = self.usage_ids()
        rows = BlockActivity.objects.filter(username__in=users.values("username"), usage_id__in=ids).values_list(
            "username", "usage_id", "score", "completed_at", "modified")
        return merge_summaries(Summary(username, ids[usage_id], score, done, modified)
                               for username, usage_id, score, done, modified in rows)

    def states(self, course_id, users, url_names=None):
        ids = self.usage_ids(url_names)
        names = users.values("username")
        changed = dict(((u, b), m) for u, b, m in BlockActivity.objects.filter(
            username__in=names, usage_id__in=ids).values_list("username", "usage_id", "modified"))
        latest = {}
        for username, usage_id, text in XBlockState.objects.filter(
                scope="usage", scope_id__in=ids, user_id__in=names).values_list("user_id", "scope_id", "state"):
            state = json.loads(text or "{}")
            if not state:
                continue  # a row made when the learner only opened the module
            modified = changed.get((username, usage_id))
            key = (username, ids[usage_id])
            if key not in latest or (modified or NEVER) > (latest[key].modified or NEVER):
                latest[key] = State(username, ids[usage_id], state, modified)
        return list(latest.values())

    def course_grades(self, course_id, users, summaries=None):
        """The grading policy the OLX export writes: every module's quiz counts alike, an
        unattempted quiz as zero (from `summaries` when the caller has them already)."""
        quizzes = {a.url_name for a in self.outline(course_id).regular_quizzes()}
        totals = {username: 0.0 for username in users.values_list("username", flat=True)}
        for item in summaries if summaries is not None else self.summaries(course_id, users):
            if item.url_name in quizzes and item.score is not None:
                totals[item.username] += item.score
        return {username: total / len(quizzes) for username, total in totals.items()} if quizzes else {}

    def reset_quiz_attempts(self, course_id, user, url_name, actor):
        """The quiz's own staff reset (its reset_attempts handler: attempts, answers, result and
        pass given back; the best score stays) applied to this learner's state in every run
        where they have one. Returns False when they have none."""
        from .runtime import DemoRuntime
        ids = [usage_id for usage_id, name in self.usage_ids([url_name]).items()]
        rows = (XBlockState.objects.filter(scope="usage", scope_id__in=ids, user_id=user.username)
                .exclude(state="{}").values_list("scope_id", flat=True))
        done = False
        for usage_id in rows:
            block = DemoRuntime(user.username).get_block(usage_id)
            if block.scope_ids.block_type != QUIZ:
                continue
            block.attempts, block.responses, block.results = 0, {}, {}
            block.last_score, block.passed = None, False
            block.save()
            done = True
        return done
