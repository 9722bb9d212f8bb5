"""Course access: the lifecycle, bad input, concurrency, the enrolment gate and query counts."""
import threading

import pytest
from django.db import connection
from openedx_filters.learning.filters import CourseEnrollmentStarted

from lmd_access import services
from lmd_access.models import EnrolmentRequest, RequestTransition
from tests.access.conftest import COURSE


def test_lifecycle_keeps_every_transition_and_allows_asking_again(world):
    services.decide(world.coord, [world.request.pk], False, "Not this cohort.")
    world.request.refresh_from_db()
    assert world.request.status == "rejected" and world.request.reason == "Not this cohort."
    again = services.request_access(world.officer, COURSE, "Head of unit", "Northgate", "Next cohort please.")
    services.withdraw(world.officer, again.pk)
    trail = list(RequestTransition.objects.filter(request__officer=world.officer).values_list("from_status", "to_status"))
    assert trail == [("", "pending"), ("pending", "rejected"), ("", "pending"), ("pending", "withdrawn")]
    assert EnrolmentRequest.objects.filter(officer=world.officer).count() == 2  # nothing deleted


@pytest.mark.parametrize("args,words", [
    ((COURSE, "Head", "Unit", "Again"), "already have a pending request"),
    (("course-v1:Nope+X+1", "Head", "Unit", "Why"), "Unknown course"),
    ((COURSE, "x" * 201, "Unit", "Why"), "the limit is 200"),
    ((COURSE, "Head", "", "Why"), "This field is required: Unit"),
])
def test_bad_requests_change_nothing(world, args, words):
    before = (EnrolmentRequest.objects.count(), RequestTransition.objects.count())
    with pytest.raises(services.AccessError, match=words):
        services.request_access(world.officer, *args)
    assert (EnrolmentRequest.objects.count(), RequestTransition.objects.count()) == before


def test_rejection_needs_a_reason_and_others_cannot_decide(world):
    with pytest.raises(services.AccessError, match="This field is required: Reason"):
        services.decide(world.coord, [world.request.pk], False, "  ")
    with pytest.raises(services.NotAllowed):
        services.decide(world.other_coord, [world.request.pk], True, "")
    with pytest.raises(services.NotAllowed):
        services.decide(world.ended_coord, [world.request.pk], True, "")
    with pytest.raises(services.NotAllowed):
        services.decide(world.coord, [world.request.pk, 999999], True, "")  # all or nothing
    world.request.refresh_from_db()
    assert world.request.status == "pending"


def test_second_decision_on_the_same_request_is_a_conflict(world):
    services.decide(world.coord, [world.request.pk], True, "")
    with pytest.raises(services.Conflict):
        services.decide(world.coord2, [world.request.pk], False, "Too late")
    assert RequestTransition.objects.filter(request=world.request, from_status="pending").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_at_the_same_time_one_wins(world):
    barrier, outcomes = threading.Barrier(2), []

    def decide(user, approve):
        barrier.wait()
        try:
            services.decide(user, [world.request.pk], approve, "Decided in parallel")
            outcomes.append("won")
        except services.Conflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(u, a)) for u, a in ((world.coord, True), (world.coord2, False))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "won"]
    assert RequestTransition.objects.filter(request=world.request, from_status="pending").count() == 1


def test_enrolment_gate_uses_the_real_openedx_filters(world, settings):
    settings.OPEN_EDX_FILTERS_CONFIG = {"org.openedx.learning.course.enrollment.started.v1": {
        "fail_silently": False, "pipeline": ["lmd_access.filters.RequireApprovedRequest"]}}
    with pytest.raises(CourseEnrollmentStarted.PreventEnrollment):
        CourseEnrollmentStarted.run_filter(user=world.officer, course_key=COURSE, mode="audit")
    services.decide(world.coord, [world.request.pk], True, "")
    user, course_key, mode = CourseEnrollmentStarted.run_filter(user=world.officer, course_key=COURSE, mode="audit")
    assert user == world.officer and course_key == COURSE
    assert CourseEnrollmentStarted.run_filter(user=world.officer2, course_key="course-v1:Open+X+1", mode="audit")


def test_plugin_settings_install_the_gate():
    from types import SimpleNamespace

    from lmd_access.plugin_settings import plugin_settings
    config = SimpleNamespace()
    plugin_settings(config)
    plugin_settings(config)
    assert config.OPEN_EDX_FILTERS_CONFIG["org.openedx.learning.course.enrollment.started.v1"]["pipeline"] == [
        "lmd_access.filters.RequireApprovedRequest"]


def test_dashboard_and_bulk_approval_queries_do_not_grow(world, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lmd_access.models import EnrolmentRequest as R

    def closed(size):
        R.objects.bulk_create([R(officer=world.staff, administration=world.east, course=world.course, position="p",
                                 unit="u", justification="j", status="rejected", pending_guard=None)
                               for _ in range(size)])

    def dashboard_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/access/coordinator/").status_code == 200
        return len(queries)

    client.force_login(world.coord)
    client.get("/access/coordinator/")  # the first request of a session also saves its language
    closed(30)
    small = dashboard_queries()
    closed(270)
    assert dashboard_queries() == small <= 14
    ids = list(R.objects.filter(status="pending").values_list("pk", flat=True))
    with django_assert_max_num_queries(12):
        services.decide(world.coord, ids, True, "")


def test_mail_on_new_requests_decisions_and_daily_digest(world, mailoutbox):
    from django.core.management import call_command

    from lmd_access.models import CoordinatorRegistration
    services.decide(world.coord, [world.request.pk], False, "Full cohort.")
    decision = mailoutbox[-1]
    assert decision.to == ["oe@example.org"] and "rejected" in decision.subject and "Full cohort." in decision.body
    assert any(m.to == ["ce@example.org"] and "New request" in m.subject for m in mailoutbox)
    CoordinatorRegistration.objects.filter(user=world.coord).update(daily_digest=True)
    before = len(mailoutbox)
    services.request_access(world.officer, COURSE, "Head", "Unit", "Again")
    assert len(mailoutbox) == before  # digest coordinators get no per-request mail
    call_command("lmd_access_digest")
    digest = mailoutbox[-1]
    assert digest.to == ["ce@example.org"] and "new request" in digest.subject and "officer_east" in digest.body


def test_old_pending_requests_expire_with_a_recorded_reason(world):
    from django.utils import timezone
    EnrolmentRequest.objects.filter(pk=world.request.pk).update(created_at=timezone.now() - timezone.timedelta(days=120))
    assert services.expire(90) == 1
    world.request.refresh_from_db()
    assert world.request.status == "expired"
    assert RequestTransition.objects.filter(request=world.request, to_status="expired").count() == 1
