"""Every change to an enrolment request happens here, so that each one is checked, recorded in
the audit trail and safe when two coordinators act at once (a conditional UPDATE: the first
decision wins, the second gets a Conflict and writes nothing)."""
import functools
import re
import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import emails, platform
from .models import (
    MAX_TEXT, CoordinatorRegistration, EnrolmentRequest, GatedCourse, OfficerProfile, RequestTransition,
)

LOCK_RETRIES = 20
MAX_ID = 2 ** 63 - 1  # the largest id a database column holds; larger ones are not ids
MAX_BATCH = 1000  # requests decided at once: a screenful many times over, bounded for the database
BUSY = ("locked", "busy", "deadlock")


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
    then reports the conflict. Inside a transaction that already read (a request under
    ATOMIC_REQUESTS) another try cannot succeed, and still busy after the last try the answer is
    a Conflict (409, "try again"), never a server error."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(LOCK_RETRIES):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if not any(word in str(exc).lower() for word in BUSY):
                    raise
                if attempt == LOCK_RETRIES - 1 or connection.in_atomic_block:
                    raise Conflict(_("The database is busy; nothing was changed. Try again.")) from exc
                time.sleep(0.05 * (attempt + 1))
    return wrapper


def is_secretariat(user):
    """The Secretariat: superusers, or accounts given the app's "secretariat" permission. Course
    staff are not the Secretariat."""
    return bool(user.is_authenticated and user.is_active
                and (user.is_superuser or user.has_perm("lmd_access.secretariat")))


def request_ids(value):
    """A JSON list of request ids, checked: integers (not booleans, not text), each a possible
    id, at most MAX_BATCH of them. Returns them sorted, without repeats."""
    if not isinstance(value, list) or not all(type(i) is int and 0 < i <= MAX_ID for i in value):
        raise AccessError(_("'ids' must be a list of request ids."))
    if not value:
        raise AccessError(_("Choose at least one request."))
    if len(value) > MAX_BATCH:
        raise AccessError(ngettext("Choose at most %(max)d request at once.", "Choose at most %(max)d requests at once.",
                                    MAX_BATCH) % {"max": MAX_BATCH})
    return sorted(set(value))


def form_request_ids(values):
    """Request ids from a form's checkboxes (text): digits only, then request_ids()' checks."""
    if not all(isinstance(v, str) and re.fullmatch(r"[0-9]{1,19}", v) for v in values):
        raise AccessError(_("'ids' must be a list of request ids."))
    return request_ids([int(v) for v in values])


def coordinated_administrations(user):
    """Ids of the administrations `user` coordinates today (none once the registration ended)."""
    if not user.is_authenticated:
        return set()
    return set(CoordinatorRegistration.objects.filter(CoordinatorRegistration.active_q(), user=user)
               .values_list("administration_id", flat=True))


def has_access(user, course_id):
    """True if the course is not gated, or the user has an approved request for it.

    One plain query, because it runs before every learner's request (each autosave of a draft
    among them): asked as two ORM queries, it was about a third of a draft save's time."""
    if not user.is_authenticated:
        return not GatedCourse.objects.filter(course_id=course_id).exists()
    with connection.cursor() as cursor:
        cursor.execute(_has_access_sql(), [user.pk, EnrolmentRequest.APPROVED, course_id])
        row = cursor.fetchone()
    return row is None or bool(row[0])  # no row: the course is not gated


@functools.cache
def _has_access_sql():
    name = connection.ops.quote_name
    request, gated = EnrolmentRequest._meta, GatedCourse._meta

    def column(meta, field):
        return name(meta.get_field(field).column)

    return (f"SELECT EXISTS(SELECT 1 FROM {name(request.db_table)} r "
            f"WHERE r.{column(request, 'course')} = g.{column(gated, 'id')} "
            f"AND r.{column(request, 'officer')} = %s AND r.{column(request, 'status')} = %s) "
            f"FROM {name(gated.db_table)} g WHERE g.{column(gated, 'course_id')} = %s")


def _text(value, field, required=True, limit=MAX_TEXT):
    value = (value or "").strip() if isinstance(value, str) or value is None else None
    if value is None:
        # The field's name after a colon: the sentence needs no agreement with it (gender, article).
        raise AccessError(_("This field must be text: %(field)s.") % {"field": field})
    if required and not value:
        raise AccessError(_("This field is required: %(field)s.") % {"field": field})
    if len(value) > limit:
        raise AccessError(ngettext("This field has %(n)d character; the limit is %(max)d: %(field)s.",
                                    "This field has %(n)d characters; the limit is %(max)d: %(field)s.", len(value)) % {
            "field": field, "n": len(value), "max": limit})
    return value


@retry_when_locked
def request_access(officer, course_id, position, unit, justification):
    if not isinstance(course_id, str):
        raise AccessError(_("'course' must be text."))
    try:
        profile = OfficerProfile.objects.select_related("administration").get(user=officer)
    except OfficerProfile.DoesNotExist:
        raise NotAllowed(_("Your account is not linked to a member administration.")) from None
    course = GatedCourse.objects.filter(course_id=course_id).first()
    if course is None:
        raise AccessError(_("Unknown course: %(course)s") % {"course": course_id})
    fields = {"position": _text(position, _("Position"), limit=200), "unit": _text(unit, _("Unit"), limit=200),
              "justification": _text(justification, _("Justification"))}
    if EnrolmentRequest.objects.filter(officer=officer, course=course, status=EnrolmentRequest.APPROVED).exists():
        raise Conflict(_("You already have access to this course."))
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
    item = None
    if type(request_id) is int and 0 < request_id <= MAX_ID:
        item = EnrolmentRequest.objects.filter(pk=request_id, officer=officer).first()
    if item is None:
        raise NotAllowed(_("No such request of yours."))
    _transition([item.pk], EnrolmentRequest.WITHDRAWN, officer, _("Withdrawn by the officer."))
    return EnrolmentRequest.objects.get(pk=item.pk)


@retry_when_locked
def decide(coordinator, ids_given, approve, reason):
    """Approve or reject pending requests of the coordinator's own administrations, in bulk.
    All or nothing: any request that is not theirs or no longer pending refuses the batch."""
    if not isinstance(approve, bool):
        raise AccessError(_("'approve' must be true or false."))
    reason = _text(reason, _("Reason"), required=not approve)
    ids = request_ids(ids_given)
    admins = coordinated_administrations(coordinator)
    if not admins:
        raise NotAllowed(_("You are not an active national coordinator."))
    owned = set(EnrolmentRequest.objects.filter(pk__in=ids, administration_id__in=admins).values_list("pk", flat=True))
    if owned != set(ids):
        raise NotAllowed(_("Some of these requests are not from your administration."))
    status = EnrolmentRequest.APPROVED if approve else EnrolmentRequest.REJECTED
    # An approval's reason is the coordinator's own words or nothing: a stock "Approved." would be
    # stored in the coordinator's language and sent as a reason to officers who read another.
    _transition(ids, status, coordinator, reason)
    decided = list(EnrolmentRequest.objects.filter(pk__in=ids).select_related("officer", "course"))
    emails.decisions(decided)
    return decided


@retry_when_locked
def revoke(actor, ids_given, reason):
    """Take back approvals: the officer loses access, and is unenrolled where the platform
    enrols (platform.unenrol; the enrolment gate refuses them again). By an active coordinator of
    each request's administration, or the Secretariat; a reason is required; all or nothing."""
    reason = _text(reason, _("Reason"))
    ids = request_ids(ids_given)
    if not is_secretariat(actor):
        admins = coordinated_administrations(actor)
        if not admins:
            raise NotAllowed(_("Only a national coordinator or the Secretariat can revoke access."))
        owned = set(EnrolmentRequest.objects.filter(pk__in=ids, administration_id__in=admins)
                    .values_list("pk", flat=True))
        if owned != set(ids):
            raise NotAllowed(_("Some of these requests are not from your administration."))
    with transaction.atomic():
        _transition(ids, EnrolmentRequest.REVOKED, actor, reason, from_status=EnrolmentRequest.APPROVED)
        revoked = list(EnrolmentRequest.objects.filter(pk__in=ids).select_related("officer", "course"))
        for item in revoked:  # in the same transaction: revoked and unenrolled together, or neither
            platform.unenrol(item.officer, item.course.course_id)
    emails.decisions(revoked)
    return revoked


def _transition(ids, to_status, actor, reason, from_status=EnrolmentRequest.PENDING):
    """Move requests from `from_status` to `to_status`; one conditional UPDATE, so a request
    decided by someone else a moment ago is not decided twice."""
    now = timezone.now()
    with transaction.atomic():
        changed = (EnrolmentRequest.objects.filter(pk__in=ids, status=from_status)
                   .update(status=to_status, pending_guard=None, reason=reason, decided_by=actor, decided_at=now))
        if changed != len(ids):
            transaction.set_rollback(True)
            if from_status == EnrolmentRequest.APPROVED:
                raise Conflict(_("Only approved requests can be revoked; reload and try again."))
            raise Conflict(_("Some of these requests were already decided or withdrawn; reload and try again."))
        _record_transitions(ids, from_status, to_status, actor, reason, now)


def _record_transitions(ids, from_status, to_status, actor, reason, now):
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
        cursor.execute(sql, [from_status, to_status, actor.pk if actor else None, reason, at, *id_params])


@retry_when_locked
def expire(older_than_days=90):
    """Expire requests left pending too long (management command lmd_access_expire)."""
    cutoff = timezone.now() - timezone.timedelta(days=older_than_days)
    ids = list(EnrolmentRequest.objects.filter(status=EnrolmentRequest.PENDING, created_at__lt=cutoff)
               .values_list("pk", flat=True))
    if ids:
        _transition(ids, EnrolmentRequest.EXPIRED, None, _("No decision within %(days)d days.") % {"days": older_than_days})
    return len(ids)
