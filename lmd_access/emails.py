"""Mail to officers on each decision and to coordinators on new requests (Django's e-mail API;
the demo uses the console backend)."""
from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import CoordinatorRegistration


def _sender():
    return getattr(settings, "DEFAULT_FROM_EMAIL", "lmd@localhost")


def new_request(item):
    recipients = list(CoordinatorRegistration.objects.filter(
        CoordinatorRegistration.active_q(), administration=item.administration, daily_digest=False)
        .exclude(user__email="").values_list("user__email", flat=True))
    if recipients:
        send_mass_mail([(_("New request for %(course)s") % {"course": item.course.title},
                         _("%(officer)s (%(unit)s) asks for access. Decide on your dashboard.") % {
                             "officer": item.officer.get_full_name() or item.officer.username, "unit": item.unit},
                         _sender(), recipients)], fail_silently=True)


def decisions(items):
    messages = []
    for item in items:
        if item.officer.email:
            messages.append((_("Your request for %(course)s: %(status)s") % {
                "course": item.course.title, "status": item.get_status_display()},
                item.reason or "", _sender(), [item.officer.email]))
    if messages:
        send_mass_mail(messages, fail_silently=True)


def daily_digest(since):
    """One e-mail per coordinator who chose the digest: the requests received since `since`."""
    from .models import EnrolmentRequest
    messages = []
    registrations = (CoordinatorRegistration.objects.filter(CoordinatorRegistration.active_q(), daily_digest=True)
                     .exclude(user__email="").select_related("user"))
    for registration in registrations:
        new = list(EnrolmentRequest.objects.filter(administration_id=registration.administration_id,
                                                   status=EnrolmentRequest.PENDING, created_at__gte=since)
                   .select_related("officer", "course"))
        if new:
            lines = [f"- {r.officer.get_full_name() or r.officer.username} ({r.unit}): {r.course.title}" for r in new]
            messages.append((ngettext("%(n)d new request awaiting your decision", "%(n)d new requests awaiting your decision",
                                      len(new)) % {"n": len(new)},
                             "\n".join(lines), _sender(), [registration.user.email]))
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return len(messages)
