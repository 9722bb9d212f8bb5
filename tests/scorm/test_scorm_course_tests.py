"""A SCO whose module holds the course pre-test and post-test (as modules 1 and 12 do), played in
Chromium against the strict runtime: the SCO's score, success status and the manifest's mastery
score are the module's own quiz's, never a test's; the tests' questions are still reported as
interactions, and the module is complete only once every activity, the tests included, is done."""
import re

import pytest
from django.utils import translation

from courses.lmd import model
from scorm_export.archive import write_zip
from scorm_export.build import build_package
from scorm_export.cli import package_info
from tests.browser.quiz_driver import answer
from tests.scorm.lms import serve_package, strict_data, strict_failures, strict_saved, strict_url
from tests.unit.test_module import RIGHT, with_tests

ORDER = ["a", "b", "c", "d"]
WRONG = {"q1": "b", "q2": ["c"], "q3": "false"}


@pytest.fixture(params=["1.2", "2004"])
def version(request):
    return request.param


def package(tmp_path, version):
    # The tests' pass mark (50 %) differs from the module quiz's (70 %): the manifest shows whose it takes.
    xml = with_tests().replace('purpose="pretest" max_attempts="1" url_name="sample-quiz" display_name="Sample quiz',
                               'purpose="pretest" max_attempts="1" url_name="sample-quiz" display_name="Pre-test')
    xml = re.sub(r'(purpose="(?:pre|post)test"[^>]*?)pass_threshold="0.7"', r'\1pass_threshold="0.5"', xml)
    assert xml.count('pass_threshold="0.5"') == 2 and xml.count('pass_threshold="0.7"') == 1
    with translation.override("en"):
        files = build_package([model.parse_module(xml)], version, "en", package_info(translation.gettext))
    target = tmp_path / f"pkg-{version}.zip"
    write_zip(files, target)
    return target, files["imsmanifest.xml"].decode()


def take(frame, index, answers, order, expect):
    quiz = frame.locator(".lmd-quiz").nth(index)
    answer(quiz, {qid: value for qid, value in answers.items() if qid != "q4"}, order)
    quiz.locator(".lmd-submit").click()
    if quiz.locator(".lmd-confirm").count():  # "this is your last attempt": yes, submit
        quiz.locator(".lmd-confirm button").first.click()
    quiz.locator(".lmd-status", has_text=expect).wait_for()
    return quiz.locator(".lmd-status").inner_text()


def leave(page):
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("!window.lmdStrict || window.lmdStrict.state() !== 'running'")


def score_and_status(saved, version):
    if version == "1.2":
        return saved.get("cmi.core.score.raw"), saved.get("cmi.core.lesson_status")
    return saved.get("cmi.score.raw"), saved.get("cmi.success_status")


def test_the_module_score_is_its_quizs_never_the_pretests_or_posttests(page, version, tmp_path):
    target, manifest = package(tmp_path, version)
    if version == "1.2":
        assert re.search(r"<adlcp:masteryscore>(\d+)<", manifest).group(1) == "70"  # the module quiz's
    else:
        assert re.search(r"<imsss:minNormalizedMeasure>([\d.]+)<", manifest).group(1) == "0.70"
    with serve_package(target, version, tmp_path) as base:
        page.goto(strict_url(base))
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-quiz .lmd-submit").first.wait_for()
        # Both tests at 100 %: the learner is told so without a pass mark or a verdict.
        status = take(frame, 0, RIGHT, ORDER, "Your score")
        assert status.startswith("Your score: 100%. This pre-test is not graded") and "pass" not in status, status
        status = take(frame, 2, RIGHT, ORDER, "Your score")
        assert "This post-test is not graded" in status and "pass" not in status, status
        leave(page)
        after_tests, records, failures = strict_data(page), strict_saved(page)["cmi.interactions"], strict_failures(page)
    assert failures == []
    # No score and no success yet: the module's quiz is not taken; the tests' 100 % are not it.
    score, status = score_and_status(after_tests, version)
    assert not score and status == ("incomplete" if version == "1.2" else "unknown"), (score, status)
    assert [r["id"] for r in records] == ["q1", "q2", "q3", "q4"] * 2  # both tests' questions are still reported
    assert {r["result"] for r in records} == {"correct"}

    with serve_package(target, version, tmp_path / "again") as base:  # a new attempt, the quiz taken too
        page.goto("about:blank")
        page.goto(strict_url(base))
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-quiz .lmd-submit").first.wait_for()
        take(frame, 0, RIGHT, ORDER, "Your score")
        take(frame, 2, RIGHT, ORDER, "Your score")
        take(frame, 1, WRONG, list(reversed(ORDER)), "Not passed")  # the module's quiz: 0 %
        leave(page)
        saved = strict_data(page)
    assert score_and_status(saved, version) == ("0", "failed")
    if version == "2004":
        assert saved["cmi.score.scaled"] == "0" and saved["cmi.completion_status"] == "incomplete"
