"""No English left behind (issue 16): every page of the demo and of the access app, the blocks'
own pages and Studio editors (with a refused edit), the e-mails and every file of the SCORM and
OLX exports, in French and in Spanish, hold no sentence of the interface catalog in English.

A "sentence" is each run of two or more words between the placeholders of an interface msgid
whose translation differs from the English: what a learner would see untranslated."""
import html
import io
import json
import re
import tarfile
import zipfile

import polib
import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, get_resolver
from django.utils import translation

from translations import catalogs

pytestmark = pytest.mark.django_db(transaction=True)
LOCALES = ("fr", "es")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]|%%")


def english_sentences(locale):
    """{English run of words: msgid} for the interface strings the catalog translates."""
    found = {}
    for entry in polib.pofile(str(catalogs.ui_po(catalogs.ROOT, locale))).translated_entries():
        for source, target in catalogs._pairs(entry):
            if source == target:
                continue
            for piece in PLACEHOLDER.split(source):
                piece = piece.strip(" .:;,()·")
                if len(piece.split()) >= 2 and piece not in target:
                    found[piece] = entry.msgid
    return found


def decoded(text):
    """Text as a reader gets it: HTML entities and the JSON islands' \\u escapes undone."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text)


# Course data that happens to equal an interface sentence: the e-mail preview's sample course is
# called by its (English) course title, as a course run's title is data, not interface.
DATA = {"/access/emails/": {"Leadership and Management Development"}}


def visible(text):
    """The text a reader sees on a page: no scripts, styles, tags or attributes."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", text))


# Lone English words are French or Spanish words too ("question", "position"): the one the
# issue found left behind, a module's duration ("Module 2 · 6 hours"), is looked for by itself.
DURATION = re.compile(r"\d+(?:[.,]\d+)?\s+hours?\b")


def leftovers(texts, locale):
    """['where: English sentence'] for each English sentence found in {where: text}."""
    sentences = english_sentences(locale)
    found = {f"{where}: {piece!r}" for where, text in texts.items() for decoded_text in [decoded(text)]
             for piece in sentences if piece in decoded_text and piece not in DATA.get(where, ())}
    found |= {f"{where}: {match.group(0)!r}" for where, text in texts.items() if not where.endswith(".xml")
              for match in DURATION.finditer(visible(text))}
    return sorted(found)


def _script_strings(source):
    """The string literals of a script (its comments and code are not read by learners)."""
    return " | ".join(m.group(2) for m in re.finditer(r"(['\"])((?:\\.|(?!\1).)*)\1", source))


@pytest.fixture(autouse=True)
def english_after():
    """The test client's requests leave their language active in the thread: reset it."""
    yield
    translation.deactivate()


@pytest.fixture
def demo_users():
    from django.contrib.auth import get_user_model
    from workbench.scenarios import init_scenarios
    with transaction.atomic():
        init_scenarios()
    users = get_user_model()
    users.objects.create_superuser("secretariat", "sec@example.org", "pw")
    return users


def _client(locale, username):
    from django.contrib.auth import get_user_model
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    client.cookies["django_language"] = locale
    return client


def _page_urls():
    """Every URL of the demo and the access app that takes no argument (the workbench's own
    development pages aside)."""
    urls = ["/", "/course/", "/exports/", "/access/"]
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) == "lmd_access":
            for inner in pattern.url_patterns:
                route = str(inner.pattern)
                if isinstance(inner, URLPattern) and "<" not in route and not route.startswith("api/") \
                        and "export" not in route and route.endswith("/"):
                    urls.append(f"/access/{route}")
    return sorted(set(urls))


@pytest.mark.parametrize("locale", LOCALES)
def test_demo_and_access_pages_hold_no_english(locale, demo_users):
    from courses.lmd import model
    client = _client(locale, "secretariat")
    texts = {}
    for url in _page_urls():
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            texts[url] = response.content.decode()
    for module in model.load_course():
        texts[f"module {module.number}"] = client.get(f"/course/module/{module.number}/").content.decode()
    anonymous = Client()
    anonymous.cookies["django_language"] = locale
    texts["/accounts/login/"] = anonymous.get("/accounts/login/").content.decode()
    assert len(texts) > 15
    assert leftovers(texts, locale) == [], leftovers(texts, locale)


def _without_content(page, xml):
    """The page less the sample's own (English, untranslated) content: its texts and attributes."""
    from lxml import etree
    page = decoded(page)
    root = etree.fromstring(xml.encode())
    pieces = {" ".join(s.split()) for node in root.iter() for s in [node.text or "", node.tail or "",
                                                                   *node.attrib.values()] if s.strip()}
    page = " ".join(page.split())
    for piece in sorted(pieces, key=len, reverse=True):
        page = page.replace(piece, " ")
    return page


@pytest.mark.parametrize("locale", LOCALES)
def test_block_pages_editors_and_refusals_hold_no_english(locale):
    """The blocks as Open edX renders them (student view, role cards, the Studio editor) and the
    Studio editor's refusal of invalid XML, which names the element in the author's language."""
    from pathlib import Path

    from tests.helpers import get, load, post
    from tests.runtime import LmdTestRuntime
    root = Path(__file__).resolve().parents[2] / "xblocks"
    texts = {}
    with translation.override(locale):
        for tag, sample in (("lmd_quiz", "quiz"), ("lmd_case_study", "case_study"), ("lmd_role_play", "role_play"),
                            ("lmd_module", "module")):
            runtime = LmdTestRuntime(user_id="author", staff_ids={"author"})
            xml = (root / tag / "samples" / f"{sample}.xml").read_text()
            block = load(runtime, xml)
            texts[f"{tag} student"] = _without_content(runtime.render(block, "student_view").content, xml)
            texts[f"{tag} studio"] = _without_content(runtime.render(block, "studio_view").content, xml)
            for bad in (f"<{tag}><nonsense/></{tag}>", f"<{tag}>", "<other/>"):
                status, body = post(runtime, block, "studio_submit", {"xml": bad})
                assert status == 400, body
                texts[f"{tag} refusal {bad}"] = json.dumps(body, ensure_ascii=False)
                with translation.override("en"):  # the author reads the refusal in their language
                    english = post(runtime, block, "studio_submit", {"xml": bad})[1]
                assert body != english, (tag, bad, body)
            if tag == "lmd_role_play":
                texts["role cards"] = get(runtime, block, "role_cards")[1].body.decode()
    assert leftovers(texts, locale) == [], leftovers(texts, locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_exports_hold_no_english(locale, tmp_path):
    from courses.cli import main
    texts = {}
    scorm = tmp_path / "course.zip"
    assert main(["export", "scorm", "--scorm-version", "2004", "--lang", locale, "--quiet", "-o", str(scorm)]) == 0
    with zipfile.ZipFile(scorm) as archive:
        for name in archive.namelist():
            data = archive.read(name).decode("utf-8", "replace")
            if name.endswith(".js"):
                texts[name] = _script_strings(data)
            elif name.endswith((".html", ".xml", ".json", ".txt")):
                texts[name] = data
    olx = tmp_path / "course.tar.gz"
    assert main(["export", "olx", "--lang", locale, "-o", str(olx)]) == 0
    with tarfile.open(olx) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.endswith((".html", ".xml", ".json")):
                texts[member.name] = archive.extractfile(member).read().decode("utf-8", "replace")
    assert len(texts) > 30
    assert leftovers(texts, locale) == [], leftovers(texts, locale)


def _access_world():
    """A coordinator and an officer of one administration, with a pending request."""
    from datetime import date

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from lmd_access import services
    from lmd_access.models import CoordinatorRegistration, GatedCourse, MemberAdministration, OfficerProfile
    users = get_user_model()
    east = MemberAdministration.objects.create(name="Eastland", country_code="EL")
    GatedCourse.objects.get_or_create(course_id=settings.LMD_COURSE_ID, defaults={"title": "LMD"})
    coordinator = users.objects.create_user("coord_east", password="pw", email="ce@example.org")
    CoordinatorRegistration.objects.create(user=coordinator, administration=east, starts_on=date(2020, 1, 1))
    officer = users.objects.create_user("officer_east", password="pw", email="oe@example.org")
    OfficerProfile.objects.create(user=officer, administration=east)
    return lambda: services.request_access(officer, settings.LMD_COURSE_ID, "Head of unit", "Northgate",
                                           "To lead change.")


@pytest.mark.parametrize("locale", LOCALES)
def test_coordinator_pages_emails_and_admin_hold_no_english(locale, demo_users):
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    from lmd_access import emails, services
    with translation.override(locale):
        send_request = _access_world()
    for name in ("coord_east", "officer_east"):  # each account has used the demo in this language
        _client(locale, name).get("/")
    with translation.override(locale):
        item = send_request()
        from django.contrib.auth import get_user_model
        services.decide(get_user_model().objects.get(username="coord_east"), [item.pk], False, "Not this year.")
        emails.daily_digest(timezone.now() - timedelta(days=1))
        texts = {f"mail {n}": f"{m.subject}\n{m.body}" for n, m in enumerate(mail.outbox)}
        texts["app name"] = str(apps.get_app_config("lmd_access").verbose_name)
    client = _client(locale, "coord_east")
    for url in _page_urls():
        response = client.get(url)
        if response.status_code in (200, 403) and "html" in response.get("Content-Type", ""):
            texts[url] = response.content.decode()
    assert mail.outbox and texts["app name"] != "LMD course access"
    assert leftovers(texts, locale) == [], leftovers(texts, locale)
