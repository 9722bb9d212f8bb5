"""Every change to an enrolment request happens here, so that each one is checked, recorded in
the audit trail and safe when two coordinators act at once (a conditional UPDATE: the first
decision wins, the second gets a Conflict and writes nothing)."""
import functools
import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .models import (
    MAX_TEXT, CoordinatorRegistration, EnrolmentRequest, GatedCourse, OfficerProfile, RequestTransition,
)

LOCK_RETRIES = 20


class AccessError(ValueError):
    """Refused: the message says why. Nothing was changed."""
    status = 400


class NotAllowed(AccessError):
    status = 403


class Conflict(AccessError):
    status = 409


def retry_when_locked(func):
    """SQLite refuses a second writer (and, in shared-cache mode, readers) outright with
    "locked" where MariaDB makes it wait: wait a little and run again; the conditional UPDATE
    then reports the conflict."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(LOCK_RETRIES):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
    return wrapper


def coordinated_administrations(user):
    """Ids of the administrations `user` coordinates today (none once the registration ended)."""
    if not user.is_authenticated:
        return set()
    return set(CoordinatorRegistration.objects.filter(CoordinatorRegistration.active_q(), user=user)
               .values_list("administration_id", flat=True))


def has_access(user, course_id):
    """True if the course is not gated, or the user has an approved request for it."""
    if not GatedCourse.objects.filter(course_id=course_id).exists():
        return True
    return user.is_authenticated and EnrolmentRequest.objects.filter(
        officer=user, course__course_id=course_id, status=EnrolmentRequest.APPROVED).exists()


def _text(value, field, required=True, limit=MAX_TEXT):
    value = (value or "").strip() if isinstance(value, str) or value is None else None
    if value is None:
        raise AccessError(_("%(field)s must be text.") % {"field": field})
    if required and not value:
        raise AccessError(_("%(field)s is required.") % {"field": field})
    if len(value) > limit:
        raise AccessError(_("%(field)s is %(n)d characters; the limit is %(max)d.") % {
            "field": field, "n": len(value), "max": limit})
    return value


@retry_when_locked
def request_access(officer, course_id, position, unit, justification):
    try:
        profile = OfficerProfile.objects.select_related("administration").get(user=officer)
    except OfficerProfile.DoesNotExist:
        raise NotAllowed(_("Your account is not linked to a member administration.")) from None
    course = GatedCourse.objects.filter(course_id=course_id).first()
    if course is None:
        raise AccessError(_("Unknown course: %(course)s") % {"course": course_id})
    fields = {"position": _text(position, _("Position"), limit=200), "unit": _text(unit, _("Unit"), limit=200),
              "justification": _text(justification, _("Justification"))}
    try:
        with transaction.atomic():
            item = EnrolmentRequest.objects.create(officer=officer, administration=profile.administration,
                                                   course=course, **fields)
            RequestTransition.objects.create(request=item, from_status="", to_status=item.status, actor=officer)
    except IntegrityError:
        raise Conflict(_("You already have a pending request for this course.")) from None
    emails.new_request(item)
    return item


@retry_when_locked
def withdraw(officer, request_id):
    item = EnrolmentRequest.objects.filter(pk=request_id, officer=officer).first()
    if item is None:
        raise NotAllowed(_("No such request of yours."))
    _transition([item.pk], EnrolmentRequest.WITHDRAWN, officer, _("Withdrawn by the officer."))
    return EnrolmentRequest.objects.get(pk=item.pk)


@retry_when_locked
def decide(coordinator, request_ids, approve, reason):
    """Approve or reject pending requests of the coordinator's own administrations, in bulk.
    All or nothing: any request that is not theirs or no longer pending refuses the batch."""
    reason = _text(reason, _("Reason"), required=not approve)
    ids = sorted({int(i) for i in request_ids})
    if not ids:
        raise AccessError(_("Choose at least one request."))
    admins = coordinated_administrations(coordinator)
    if not admins:
        raise NotAllowed(_("You are not an active national coordinator."))
    owned = set(EnrolmentRequest.objects.filter(pk__in=ids, administration_id__in=admins).values_list("pk", flat=True))
    if owned != set(ids):
        raise NotAllowed(_("Some of these requests are not from your administration."))
    status = EnrolmentRequest.APPROVED if approve else EnrolmentRequest.REJECTED
    _transition(ids, status, coordinator, reason or _("Approved."))
    decided = list(EnrolmentRequest.objects.filter(pk__in=ids).select_related("officer", "course"))
    emails.decisions(decided)
    return decided


def _transition(ids, to_status, actor, reason):
    """Move pending requests to `to_status`; one conditional UPDATE, so a request decided by
    someone else a moment ago is not decided twice."""
    now = timezone.now()
    with transaction.atomic():
        changed = (EnrolmentRequest.objects.filter(pk__in=ids, status=EnrolmentRequest.PENDING)
                   .update(status=to_status, pending_guard=None, reason=reason, decided_by=actor, decided_at=now))
        if changed != len(ids):
            transaction.set_rollback(True)
            raise Conflict(_("Some of these requests were already decided or withdrawn; reload and try again."))
        _record_transitions(ids, to_status, actor, reason, now)


def _record_transitions(ids, to_status, actor, reason, now):
    """One INSERT ... SELECT for the whole batch: the audit rows come from the rows just
    updated, in one query whatever the batch size (bulk_create would split it on SQLite)."""
    transitions, requests = RequestTransition._meta.db_table, EnrolmentRequest._meta.db_table
    q = connection.ops.quote_name
    id_query, id_params = (EnrolmentRequest.objects.filter(pk__in=ids, status=to_status, decided_at=now)
                           .values("pk").query.sql_with_params())
    sql = (f"INSERT INTO {q(transitions)} ({q('request_id')}, {q('from_status')}, {q('to_status')}, "
           f"{q('actor_id')}, {q('reason')}, {q('at')}) "
           f"SELECT {q('id')}, %s, %s, %s, %s, %s FROM {q(requests)} WHERE {q('id')} IN ({id_query})")
    at = RequestTransition._meta.get_field("at").get_db_prep_value(now, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [EnrolmentRequest.PENDING, to_status, actor.pk if actor else None, reason, at, *id_params])


@retry_when_locked
def expire(older_than_days=90):
    """Expire requests left pending too long (management command lmd_access_expire)."""
    cutoff = timezone.now() - timezone.timedelta(days=older_than_days)
    ids = list(EnrolmentRequest.objects.filter(status=EnrolmentRequest.PENDING, created_at__lt=cutoff)
               .values_list("pk", flat=True))
    if ids:
        _transition(ids, EnrolmentRequest.EXPIRED, None, _("No decision within %(days)d days.") % {"days": older_than_days})
    return len(ids)
