"""Many people acting on one request at the same moment, through the JSON API and the demo's
whole request stack (middleware, ATOMIC_REQUESTS), on the database the settings name: N
coordinators decide the same request, then one officer sends N copies of a new request (a
storm of double clicks). Each client has its own thread and database connection. Prints the
HTTP statuses and what was stored, as JSON. Run by test_contention.py on a SQLite file."""
import json
import sys
import threading
from collections import Counter
from datetime import date

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from lmd_access.models import (  # noqa: E402
    CoordinatorRegistration, EnrolmentRequest, GatedCourse, MemberAdministration, OfficerProfile, RequestTransition,
)

COURSE = "course-v1:LMD+LMD101+2026"


def client_for(user):
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)  # a 500 is counted, not raised
    client.force_login(user)
    return client


def race(clients, path, bodies):
    barrier, statuses = threading.Barrier(len(clients)), []

    def one(client, body):
        barrier.wait()
        try:
            statuses.append(client.post(path, json.dumps(body), content_type="application/json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=pair) for pair in zip(clients, bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(sorted(Counter(statuses).items()))


def main(racers):
    users = get_user_model()
    admin = MemberAdministration.objects.create(name="Eastland", country_code="EL")
    GatedCourse.objects.create(course_id=COURSE, title="LMD")
    coordinators = [users.objects.create_user(f"coord{i}") for i in range(racers)]
    for user in coordinators:
        CoordinatorRegistration.objects.create(user=user, administration=admin, starts_on=date(2020, 1, 1))
    officer = users.objects.create_user("officer")
    OfficerProfile.objects.create(user=officer, administration=admin)
    first = client_for(officer).post("/access/api/requests/", json.dumps(
        {"course": COURSE, "position": "Head", "unit": "Unit", "justification": "Why"}), content_type="application/json")
    pk = first.json()["request"]["id"]

    decided = race([client_for(u) for u in coordinators], "/access/api/decisions/",
                   [{"ids": [pk], "approve": i % 2 == 0, "reason": "in parallel"} for i in range(racers)])
    decisions = RequestTransition.objects.filter(request_id=pk, from_status="pending").count()
    if EnrolmentRequest.objects.get(pk=pk).status == "approved":  # so that the officer may ask again
        client_for(coordinators[0]).post("/access/api/revocations/", json.dumps({"ids": [pk], "reason": "again"}),
                                         content_type="application/json")
    officers = [client_for(officer) for _ in range(racers)]
    asked = race(officers, "/access/api/requests/",
                 [{"course": COURSE, "position": "Head", "unit": "Unit", "justification": "Again"}] * racers)
    pending = EnrolmentRequest.objects.filter(officer=officer, status="pending").count()
    print(json.dumps({"vendor": connection.vendor, "decided": decided, "decisions": decisions, "asked": asked,
                      "pending": pending}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
