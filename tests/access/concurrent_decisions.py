"""Two coordinators decide the same request at the same moment, and an officer sends the same
request twice at the same moment (a double click), on whatever database the settings name (run
by test_mariadb.py against a real MariaDB). Prints the outcomes as JSON."""
import json
import threading
from datetime import date

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from lmd_access import services  # noqa: E402
from lmd_access.models import (  # noqa: E402
    CoordinatorRegistration, GatedCourse, MemberAdministration, OfficerProfile, RequestTransition,
)


def main():
    users = get_user_model()
    admin = MemberAdministration.objects.create(name="Eastland", country_code="EL")
    GatedCourse.objects.create(course_id="course-v1:LMD+LMD101+2026", title="LMD")
    coordinators = [users.objects.create_user(f"coord{i}") for i in (1, 2)]
    for user in coordinators:
        CoordinatorRegistration.objects.create(user=user, administration=admin, starts_on=date(2020, 1, 1))
    officer = users.objects.create_user("officer")
    OfficerProfile.objects.create(user=officer, administration=admin)
    item = services.request_access(officer, "course-v1:LMD+LMD101+2026", "Head", "Unit", "Why")
    barrier, outcomes = threading.Barrier(2), []

    def decide(user, approve):
        barrier.wait()
        try:
            services.decide(user, [item.pk], approve, "in parallel")
            outcomes.append("won")
        except services.Conflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    # Both reject: after a rejection the officer may ask again (not while approved).
    threads = [threading.Thread(target=decide, args=(u, False)) for u in coordinators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    decisions = RequestTransition.objects.filter(request=item, from_status="pending").count()

    # The rejected request is closed: asking again is allowed, but only once at a time.
    asked = []

    def ask():
        barrier.wait()
        try:
            services.request_access(officer, "course-v1:LMD+LMD101+2026", "Head", "Unit", "Again")
            asked.append("created")
        except services.Conflict:
            asked.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pending = officer.lmd_requests.filter(status="pending").count()
    print(json.dumps({"vendor": connection.vendor, "outcomes": sorted(outcomes), "decisions": decisions,
                      "requests": sorted(asked), "pending": pending}))


if __name__ == "__main__":
    main()
