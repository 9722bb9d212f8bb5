"""E-mails (issue 15, item 8): each in its recipient's language (here the demo's: the language the
account last used; Open edX's `pref-lang` preference there), HTML with a plain-text part, with
the course, the decision's reason and a link; one message per coordinator; a staff preview."""
import pytest
from django.core.management import call_command
from django.test import Client

from lmd_access import services
from lmd_access.models import CoordinatorRegistration
from lmd_demo.models import UserLanguage
from tests.access.conftest import COURSE

SITE = "http://127.0.0.1:8000"  # the demo's LMD_ACCESS_SITE_URL


def speaks(user, language):
    UserLanguage.objects.update_or_create(user=user, defaults={"language": language})


def parts(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return message.body, html


@pytest.mark.parametrize("language,subject,link_label,html_lang,sentence", [
    ("fr", "Votre demande pour LMD\u00a0: approuvée", "Aller au cours", 'lang="fr"',
     "Bonjour officer_east,\n\nVotre coordonnateur national a approuvé votre demande d’accès à LMD."),
    ("es", "Su solicitud para LMD: aprobada", "Ir al curso", 'lang="es"',
     "Hola, officer_east:\n\nSu coordinador nacional aprobó su solicitud de acceso a LMD."),
    (None, "Your request for LMD: approved", "Go to the course", 'lang="en"',
     "Hello officer_east,\n\nYour national coordinator approved your request for access to LMD."),
])
def test_an_approval_reaches_the_officer_in_their_language(world, mailoutbox, language, subject, link_label, html_lang,
                                                         sentence):
    if language:
        speaks(world.officer, language)
    speaks(world.coord, "en")  # the deciding coordinator's own language does not matter
    services.decide(world.coord, [world.request.pk], True, "Welcome to the March cohort.")
    [message] = [m for m in mailoutbox if m.to == ["oe@example.org"]]
    text, html = parts(message)
    assert message.subject == subject
    assert message.extra_headers["Content-Language"] == (language or "en")
    for part in (text, html):
        assert link_label in part and f"{SITE}/course/" in part  # where to start
        assert "Welcome to the March cohort." in part  # the decision's reason
        assert "LMD" in part  # the course
    assert html_lang in html and "<!DOCTYPE html>" in html and "<a href=" not in text
    assert text.startswith(sentence)  # whole sentences, in the officer's language
    greeting, body = sentence.split("\n\n")
    assert f"<p>{greeting}</p>" in html and f"<p>{body}</p>" in html


def test_a_rejection_gives_the_reason_and_the_way_back(world, mailoutbox):
    speaks(world.officer, "fr")
    services.decide(world.coord, [world.request.pk], False, "Cohorte complète <b>ce trimestre</b>.")
    [message] = [m for m in mailoutbox if m.to == ["oe@example.org"]]
    text, html = parts(message)
    assert message.subject == "Votre demande pour LMD\u00a0: refusée"
    assert "Cohorte complète <b>ce trimestre</b>." in text  # plain text as written
    assert "Cohorte complète &lt;b&gt;ce trimestre&lt;/b&gt;." in html  # escaped in HTML
    assert f'href="{SITE}/access/"' in html and "Vos demandes" in html


def test_one_message_per_coordinator_each_in_their_language(world, mailoutbox):
    world.coord2.email = "ce2@example.org"
    world.coord2.save()
    world.ended_coord.email = "ended@example.org"
    world.ended_coord.save()
    world.other_coord.email = "west@example.org"
    world.other_coord.save()
    speaks(world.coord, "fr")
    speaks(world.coord2, "es")
    mailoutbox.clear()
    services.withdraw(world.officer, world.request.pk)
    services.request_access(world.officer, COURSE, "Head of unit", "Northgate", "To lead change.")
    by_address = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_address) == ["ce2@example.org", "ce@example.org"]  # not the ended one, not Westmark's
    assert all(len(m.to) == 1 for m in mailoutbox)  # coordinators do not see each other's addresses
    assert by_address["ce@example.org"].subject == "Nouvelle demande pour LMD"
    assert by_address["ce2@example.org"].subject == "Nueva solicitud para LMD"
    text, html = parts(by_address["ce@example.org"])
    for part in (text, html):
        assert "Northgate" in part and "To lead change." in part and f"{SITE}/access/coordinator/?status=pending" in part


def test_the_digest_counts_with_plural_forms_in_each_language(world, mailoutbox):
    CoordinatorRegistration.objects.filter(user__in=[world.coord]).update(daily_digest=True)
    speaks(world.coord, "fr")
    mailoutbox.clear()
    call_command("lmd_access_digest")
    [digest] = [m for m in mailoutbox if m.to == ["ce@example.org"]]
    assert digest.subject == "2 nouvelles demandes en attente de votre décision"
    text, html = parts(digest)
    assert "officer_east" in text and "officer_east2" in html and "Port" in text
    services.withdraw(world.officer2, world.request2.pk)
    speaks(world.coord, "es")
    mailoutbox.clear()
    call_command("lmd_access_digest")
    [digest] = [m for m in mailoutbox if m.to == ["ce@example.org"]]
    assert digest.subject == "1 nueva solicitud pendiente de su decisión"


def test_a_bulk_decision_writes_every_message_in_a_constant_number_of_queries(world, mailoutbox,
                                                                            django_assert_max_num_queries):
    from django.contrib.auth import get_user_model

    from lmd_access.models import EnrolmentRequest as R, OfficerProfile
    users = get_user_model()
    officers = users.objects.bulk_create([users(username=f"o{i}", email=f"o{i}@example.org") for i in range(40)])
    OfficerProfile.objects.bulk_create([OfficerProfile(user=o, administration=world.east) for o in officers])
    UserLanguage.objects.bulk_create([UserLanguage(user=o, language="fr" if i % 2 else "es")
                                      for i, o in enumerate(officers)])
    R.objects.bulk_create([R(officer=o, administration=world.east, course=world.course, position="p", unit="u",
                             justification="j") for o in officers])
    ids = list(R.objects.filter(officer__in=officers).values_list("pk", flat=True))
    mailoutbox.clear()
    with django_assert_max_num_queries(12):
        services.decide(world.coord, ids, True, "")
    assert len(mailoutbox) == 40
    assert {m.subject for m in mailoutbox} == {"Votre demande pour LMD\u00a0: approuvée", "Su solicitud para LMD: aprobada"}


@pytest.mark.parametrize("kind", ["approved", "rejected", "revoked", "new_request", "digest"])
@pytest.mark.parametrize("language,word", [("fr", "Motif"), ("es", "Motivo"), ("en", "Reason")])
def test_staff_preview_every_email_in_every_language(world, kind, language, word):
    from django.contrib.auth import get_user_model
    client = Client()
    client.force_login(get_user_model().objects.create_user("facilitator", password="pw", is_staff=True))
    response = client.get(f"/access/emails/?kind={kind}&lang={language}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'class="email-html" lang="{language}"' in page and '<pre class="email-text"' in page
    if kind in ("rejected", "revoked"):
        assert word in page  # the reason's label, in the e-mail's language
    assert client.get("/access/emails/?kind=nope").status_code == 404
    assert client.get("/access/emails/?lang=xx").status_code == 404


def test_an_approval_without_a_reason_gives_none(world, mailoutbox):
    """No stock "Approved." (in the coordinator's language) passed off as the decision's reason."""
    speaks(world.officer, "es")
    speaks(world.coord, "fr")
    services.decide(world.coord, [world.request.pk], True, "")
    [message] = [m for m in mailoutbox if m.to == ["oe@example.org"]]
    text, html = parts(message)
    assert "Motivo" not in text and "Motivo" not in html and "Approuv" not in text
    world.request.refresh_from_db()
    assert world.request.reason == ""
