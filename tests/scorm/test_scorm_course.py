"""The real course as SCORM: every manifest valid; in SCORM 1.2 the worst case of learner state
fits cmi.suspend_data, proven in Python for every module and in Chromium for one module filled
to every limit; a whole module played through in scorm-again (2004)."""
import json
import zipfile

import pytest
from django.utils import translation

from courses.lmd import model
from scorm_export.archive import write_zip
from scorm_export.budget import SUSPEND_LIMIT_12, _longest_path, fit_module_xml, worst_suspend_data
from scorm_export.build import build_package
from scorm_export.cli import package_info
from scorm_export.validate import validate_lom12, validate_manifest
from tests.scorm.lms import cmi, serve_package

COURSE = model.load_course()


def package(modules, version):
    with translation.override("en"):
        return build_package(modules, version, "en", package_info(translation.gettext))


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_course_and_single_module_manifests_validate(version):
    for modules in (COURSE, COURSE[-1:]):
        files = package(modules, version)
        validate_manifest(files["imsmanifest.xml"], version)
        if version == "1.2":
            validate_lom12(files["metadata.xml"])
        assert sum(1 for name in files if name.endswith("/index.html")) == len(modules)


@pytest.mark.parametrize("module", COURSE, ids=[m.number for m in COURSE])
def test_worst_case_state_fits_scorm_12(module):
    fitted = model.parse_module(fit_module_xml(model.parse_module(module.xml))[0])
    assert len(worst_suspend_data(fitted)) <= SUSPEND_LIMIT_12
    for part in fitted.parts_of("lmd_case_study"):
        assert all(q["max_length"] >= 300 for q in part.data["questions"])  # still room to write


def test_worst_case_in_the_browser_scorm_12(page, tmp_path):
    module = COURSE[0]
    target = tmp_path / "m.zip"
    write_zip(package([module], "1.2"), target)
    with serve_package(target, "1.2", tmp_path) as base:
        page.goto(f"{base}/lms.html")
        sco = page.frame_locator("#sco")
        case = sco.locator(".lmd-case")
        for area in case.locator("textarea").all():
            limit = int(area.get_attribute("maxlength"))
            area.fill('"' * limit)  # JSON doubles every quote: the longest possible state
        case.locator(".lmd-submit").click()
        case.locator(".lmd-confirm .lmd-button").first.click()  # submitting is confirmed in the page
        case.locator(".lmd-analysis").wait_for()
        for box in case.locator(".lmd-assess-form input").all():
            box.check()
        case.locator(".lmd-assess-form button").click()
        case.locator(".lmd-status", has_text="Self-assessment").wait_for()
        role_play = sco.locator(".lmd-role-play")
        path, _ending = _longest_path(module.parts_of("lmd_role_play")[0].data)
        for step, (_node, choice) in enumerate(path):
            role_play.locator(f'.lmd-choice[data-choice="{choice}"]').click()
            role_play.locator(".lmd-path li").nth(step).wait_for()
        area = role_play.locator(".lmd-reflection textarea")
        area.fill('"' * int(area.get_attribute("maxlength")))
        role_play.locator(".lmd-reflection button").click()
        role_play.locator(".lmd-status", has_text="saved").wait_for()
        for quiz in sco.locator(".lmd-quiz").all():  # the module's quiz and the course pre-test
            for fieldset in quiz.locator(".lmd-question").all():
                boxes = fieldset.locator("input[type=checkbox]").all()
                for box in boxes:
                    box.check()
                radios = fieldset.locator("input[type=radio]").all()
                if radios:
                    radios[0].check()
            quiz.locator(".lmd-submit").click()
            if quiz.locator(".lmd-confirm").count():  # the pre-test's one attempt: confirmed
                quiz.locator(".lmd-confirm button").first.click()
            quiz.locator(".lmd-status", has_text="Your score").wait_for()
        suspend = page.evaluate("window.API.LMSGetValue('cmi.suspend_data')")
        error = page.evaluate("window.API.LMSGetLastError()")
    state = json.loads(suspend)
    assert len(suspend) <= SUSPEND_LIMIT_12 and str(error) == "0"
    assert len(state["b"]) == 4  # case study, role-play, quiz and pre-test all stored
