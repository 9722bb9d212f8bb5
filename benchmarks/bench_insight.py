"""The insight pages at scale (issue 15): the coordinator's home and officers' progress, the
facilitator's learners and item analysis, and the Secretariat's report, with 1,000 then 10,000
learners who have answered module 1's quiz and have scores in every module's quiz, beside
100,000 enrolment requests. Prints each page's query count at both sizes (it must not grow) and
its time. The data goes straight into the demo's tables (workbench state rows, the runtime's
activity rows), as if the learners had played."""
import json
import random
import time

from common import setup_django
from server import demo_database

SIZES = (1000, 10000)
REQUESTS = 100_000
PAGES = [
    ("coordinator home", "coord", "/access/coordinator/"),
    ("coordinator: officers' progress", "coord", "/access/coordinator/progress/"),
    ("facilitator: learners", "facilitator", "/access/staff/{course}/"),
    ("facilitator: questions of module 1", "facilitator", "/access/staff/{course}/questions/?module=1"),
    ("Secretariat: report", "secretariat", "/access/report/"),
]


def world():
    from datetime import date

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from workbench.scenarios import init_scenarios

    from lmd_access.models import CoordinatorRegistration, GatedCourse, MemberAdministration
    with transaction.atomic():
        init_scenarios()  # the course's blocks, as the demo loads them when it starts
    users = get_user_model()
    admin = MemberAdministration.objects.create(name="Bench", country_code="BE")
    course = GatedCourse.objects.create(course_id=settings.LMD_COURSE_ID, title="LMD")
    coord = users.objects.create(username="coord")
    CoordinatorRegistration.objects.create(user=coord, administration=admin, starts_on=date(2020, 1, 1))
    return {"admin": admin, "course": course, "coord": coord,
            "facilitator": users.objects.create(username="facilitator", is_staff=True),
            "secretariat": users.objects.create(username="secretariat", is_staff=True, is_superuser=True)}


def learners(w, start, stop):
    """Officers start..stop: approved, with module 1's quiz answered (better learners answer
    more questions right) and a score in each module's quiz, completed."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from workbench.models import XBlockState

    from lmd_access.insight.source import QUIZ
    from lmd_access.models import EnrolmentRequest, OfficerProfile
    from lmd_demo.insight_results import WorkbenchResults
    from lmd_demo.models import BlockActivity
    users = get_user_model()
    made = users.objects.bulk_create([users(username=f"officer{i}") for i in range(start, stop)], batch_size=2000)
    OfficerProfile.objects.bulk_create([OfficerProfile(user=u, administration=w["admin"]) for u in made], batch_size=2000)
    now = timezone.now()
    EnrolmentRequest.objects.bulk_create([EnrolmentRequest(
        officer=u, administration=w["admin"], course=w["course"], position="p", unit="u", justification="j",
        status="approved", pending_guard=None, decided_at=now) for u in made], batch_size=2000)
    source = WorkbenchResults()
    outline = source.outline(w["course"].course_id)
    ids = {name: usage for usage, name in source.usage_ids().items()}
    quiz = outline.activity("m01-quiz")
    rows, activity = [], []
    for n, user in enumerate(made):
        skill = random.random()
        chosen = {}
        for q in quiz.content["questions"]:
            right = random.random() < 0.3 + 0.6 * skill
            if q["type"] == "ordering":
                order = [i["id"] for i in q["items"]]
                chosen[q["id"]] = order if right else order[::-1]
            else:
                keys = [o["id"] for o in q["options"] if o["correct"] == right] or [q["options"][0]["id"]]
                chosen[q["id"]] = keys if q["type"] == "multiple" else keys[0]
        usage = ids["m01-quiz"]
        rows.append(XBlockState(scope="usage", scope_id=usage, user_id=user.username, scenario=usage.split(".")[0],
                                tag="lmd_quiz", state=json.dumps({"attempts": 1, "best_responses": chosen,
                                                                  "responses": chosen, "raw_score": skill})))
        for a in outline.activities(QUIZ):
            activity.append(BlockActivity(username=user.username, usage_id=ids[a.url_name], score=skill,
                                          modified=now - timezone.timedelta(days=n % 60),
                                          completed_at=now - timezone.timedelta(days=n % 60)))
    XBlockState.objects.bulk_create(rows, batch_size=2000)
    BlockActivity.objects.bulk_create(activity, batch_size=5000)


def closed_requests(w, count):
    """Requests decided long ago (rejected), by officers already there: the requests table at scale."""
    from django.contrib.auth import get_user_model

    from lmd_access.models import EnrolmentRequest
    officers = list(get_user_model().objects.filter(username__startswith="officer").values_list("pk", flat=True))
    EnrolmentRequest.objects.bulk_create([EnrolmentRequest(
        officer_id=officers[i % len(officers)], administration=w["admin"], course=w["course"], position="p",
        unit="u", justification="j", status="rejected", pending_guard=None) for i in range(count)], batch_size=5000)


def measure(w):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    found = {}
    for name, who, path in PAGES:
        client = Client(HTTP_HOST="127.0.0.1")  # a host the demo answers
        client.force_login(w[who])
        client.get("/access/")  # the session's first request also saves its language
        url = path.format(course=w["course"].pk)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        found[name] = (len(queries), elapsed)
    return found


def main():
    random.seed(15)
    with demo_database():
        setup_django()
        w = world()
        results, done = {}, 0
        for size in SIZES:
            learners(w, done, size)
            done = size
            closed_requests(w, (REQUESTS - size) if size == SIZES[-1] else size)
            results[size] = measure(w)
        print(f"  {'page':38} {'queries':>18} {'time':>22}")
        for name, _who, _path in PAGES:
            (q1, t1), (q2, t2) = results[SIZES[0]][name], results[SIZES[1]][name]
            print(f"  {name:38} {q1:>5} -> {q2:<5} {'same' if q1 == q2 else 'GROWS':>6} "
                  f"{t1 * 1000:>8.0f} ms -> {t2 * 1000:.0f} ms")
        print(f"  ({SIZES[0]:,} then {SIZES[1]:,} learners; {REQUESTS:,} requests at the larger size)")


if __name__ == "__main__":
    main()
