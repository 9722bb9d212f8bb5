"""The staff's preview of every e-mail the app sends, in each language the site serves, from
sample data (nothing is saved, nothing is sent)."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import emails
from .insight.access import staff_only
from .models import EnrolmentRequest, GatedCourse, MemberAdministration
from .views import render

KINDS = {
    "approved": gettext_lazy("Decision: approved (to the officer)"),
    "rejected": gettext_lazy("Decision: rejected (to the officer)"),
    "revoked": gettext_lazy("Access revoked (to the officer)"),
    "new_request": gettext_lazy("New request (to each coordinator)"),
    "digest": gettext_lazy("Daily digest (to coordinators who chose it)"),
}


def _sample(status):
    """An unsaved request that reads like a real one (the first gated course, if any)."""
    users = get_user_model()
    officer = users(pk=0, username="officer.sample", first_name="Lina", last_name="Haddad", email="lina@example.org")
    course = GatedCourse.objects.order_by("title").first() or GatedCourse(
        course_id="course-v1:LMD+LMD101+2026", title="Leadership and Management Development")
    reason = {EnrolmentRequest.REJECTED: _("The cohort of this term is full; please ask again in September."),
              EnrolmentRequest.REVOKED: _("You have left the post this course was approved for.")}.get(status, "")
    return EnrolmentRequest(pk=1234, officer=officer, course=course, status=status, reason=reason,
                            administration=MemberAdministration(name="Customs Service of Eastland", country_code="EL"),
                            position=_("Head of section"), unit=_("Border post Northgate"), created_at=timezone.now(),
                            justification=_("To lead my team through the new risk-management procedures."))


def sample_message(kind, language):
    with translation.override(language):  # the sample's own texts in the e-mail's language too
        return _sample_message(kind, language)


def _sample_message(kind, language):
    coordinator = get_user_model()(pk=0, username="coordinator.sample", first_name="Amina", last_name="Diallo",
                                   email="amina@example.org")
    if kind in ("approved", "rejected", "revoked"):
        return emails.decision_message(_sample(kind), language)
    if kind == "new_request":
        return emails.new_request_message(_sample(EnrolmentRequest.PENDING), coordinator, language)
    items = [_sample(EnrolmentRequest.PENDING), _sample(EnrolmentRequest.PENDING)]
    return emails.digest_message(coordinator, items[0].administration.name, items, language)


@login_required
@staff_only
def previews(request):
    languages = [code for code, _name in settings.LANGUAGES]
    kind = request.GET.get("kind", "approved")
    language = request.GET.get("lang", request.LANGUAGE_CODE if request.LANGUAGE_CODE in languages else languages[0])
    if kind not in KINDS or language not in languages:
        raise Http404(_("No such e-mail or language."))
    message = sample_message(kind, language)
    email = message.email()
    return render(request, "lmd_access/email_preview.html", {
        "kinds": KINDS.items(), "kind": kind, "languages": settings.LANGUAGES, "language": language,
        "message": message, "text": email.body, "context": message.context(),
    })
