"""Member administrations, their national coordinators, gated courses, and enrolment requests
with every transition kept. Nothing here is ever deleted (PROTECT everywhere)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_TEXT = 2000


class MemberAdministration(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    country_code = models.CharField(_("country code"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("member administration")

    def __str__(self):
        return self.name


class CoordinatorRegistration(models.Model):
    """A national coordinator, registered by the Secretariat for a period (so one can be
    replaced by another without losing who decided what before)."""
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coordinator_registrations",
                             verbose_name=_("coordinator"))
    administration = models.ForeignKey(MemberAdministration, on_delete=models.PROTECT, related_name="coordinators",
                                       verbose_name=_("administration"))
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("registered by"))
    daily_digest = models.BooleanField(_("one daily e-mail instead of one per request"), default=False)

    class Meta:
        verbose_name = _("coordinator registration")

    def __str__(self):
        return f"{self.user} ({self.administration}, {self.starts_on}–{self.ends_on or '…'})"

    @classmethod
    def active_q(cls, today=None):
        today = today or timezone.localdate()
        return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))


class OfficerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lmd_officer",
                                verbose_name=_("officer"))
    administration = models.ForeignKey(MemberAdministration, on_delete=models.PROTECT, related_name="officers",
                                       verbose_name=_("administration"))

    class Meta:
        verbose_name = _("officer")

    def __str__(self):
        return f"{self.user} ({self.administration})"


class GatedCourse(models.Model):
    course_id = models.CharField(_("course id"), max_length=255, unique=True)
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        verbose_name = _("gated course")

    def __str__(self):
        return self.title


class EnrolmentRequest(models.Model):
    PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED = "pending", "approved", "rejected", "withdrawn", "expired"
    REVOKED = "revoked"  # an approval taken back (services.revoke): the officer loses access
    STATUSES = [(PENDING, _("pending")), (APPROVED, _("approved")), (REJECTED, _("rejected")),
                (WITHDRAWN, _("withdrawn")), (EXPIRED, _("expired")), (REVOKED, _("revoked"))]

    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lmd_requests",
                                verbose_name=_("officer"))
    administration = models.ForeignKey(MemberAdministration, on_delete=models.PROTECT, related_name="requests",
                                       verbose_name=_("administration"))
    course = models.ForeignKey(GatedCourse, on_delete=models.PROTECT, related_name="requests", verbose_name=_("course"))
    position = models.CharField(_("position"), max_length=200)
    unit = models.CharField(_("unit"), max_length=200)
    justification = models.TextField(_("justification"), max_length=MAX_TEXT)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING, db_index=True)
    reason = models.TextField(_("reason for the decision"), max_length=MAX_TEXT, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    # True while pending, NULL once decided (services._transition clears it with the status).
    # MariaDB and MySQL, Open edX's databases, ignore a conditional unique constraint (Django
    # warning W036), but every database treats NULLs as distinct in a unique index: a unique
    # (officer, course, pending_guard) allows one pending request per course and any number of
    # closed ones, everywhere.
    pending_guard = models.BooleanField(null=True, default=True, editable=False)

    class Meta:
        verbose_name = _("enrolment request")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["administration", "status", "created_at"])]
        constraints = [models.UniqueConstraint(fields=["officer", "course", "pending_guard"],
                                               name="lmd_one_pending_request_per_course")]
        # The Secretariat's own right (the report, revoking any approval), so that it can be
        # given without making someone a superuser, and course staff do not have it.
        permissions = [("secretariat", _("Act as the Secretariat: report per administration, revoke any approval"))]

    def __str__(self):
        return _("Request #%(id)s: %(officer)s for %(course)s (%(status)s)") % {
            "id": self.pk, "officer": self.officer, "course": self.course, "status": self.get_status_display()}


class RequestTransition(models.Model):
    """The audit trail: who moved a request from one status to another, when and why."""
    request = models.ForeignKey(EnrolmentRequest, on_delete=models.PROTECT, related_name="transitions",
                                verbose_name=_("request"))
    from_status = models.CharField(_("from"), max_length=10, blank=True)
    to_status = models.CharField(_("to"), max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("by"))
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("audit-trail entry")
        verbose_name_plural = _("audit trail")

    def __str__(self):
        """A sentence saying who did what to which request, and when (the admin's rows read so)."""
        from django.utils.formats import date_format
        values = {"actor": self.actor or _("nobody (automatic)"), "id": self.request_id,
                  "officer": self.request.officer, "course": self.request.course,
                  "when": date_format(timezone.localtime(self.at), "DATETIME_FORMAT")}
        sentence = TRANSITION_SENTENCES.get(self.to_status if self.from_status else "", TRANSITION_SENTENCES[None])
        return str(sentence) % values


# One whole sentence per kind of transition, so that each translates naturally.
TRANSITION_SENTENCES = {
    "": _("%(actor)s asked for %(course)s (request #%(id)s) on %(when)s"),
    EnrolmentRequest.APPROVED: _("%(actor)s approved request #%(id)s (%(officer)s, %(course)s) on %(when)s"),
    EnrolmentRequest.REJECTED: _("%(actor)s rejected request #%(id)s (%(officer)s, %(course)s) on %(when)s"),
    EnrolmentRequest.WITHDRAWN: _("%(actor)s withdrew request #%(id)s (%(officer)s, %(course)s) on %(when)s"),
    EnrolmentRequest.EXPIRED: _("Request #%(id)s (%(officer)s, %(course)s) expired on %(when)s"),
    EnrolmentRequest.REVOKED: _("%(actor)s revoked request #%(id)s (%(officer)s, %(course)s) on %(when)s"),
    None: _("%(actor)s changed request #%(id)s (%(officer)s, %(course)s) on %(when)s"),
}


class AttemptReset(models.Model):
    """A facilitator gave a learner their quiz attempts back (the insight pages): who, whose,
    which quiz, when. Kept like the requests' audit trail: never deleted."""
    course = models.ForeignKey(GatedCourse, on_delete=models.PROTECT, related_name="+", verbose_name=_("course"))
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("learner"))
    quiz = models.CharField(_("quiz"), max_length=255, help_text=_("The quiz's url_name"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("quiz attempts reset")
        verbose_name_plural = _("quiz attempts resets")

    def __str__(self):
        return _("%(actor)s gave %(learner)s the attempts of %(quiz)s back (%(course)s)") % {
            "actor": self.actor, "learner": self.learner, "quiz": self.quiz, "course": self.course}


class Licence(models.Model):
    """A licence the Secretariat issues to a member administration: which courses, which rights,
    for how long. Its record (licence_record()) is what signed packages carry."""
    ACTIVE, REVOKED = "active", "revoked"
    number = models.CharField(_("number"), max_length=40, unique=True)
    licensee = models.ForeignKey(MemberAdministration, on_delete=models.PROTECT, related_name="licences")
    courses = models.ManyToManyField(GatedCourse, related_name="licences")
    may_import = models.BooleanField(_("import"), default=True)
    may_customize = models.BooleanField(_("customize"), default=True)
    may_complete = models.BooleanField(_("complete"), default=True)
    may_translate = models.BooleanField(_("translate"), default=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=10, default=ACTIVE,
                              choices=[(ACTIVE, _("active")), (REVOKED, _("revoked"))])
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("licence")

    def __str__(self):
        return f"{self.number} ({self.licensee})"

    def rights(self):
        return [name for name in ("import", "customize", "complete", "translate") if getattr(self, f"may_{name}")]

    def licence_record(self):
        from courses.licensing.stamp import licence_record
        return licence_record(self.number, self.licensee.name, self.licensee.country_code,
                              [c.course_id for c in self.courses.all()], self.rights(), self.valid_from.isoformat(),
                              self.valid_until.isoformat(), self.issued_by.username if self.issued_by else "",
                              status=self.status)
