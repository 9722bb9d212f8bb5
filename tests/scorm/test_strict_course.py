"""Every SCO of the real course, in both SCORM versions, played in Chromium against the strict
runtime (strict_rte.js): a first session (quiz attempt, case-study draft, a role-play choice,
leaving half-way) and a resumed one. Every call the SCO makes must succeed: an error the strict
runtime returns is one that some conformant LMS returns too."""
import pytest
from django.utils import translation

from courses.lmd import model
from scorm_export.archive import write_zip
from scorm_export.build import build_package, sco_identifier
from scorm_export.cli import package_info
from tests.scorm.lms import serve_package, strict_failures, strict_saved, strict_url

COURSE = model.load_course()


@pytest.fixture(scope="module", params=["1.2", "2004"])
def course_package(request, tmp_path_factory):
    version = request.param
    with translation.override("en"):
        files = build_package(COURSE, version, "en", package_info(translation.gettext))
    target = tmp_path_factory.mktemp("strict") / f"course-{version}.zip"
    write_zip(files, target)
    return version, target


def leave(page):
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmdStrict.state() !== 'running'")


def module_quiz(frame):
    """The module's own quiz (modules 1 and 12 also hold the course pre-test or post-test)."""
    return frame.locator(".lmd-quiz").filter(has_text="Check your understanding")


def submit_first_options(quiz):
    quiz.locator(".lmd-submit").wait_for()
    for fieldset in quiz.locator(".lmd-question").all():
        inputs = fieldset.locator("input")
        if inputs.count():
            inputs.first.check()
    quiz.locator(".lmd-submit").click()
    if quiz.locator(".lmd-confirm").count():  # the last attempt: confirmed
        quiz.locator(".lmd-confirm button").first.click()
    quiz.locator(".lmd-status", has_text="Your score").wait_for()


def first_session(frame):
    submit_first_options(module_quiz(frame))
    for test in frame.locator(".lmd-quiz").filter(has_not_text="Check your understanding").all():
        submit_first_options(test)  # the course pre-test (module 1) or post-test (module 12): one attempt
    case = frame.locator(".lmd-case").first
    case.locator("textarea").first.fill("A first draft: \"quoted\", with a line break\nand a tab\t.")
    case.locator(".lmd-save").click()
    case.locator(".lmd-status", has_text="saved").wait_for()
    role_play = frame.locator(".lmd-role-play")
    role_play.locator(".lmd-choice").first.click()
    role_play.locator(".lmd-path li").first.wait_for()


@pytest.mark.parametrize("module", COURSE, ids=[m.number for m in COURSE])
def test_every_sco_call_succeeds_in_the_strict_runtime(page, course_package, module, tmp_path):
    version, target = course_package
    launch = f"{sco_identifier(module)}/index.html"
    with serve_package(target, version, tmp_path) as base:
        page.goto(strict_url(base, launch=launch))
        frame = page.frame_locator("#sco")
        first_session(frame)
        leave(page)
        assert strict_failures(page) == [], "first session"
        saved = strict_saved(page)
        page.goto("about:blank")  # a new session: only the URL's fragment differs from the last one
        page.goto(strict_url(base, launch=launch, data=saved))
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-role-play .lmd-path li").first.wait_for()  # the state came back
        module_quiz(frame).locator(".lmd-status", has_text="Attempts left: 2").wait_for()
        leave(page)
        assert strict_failures(page) == [], "resumed session"
