"""Migration 0004 on existing data: closed requests lose the pending guard, pending ones keep it,
and the new unique index then refuses a second pending request for the same course."""
import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE, AFTER = [("lmd_access", "0003_licence")], [("lmd_access", "0004_pending_guard_for_mariadb")]


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations():
    """These tests leave the schema where they stop; the tests after them need every table
    (0006 adds one), so migrate forward again."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_pending_guard_is_filled_from_the_status():
    old = migrate(BEFORE)
    users, admins = old.get_model("auth", "User"), old.get_model("lmd_access", "MemberAdministration")
    courses, requests = old.get_model("lmd_access", "GatedCourse"), old.get_model("lmd_access", "EnrolmentRequest")
    officer = users.objects.create(username="officer")
    admin = admins.objects.create(name="Eastland", country_code="EL")
    course = courses.objects.create(course_id="course-v1:LMD+LMD101+2026", title="LMD")
    common = {"officer_id": officer.pk, "administration_id": admin.pk, "course_id": course.pk, "position": "p",
              "unit": "u", "justification": "j"}
    closed = [requests.objects.create(status=status, **common).pk for status in ("rejected", "withdrawn")]
    pending = requests.objects.create(status="pending", **common).pk

    new = migrate(AFTER)
    requests = new.get_model("lmd_access", "EnrolmentRequest")
    assert dict(requests.objects.values_list("pk", "pending_guard")) == {closed[0]: None, closed[1]: None,
                                                                         pending: True}
    with pytest.raises(IntegrityError), transaction.atomic():
        requests.objects.create(status="pending", pending_guard=True, **common)
