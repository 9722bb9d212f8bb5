"""E-mails to officers on each decision, to coordinators on each new request or once a day
(Django's e-mail API; the demo prints them to the console).

Each message is written in its recipient's language (platform.user_languages: Open edX's
`pref-lang` preference, the demo's last-used language; the site's default otherwise), as HTML
with a plain-text part (EmailMultiAlternatives), and says which course, the decision's reason
and where to go next (a link to the course, or to the requests). The staff preview page
(email_views.py) renders the same messages from sample data."""
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import platform
from .models import CoordinatorRegistration, EnrolmentRequest


@dataclass
class Message:
    to: str
    language: str
    subject: str = ""
    greeting: str = ""
    paragraphs: list = field(default_factory=list)
    details: list = field(default_factory=list)   # [(label, text)]
    items: list = field(default_factory=list)     # lines of a list (the digest's requests)
    action: tuple = ("", "")                      # (label, absolute URL)
    footer: str = ""

    def context(self):
        try:
            rtl = translation.get_language_info(self.language)["bidi"]
        except KeyError:  # a language Django has no information about
            rtl = False
        return {"m": self, "language": self.language, "rtl": rtl}

    def email(self):
        """The EmailMultiAlternatives: plain text first, the HTML alternative after."""
        with translation.override(self.language):
            text = render_to_string("lmd_access/email/message.txt", self.context())
            html = render_to_string("lmd_access/email/message.html", self.context())
        message = EmailMultiAlternatives(self.subject, text, _sender(), [self.to],
                                         headers={"Content-Language": self.language})
        message.attach_alternative(html, "text/html")
        return message


def _sender():
    return getattr(settings, "DEFAULT_FROM_EMAIL", "lmd@localhost")


def language_of(user, languages):
    """The user's language if this site serves it, else the site's default."""
    wanted = languages.get(user.pk) or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(wanted)
    except LookupError:
        return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def _url(name, query=None):
    return platform.site_url() + reverse(name) + (f"?{urlencode(query)}" if query else "")


def _name(user):
    return user.get_full_name() or user.username


def _frame(message, person):
    message.greeting = _("Hello %(name)s,") % {"name": _name(person)}
    message.footer = _("You receive this e-mail from the course-access service of %(site)s.") % {
        "site": platform.site_url()}
    return message


def decision_message(item, language):
    """To the officer: their request approved, rejected or revoked (item.status says which)."""
    with translation.override(language):
        course = item.course.title
        message = _frame(Message(item.officer.email, language, _("Your request for %(course)s: %(status)s") % {
            "course": course, "status": item.get_status_display()}), item.officer)
        if item.status == EnrolmentRequest.APPROVED:
            message.paragraphs = [_("Your national coordinator approved your request for access to %(course)s.")
                                  % {"course": course}, _("You can start the course now.")]
            message.action = (_("Go to the course"), platform.course_url(item.course.course_id))
        elif item.status == EnrolmentRequest.REVOKED:
            message.paragraphs = [_("Your access to %(course)s has been withdrawn.") % {"course": course}]
            message.action = (_("Your requests"), _url("lmd_access:home"))
        else:
            message.paragraphs = [_("Your national coordinator did not approve your request for access to "
                                    "%(course)s.") % {"course": course},
                                  _("You may ask again when the reason below no longer applies.")]
            message.action = (_("Your requests"), _url("lmd_access:home"))
        if item.reason:
            message.details = [(_("Reason"), item.reason)]
        return message


def new_request_message(item, coordinator, language):
    with translation.override(language):
        message = _frame(Message(coordinator.email, language, _("New request for %(course)s") % {
            "course": item.course.title}), coordinator)
        message.paragraphs = [_("%(officer)s asks for access to %(course)s.") % {
            "officer": _name(item.officer), "course": item.course.title}]
        message.details = [(_("Position"), item.position), (_("Unit"), item.unit),
                           (_("Justification"), item.justification)]
        message.action = (_("Decide on the request"), _url("lmd_access:dashboard", {"status": EnrolmentRequest.PENDING}))
        return message


def digest_message(coordinator, administration, items, language):
    with translation.override(language):
        n = len(items)
        message = _frame(Message(coordinator.email, language, ngettext(
            "%(n)d new request awaiting your decision", "%(n)d new requests awaiting your decision", n) % {"n": n}),
            coordinator)
        message.paragraphs = [ngettext("%(n)d officer of %(administration)s asked for access since yesterday.",
                                       "%(n)d officers of %(administration)s asked for access since yesterday.", n)
                              % {"n": n, "administration": administration}]
        message.items = [_("%(officer)s (%(unit)s): %(course)s") % {
            "officer": _name(r.officer), "unit": r.unit, "course": r.course.title} for r in items]
        message.action = (_("Decide on the requests"), _url("lmd_access:dashboard", {"status": EnrolmentRequest.PENDING}))
        return message


def _send(messages, fail_silently):
    if messages:
        get_connection(fail_silently=fail_silently).send_messages([m.email() for m in messages])
    return len(messages)


def new_request(item):
    registrations = list(CoordinatorRegistration.objects.filter(
        CoordinatorRegistration.active_q(), administration=item.administration, daily_digest=False)
        .exclude(user__email="").select_related("user"))
    coordinators = {r.user.pk: r.user for r in registrations}.values()
    languages = platform.user_languages(coordinators)
    _send([new_request_message(item, user, language_of(user, languages)) for user in coordinators], fail_silently=True)


def decisions(items):
    """One e-mail per decided request (items with officer and course loaded), in a constant
    number of queries however many (the languages in one)."""
    items = [item for item in items if item.officer.email]
    languages = platform.user_languages([item.officer for item in items])
    _send([decision_message(item, language_of(item.officer, languages)) for item in items], fail_silently=True)


def daily_digest(since):
    """One e-mail per coordinator who chose the digest: their administration's requests received
    since `since` and still pending. Returns the number sent."""
    registrations = list(CoordinatorRegistration.objects.filter(CoordinatorRegistration.active_q(), daily_digest=True)
                         .exclude(user__email="").select_related("user", "administration"))
    pending = {}
    for item in (EnrolmentRequest.objects.filter(administration_id__in={r.administration_id for r in registrations},
                                                 status=EnrolmentRequest.PENDING, created_at__gte=since)
                 .select_related("officer", "course").order_by("created_at", "id")):
        pending.setdefault(item.administration_id, []).append(item)
    languages = platform.user_languages([r.user for r in registrations])
    return _send([digest_message(r.user, r.administration.name, pending[r.administration_id],
                                 language_of(r.user, languages))
                  for r in registrations if pending.get(r.administration_id)], fail_silently=False)
