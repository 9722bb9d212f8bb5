"""Course access at scale: bulk approval of 10,000 pending requests and the coordinator's first
dashboard page with 100,000 requests. Prints the query counts at two sizes (they must not grow)
and the time against a per-row loop baseline (one decision at a time)."""
import time

from common import report, setup_django
from server import demo_database


def seed(n, status="pending"):
    from django.contrib.auth import get_user_model

    from lmd_access.models import EnrolmentRequest as R
    users = get_user_model()
    officers = users.objects.bulk_create([users(username=f"bench-{status}-{n}-{i}") for i in range(n)])
    world = _world()
    R.objects.bulk_create([R(officer=o, administration=world["admin"], course=world["course"], position="p",
                             unit="u", justification="j", status=status,
                             pending_guard=True if status == "pending" else None) for o in officers], batch_size=2000)
    return list(R.objects.filter(status=status, officer__username__startswith=f"bench-{status}-{n}-")
                .values_list("pk", flat=True))


def _world():
    from datetime import date

    from django.contrib.auth import get_user_model

    from lmd_access.models import CoordinatorRegistration, GatedCourse, MemberAdministration
    admin, _ = MemberAdministration.objects.get_or_create(name="Bench", defaults={"country_code": "BE"})
    course, _ = GatedCourse.objects.get_or_create(course_id="course-v1:B+B+1", defaults={"title": "B"})
    coord, created = get_user_model().objects.get_or_create(username="bench-coord")
    if created:
        CoordinatorRegistration.objects.create(user=coord, administration=admin, starts_on=date(2020, 1, 1))
    return {"admin": admin, "course": course, "coord": coord}


def counted(func):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        func()
        elapsed = time.perf_counter() - start
    return len(queries), elapsed


def main():
    with demo_database():
        setup_django()
        from django.test import Client

        from lmd_access import services
        coord = _world()["coord"]
        for n in (1000, 10000):
            ids = seed(n)
            queries, bulk = counted(lambda: services.decide(coord, ids, True, ""))
            print(f"  bulk approval of {n} requests: {queries} queries, {bulk:.2f} s")
        loop_ids = seed(500)
        _, loop = counted(lambda: [services.decide(coord, [pk], True, "") for pk in loop_ids])
        report("bulk approval per request vs one-at-a-time loop", bulk / 10000, loop / 500, "s/request", 1.0)
        client = Client()
        client.force_login(coord)
        for n in (10000, 90000):
            seed(n, status="rejected")
            queries, page = counted(lambda: client.get("/access/coordinator/"))
            print(f"  dashboard first page with ~{n + 12000} requests: {queries} queries, {page * 1000:.0f} ms")


if __name__ == "__main__":
    main()
