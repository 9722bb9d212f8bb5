"""What the SCO does with the LMS, checked in Chromium against the strict runtime (every call must
succeed there) and, where an LMS's leniency matters, against scorm-again:
- one pass rule: a score shown as the pass mark passes, in the page, in SCORM 1.2 (with or without
  the LMS applying the mastery score) and in 2004, and the score written is the one the rule used;
- the best score is reported, not the last;
- interactions are appended after the LMS's own count (a resumed session keeps the earlier ones),
  with a description (2004) and a timestamp, and the learner resumes where they left;
- the SCO never dies: a cross-origin LMS parent, or an LMS that refuses Initialize, leaves it
  playing unrecorded with the notice; a learner's text can never make later saves fail."""
import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from courses.lmd import model
from scorm_export.archive import write_zip
from scorm_export.build import build_package
from scorm_export.cli import package_info
from tests.browser.quiz_driver import answer
from tests.scorm.lms import serve_package, strict_data, strict_failures, strict_saved, strict_url
from tests.unit.test_module import MODULE

CASE_STUDY = (Path(__file__).resolve().parents[2] / "xblocks/lmd_case_study/samples/case_study.xml").read_text()

WRONG = {"q1": "b", "q2": ["c"], "q3": "false"}
REVERSED = ["d", "c", "b", "a"]


@pytest.fixture(params=["1.2", "2004"])
def version(request):
    return request.param


def package(tmp_path, version, modules=None, xml=MODULE):
    with translation.override("en"):
        files = build_package(modules or [model.parse_module(xml)], version, "en", package_info(translation.gettext))
    target = tmp_path / f"pkg-{version}.zip"
    write_zip(files, target)
    return target, files


def leave(page):
    """The learner closes the SCO: the LMS unloads the frame (pagehide -> Terminate)."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("!window.lmdStrict || window.lmdStrict.state() !== 'running'")


def open_sco(page, url):
    page.goto("about:blank")  # a new session: only the URL's fragment may differ from the last one
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator(".lmd-quiz .lmd-submit").first.wait_for()  # module 1 also holds the course pre-test
    return frame


def submit(frame, answers, order, expect):
    quiz = frame.locator(".lmd-quiz")
    answer(quiz, answers, order)
    quiz.locator(".lmd-submit").click()
    quiz.locator(".lmd-status", has_text=expect).wait_for()
    return quiz.locator(".lmd-status").inner_text()


def value(saved, version, name12, name2004):
    return saved.get(name12 if version == "1.2" else name2004)


# 12. One pass rule ----------------------------------------------------------------------------

def test_a_score_shown_as_the_pass_mark_passes_in_the_page_and_in_both_scorm_versions(page, version, tmp_path):
    """Pass mark 0.69 (shown as 69 %); the learner scores 0.6875 (shown as 69 %): a pass in the
    page, and the LMS gets 69 against a mastery score of 69 (0.69 against 0.69 in 2004), so that
    whether the LMS trusts the SCO's status or applies the mastery score, the learner passed."""
    target, files = package(tmp_path, version, xml=MODULE.replace('pass_threshold="0.7"', 'pass_threshold="0.69"'))
    manifest = files["imsmanifest.xml"].decode()
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        status = submit(frame, {"q1": "a", "q2": ["a"], "q3": "true"}, ["a", "c", "d", "b"], "Your score")
        leave(page)
        saved, failures = strict_data(page), strict_failures(page)
    assert "Your score: 69% (pass mark 69%)" in status and "You passed" in status, status
    assert failures == []
    if version == "1.2":
        mastery = int(re.search(r"<adlcp:masteryscore>(\d+)<", manifest).group(1))
        raw = float(saved["cmi.core.score.raw"])
        assert saved["cmi.core.lesson_status"] == "passed" and raw == 69 and mastery == 69 and raw >= mastery
    else:
        measure = float(re.search(r"<imsss:minNormalizedMeasure>([\d.]+)<", manifest).group(1))
        scaled = float(saved["cmi.score.scaled"])
        assert saved["cmi.success_status"] == "passed" and scaled == 0.69 and measure == 0.69 and scaled >= measure
        assert saved["cmi.score.raw"] == "69"


def test_a_score_one_point_under_the_shown_pass_mark_fails_everywhere(page, version, tmp_path):
    target, files = package(tmp_path, version, xml=MODULE.replace('pass_threshold="0.7"', 'pass_threshold="0.70"'))
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        status = submit(frame, {"q1": "a", "q2": ["a"], "q3": "true"}, ["a", "c", "d", "b"], "Your score")
        leave(page)
        saved = strict_data(page)
    assert "Your score: 69% (pass mark 70%)" in status and "You passed" not in status
    if version == "1.2":
        assert saved["cmi.core.lesson_status"] == "failed" and saved["cmi.core.score.raw"] == "69"
        assert b"<adlcp:masteryscore>70<" in files["imsmanifest.xml"]
    else:
        assert saved["cmi.success_status"] == "failed" and saved["cmi.score.scaled"] == "0.69"


# 13. Best score, interactions, location ------------------------------------------------------

def test_the_best_score_is_reported_after_a_worse_retake(page, version, tmp_path):
    target, _files = package(tmp_path, version)
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        submit(frame, {"q1": "a", "q2": ["c"], "q3": "false"}, REVERSED, "Attempts left: 2")  # 25 %
        submit(frame, WRONG, REVERSED, "Attempts left: 1")  # 0 %
        leave(page)
        saved, failures = strict_data(page), strict_failures(page)
    assert failures == []
    if version == "1.2":
        assert saved["cmi.core.score.raw"] == "25" and saved["cmi.core.lesson_status"] == "failed"
    else:
        assert saved["cmi.score.raw"] == "25" and saved["cmi.score.scaled"] == "0.25"


def test_a_resumed_session_appends_interactions_with_description_and_timestamp(page, version, tmp_path):
    target, _files = package(tmp_path, version)
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        submit(frame, WRONG, REVERSED, "Attempts left: 2")
        leave(page)
        first = strict_saved(page)
        assert strict_failures(page) == []
        frame = open_sco(page, strict_url(base, data=first))
        frame.locator(".lmd-quiz .lmd-status", has_text="Attempts left: 2").wait_for()
        submit(frame, {"q1": "a", "q2": ["a", "b"], "q3": "false"}, REVERSED, "Attempts left: 1")
        leave(page)
        second, failures = strict_saved(page), strict_failures(page)
    assert failures == []
    earlier, records = first["cmi.interactions"], second["cmi.interactions"]
    assert [r["id"] for r in records] == ["q1", "q2", "q3", "q4"] * 2
    assert records[:4] == earlier  # the first session's records are untouched
    assert [r["result"] for r in records[4:7]] == ["correct", "correct", "wrong" if version == "1.2" else "incorrect"]
    for record in records:
        if version == "1.2":
            assert re.fullmatch(r"\d\d:\d\d:\d\d", record["time"]), record
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\dZ", record["timestamp"]), record
            assert record["description"].startswith("{lang=en}"), record
    if version == "2004":
        assert records[0]["description"] == ("{lang=en}Which approach lets a customs administration concentrate "
                                             "inspections where they matter most?")


def test_the_learner_resumes_where_they_left(page, version, tmp_path):
    module = model.load_course()[0]  # a long page: the role-play is far below the fold
    target, _files = package(tmp_path, version, modules=[module])
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        role_play = frame.locator(".lmd-role-play")
        role_play.locator(".lmd-choice").first.click()
        role_play.locator(".lmd-path li").first.wait_for()
        anchor = role_play.locator("xpath=ancestor::*[contains(@class, 'lmd-module-part')]").get_attribute("id")
        leave(page)
        saved = strict_saved(page)
        assert strict_failures(page) == []
        assert value(saved, version, "cmi.core.lesson_location", "cmi.location") == anchor
        frame = open_sco(page, strict_url(base, data=saved))
        frame.locator(".lmd-role-play .lmd-path li").first.wait_for()
        sco = page.frame(url=re.compile(r"/pkg/"))
        sco.wait_for_function(f"Math.abs(document.getElementById({anchor!r}).getBoundingClientRect().top) < 40")
        assert sco.evaluate("window.scrollY") > 1000
        leave(page)
        assert strict_failures(page) == []


# 14. A SCO never dies -------------------------------------------------------------------------

def test_a_cross_origin_lms_parent_leaves_the_sco_playing_unrecorded(page, version, tmp_path):
    target, _files = package(tmp_path, version)
    with serve_package(target, version, tmp_path, cross_origin=True) as base:
        page.goto(f"{base}/lms.html")
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-scorm-note", has_text="not being recorded").wait_for()
        submit(frame, {"q1": "a", "q2": ["a", "b"], "q3": "true"}, ["a", "b", "c", "d"], "You passed")


def test_an_lms_that_refuses_initialize_leaves_the_sco_playing_unrecorded(page, version, tmp_path):
    target, _files = package(tmp_path, version)
    with serve_package(target, version, tmp_path) as base:
        frame = open_sco(page, strict_url(base, options={"refuseInitialize": True}))
        frame.locator(".lmd-scorm-note", has_text="not being recorded").wait_for()
        submit(frame, {"q1": "a", "q2": ["a", "b"], "q3": "true"}, ["a", "b", "c", "d"], "You passed")
        page.evaluate("document.getElementById('sco').src = 'about:blank'")
        page.wait_for_timeout(200)
        calls = page.evaluate("window.lmdStrict.calls.map(function (c) { return c.call; })")
    assert calls == ["LMSInitialize" if version == "1.2" else "Initialize"]  # nothing after the refusal


def test_control_characters_in_a_learners_text_never_make_later_saves_fail_in_scorm_12(page, tmp_path):
    """Each control character is six characters of JSON (\\u0001): a case study filled with them
    overflowed the 4,096 characters of SCORM 1.2, and every later save failed with it."""
    module = model.load_course()[0]
    target, _files = package(tmp_path, "1.2", modules=[module])
    with serve_package(target, "1.2", tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        sco = page.frame(url=re.compile(r"/pkg/"))
        sco.evaluate("""() => document.querySelectorAll('.lmd-case textarea').forEach(function (area) {
            area.value = '\\u0001'.repeat(area.maxLength);
            area.dispatchEvent(new Event('input', {bubbles: true}));
        })""")
        case = frame.locator(".lmd-case")
        case.locator(".lmd-save").click()
        case.locator(".lmd-status", has_text="saved").wait_for()
        quiz = frame.locator(".lmd-quiz").filter(has_text="Check your understanding")  # the module's, not the pre-test
        quiz.locator(".lmd-question input").first.check()
        for fieldset in quiz.locator(".lmd-question").all():
            inputs = fieldset.locator("input")
            if inputs.count():
                inputs.first.check()
        quiz.locator(".lmd-submit").click()
        quiz.locator(".lmd-status", has_text="Your score").wait_for()
        leave(page)
        saved, failures = strict_saved(page), strict_failures(page)
    assert failures == []
    assert len(saved["cmi.suspend_data"]) <= 4096
    assert len(json.loads(saved["cmi.suspend_data"])["b"]) == 2  # the case study and the quiz


def test_a_state_over_the_lms_limit_is_refused_and_changes_nothing(page, tmp_path):
    """SCORM 2004 keeps 64,000 characters and its packages keep the authors' limits: four answers
    of 10,000 characters made of quotes (20,000 characters of JSON each) cannot all be stored.
    The save is refused with a message, nothing changes, and the next, shorter save succeeds."""
    questions = "".join(f'<question id="q{i}" max_length="10000">Question {i}?</question>' for i in range(1, 5))
    case_study = re.sub(r"<question .*?</question>\s*", "", CASE_STUDY).replace("<rubric>", questions + "<rubric>")
    target, _files = package(tmp_path, "2004", xml=MODULE.replace("<html ", case_study + "<html ", 1))
    with serve_package(target, "2004", tmp_path) as base:
        frame = open_sco(page, strict_url(base))
        case = frame.locator(".lmd-case")
        sco = page.frame(url=re.compile(r"/pkg/"))
        fill = """(text) => document.querySelectorAll('.lmd-case textarea').forEach(function (area) {
            area.value = text === null ? '"'.repeat(area.maxLength) : text;
            area.dispatchEvent(new Event('input', {bubbles: true}));
        })"""
        sco.evaluate(fill, None)
        case.locator(".lmd-save").click()
        case.locator(".lmd-status", has_text="This cannot be saved").wait_for()
        assert sco.evaluate("window.LMD_SCORM.suspendData()") == '{"v":1,"b":{}}'  # nothing stored
        sco.evaluate(fill, "A shorter draft.")
        case.locator(".lmd-save").click()
        case.locator(".lmd-status", has_text="saved").wait_for()
        leave(page)
        saved, failures = strict_saved(page), strict_failures(page)
    assert failures == []
    stored = json.loads(saved["cmi.suspend_data"])["b"]
    assert [state["a"] for state in stored.values()] == [{f"q{i}": "A shorter draft." for i in range(1, 5)}]
