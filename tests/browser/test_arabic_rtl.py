"""A member's Arabic, end to end (issue 16): a translator's catalog root in the member's overlay
made with the command line alone (extract, init with Arabic's six plural forms, a small
machine-made translation of the interface and of module 1, compile), the demo serving it right
to left, and an Arabic SCORM package that reads right to left too. Screenshots go to
var/screenshots/ (looked at by a person when the layout changes)."""
import zipfile
from pathlib import Path

import polib
import pytest
from django.db import transaction

from courses.cli import main
from tests.browser.arabic_sample import CONTENT, UI
from translations import catalogs

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _fill(path, table, plural_count=None):
    po = polib.pofile(str(path))
    for entry in po:
        text = table.get(entry.msgid)
        if text is None:
            continue
        if entry.msgid_plural:
            assert len(text) == plural_count, entry.msgid
            entry.msgstr_plural = dict(enumerate(text))
        else:
            entry.msgstr = text
    po.save(str(path))


@pytest.fixture(scope="module")
def arabic_overlay(tmp_path_factory):
    """The overlay of a member that translates the course into Arabic."""
    overlay = tmp_path_factory.mktemp("arabic") / "overlay"
    root = overlay / "translations"
    lmd = lambda *args: main(["translations", "--root", str(root), *args])  # noqa: E731
    assert lmd("extract") == 0 and lmd("init", "ar") == 0
    ui = polib.pofile(str(catalogs.ui_po(root, "ar")))
    assert ui.metadata["Plural-Forms"].startswith("nplurals=6;")
    _fill(catalogs.ui_po(root, "ar"), UI, plural_count=6)
    _fill(root / "content" / "ar" / "01-introduction.po", CONTENT)
    assert lmd("compile") == 0 and catalogs.check(root) == []
    return overlay


@pytest.fixture
def arabic_demo(settings, arabic_overlay):
    """The demo as a national server with the member's overlay (LMD_OVERLAY), restarted."""
    from workbench.runtime import ID_MANAGER
    from workbench.scenarios import init_scenarios

    from lmd_demo.course_block import forget_course
    from lmd_demo.language_menu import catalog_languages
    settings.LMD_OVERLAY = str(arabic_overlay)
    settings.LOCALE_PATHS = [str(arabic_overlay / "translations" / "ui"), *settings.LOCALE_PATHS]
    settings.LANGUAGES = catalog_languages(*settings.LOCALE_PATHS)
    forget_course()
    ID_MANAGER.clear()
    with transaction.atomic():
        init_scenarios()
    yield arabic_overlay
    forget_course()


def _direction(page, selector):
    return page.eval_on_selector(selector, "node => getComputedStyle(node).direction")


def test_arabic_course_reads_right_to_left(page, live_server, arabic_demo):
    from django.contrib.auth import get_user_model

    from tests.browser.test_course_browser import may_take_course, sign_in
    get_user_model().objects.create_user("mutaallim", password="demo-pass")
    may_take_course("mutaallim")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    sign_in(page, live_server, "mutaallim")
    # The language menu offers the member's language, named in Arabic.
    assert "العربية" in page.locator("#lmd-lang").inner_text()
    page.goto(f"{live_server.url}/course/")
    assert page.locator("html").get_attribute("dir") == "rtl" and page.locator("html").get_attribute("lang") == "ar"
    assert "الوحدة 1: مقدمة" in page.locator("ol.modules").inner_text()
    page.screenshot(path=str(SHOTS / "arabic-course.png"), full_page=True)

    page.goto(f"{live_server.url}/course/module/1/")
    page.screenshot(path=str(SHOTS / "arabic-module-1.png"))
    module = page.locator(".lmd-module").first
    assert _direction(page, ".lmd-module") == "rtl"
    # the module is the whole page (its title the one h1): the objectives' heading is an h2
    assert "أهداف التعلم" in module.locator(".lmd-objectives h2").inner_text()
    assert "ساعات" in module.locator(".lmd-meta").first.inner_text() or "ساعة" in module.locator(".lmd-meta").first.inner_text()
    # The quiz: its meta line with Arabic plurals, an answer submitted, feedback from the script.
    quiz = page.locator(".lmd-quiz").last  # the module's quiz (the course pre-test opens the module)
    quiz.scroll_into_view_if_needed()
    assert quiz.locator(".lmd-submit").inner_text() == "إرسال الإجابات"
    # Logical properties: a marked answer's thick border is on the right in Arabic.
    for fieldset in quiz.locator(".lmd-question").all():
        inputs = fieldset.locator("input").all()
        if inputs:
            inputs[0].check()
    quiz.locator(".lmd-submit").click()
    quiz.locator(".lmd-status", has_text="نتيجتك").wait_for()
    marked = quiz.locator(".lmd-correct, .lmd-incorrect").first
    widths = marked.evaluate("n => [getComputedStyle(n).borderRightWidth, getComputedStyle(n).borderLeftWidth]")
    assert widths[0] == "5px" and widths[1] != "5px", widths
    # The module's progress line, rendered by the script from a plural table.
    progress = page.locator(".lmd-progress-text").first.inner_text()
    assert "من" in progress and "activities" not in progress, progress
    quiz.screenshot(path=str(SHOTS / "arabic-quiz.png"))


def test_arabic_scorm_package_reads_right_to_left(page, arabic_overlay, tmp_path):
    target = tmp_path / "ar.zip"
    assert main(["export", "scorm", "--scorm-version", "2004", "--lang", "ar", "--overlay", str(arabic_overlay),
                 "--module", "1", "--quiet", "-o", str(target)]) == 0
    folder = tmp_path / "package"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(folder)
        manifest = archive.read("imsmanifest.xml").decode()
    page_html = (folder / "m01" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page_html and "برنامج تطوير القيادة والإدارة في لمحة" in page_html
    # the member's interface catalog too: the module's duration with Arabic's plural ("few": 3 hours)
    assert "3 ساعات" in page_html and "أهداف التعلم" in page_html
    assert "<language>ar</language>" in manifest
    page.goto((folder / "m01" / "index.html").as_uri())
    assert _direction(page, ".lmd-module") == "rtl"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "arabic-scorm-module-1.png"))


def test_arabic_olx_export_reads_right_to_left(arabic_overlay, tmp_path):
    import tarfile
    target = tmp_path / "ar.tar.gz"
    assert main(["export", "olx", "--lang", "ar", "--overlay", str(arabic_overlay), "-o", str(target)]) == 0
    with tarfile.open(target) as archive:
        names = archive.getnames()
        read = lambda name: archive.extractfile(name).read().decode()  # noqa: E731
        course = read(next(n for n in names if n.startswith("course/course/") and n.endswith(".xml")))
        overview = read("course/about/overview.html")
        section = read("course/vertical/m01-s1-unit.xml")
    assert 'language="ar"' in course and overview.startswith('<div dir="rtl" lang="ar">')
    assert '<html url_name="m01-s1" display_name="برنامج تطوير القيادة والإدارة في لمحة"><div dir="rtl" lang="ar">' \
        in section
