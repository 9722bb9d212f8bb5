"""lmd_module in a real XBlock runtime: children in order, progress, OLX round trip."""
from pathlib import Path

import pytest
from lxml import etree
from xblock.completable import XBlockCompletionMode

from tests.helpers import load, post
from tests.runtime import LmdTestRuntime
from xblocks.common.errors import ContentError
from xblocks.lmd_module import content
from xblocks.lmd_module.block import LmdModuleBlock
from xblocks.lmd_module.scenarios import sample_module_xml

QUIZ = (Path(__file__).parents[2] / "xblocks/lmd_quiz/samples/quiz.xml").read_text()
MODULE = f"""<lmd_module url_name="m99" number="8A" display_name="Gender equity" duration="3 hours">
  <objectives><objective id="o1">Explain one thing.</objective><objective id="o2">Apply another.</objective></objectives>
  <introduction><p>Why it <em>matters</em>.</p></introduction>
  <html url_name="m99-s1" display_name="Section one"><p>Text of the section.</p></html>
  {QUIZ}
</lmd_module>"""
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true", "q4": ["a", "b", "c", "d"]}


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


def test_parses_own_fields_and_children_in_order(runtime):
    module = load(runtime, MODULE)
    assert (module.number, module.display_name, module.duration) == ("8A", "Gender equity", "3 hours")
    assert [o["id"] for o in module.objectives] == ["o1", "o2"]
    assert [c.scope_ids.block_type for c in module.child_blocks()] == ["html", "lmd_quiz"]
    assert XBlockCompletionMode.get_mode(LmdModuleBlock) == XBlockCompletionMode.AGGREGATOR


def test_progress_follows_the_activities(runtime):
    module = load(runtime, MODULE)
    assert module.progress()["done"] == 0 and module.progress()["total"] == 1
    quiz = module.child_blocks()[1]
    post(runtime, quiz, "submit", {"responses": RIGHT})
    status, progress = post(runtime, module, "progress_summary", {})
    assert status == 200 and progress["done"] == 1 and progress["complete"] and progress["quiz_passed"]
    assert progress["score"] == 1.0 and progress["percent"] == 100


def with_tests(quiz_xml=QUIZ):
    """MODULE with a course pre-test before its section and a post-test after its quiz (copies of
    the sample quiz with a purpose), as modules 1 and 12 hold them."""
    test = {kind: quiz_xml.replace("<lmd_quiz ", f'<lmd_quiz purpose="{kind}" max_attempts="1" ', 1)
            .replace('max_attempts="3"', "") for kind in ("pretest", "posttest")}
    return MODULE.replace("  <html ", test["pretest"] + "\n  <html ", 1).replace(
        "</lmd_module>", test["posttest"] + "\n</lmd_module>")


def test_a_pretest_and_posttest_are_activities_but_not_the_modules_quiz(runtime):
    """They count towards completion (the module is done once they are taken) but never in the
    module's score or 'quiz passed': those are the module's own quiz's."""
    module = load(runtime, with_tests())
    pretest, _section, quiz, posttest = module.child_blocks()
    assert (pretest.purpose, quiz.purpose, posttest.purpose) == ("pretest", "", "posttest")
    progress = module.progress()
    assert (progress["total"], progress["next"]) == (3, progress["activities"][0]["id"])  # the pre-test first
    assert [a.get("purpose") for a in progress["activities"]] == ["pretest", None, "posttest"]
    post(runtime, pretest, "submit", {"responses": RIGHT})  # 100 % on the pre-test
    post(runtime, posttest, "submit", {"responses": RIGHT})
    progress = module.progress()
    assert progress["done"] == 2 and not progress["complete"]
    assert progress["score"] == 0.0 and progress["quiz_passed"] is False  # the module's quiz: not taken
    wrong = {"q1": "b", "q2": ["c"], "q3": "false", "q4": ["d", "c", "b", "a"]}
    post(runtime, quiz, "submit", {"responses": wrong})
    post(runtime, quiz, "submit", {"responses": RIGHT})
    status, progress = post(runtime, module, "progress_summary", {})
    assert status == 200 and progress["complete"] and progress["quiz_passed"] and progress["score"] == 1.0


def test_a_failed_pretest_does_not_fail_the_module(runtime):
    module = load(runtime, with_tests())
    pretest, _section, quiz, posttest = module.child_blocks()
    wrong = {"q1": "b", "q2": ["c"], "q3": "false", "q4": ["d", "c", "b", "a"]}
    for block, answers in ((pretest, wrong), (quiz, RIGHT), (posttest, wrong)):
        assert post(runtime, block, "submit", {"responses": answers})[0] == 200
    progress = module.progress()
    assert progress["complete"] and progress["quiz_passed"] and progress["score"] == 1.0


def test_student_view_sends_shared_assets_once(runtime):
    module = load(runtime, MODULE)
    frag = module.student_view()
    urls_or_text = [r.data for r in frag.resources]
    assert len(urls_or_text) == len(set(urls_or_text))
    assert "Learning objectives" in frag.content and "Text of the section." in frag.content


def test_olx_round_trip_keeps_every_field_and_child(runtime):
    module = load(runtime, MODULE)
    node = etree.Element("lmd_module")
    module.add_xml_to_node(node)
    again = load(LmdTestRuntime(), etree.tostring(node, encoding="unicode"))
    for name in ("display_name", "number", "duration", "objectives", "introduction"):
        assert getattr(again, name) == getattr(module, name), name
    assert again.child_blocks()[1].questions == module.child_blocks()[1].questions


@pytest.mark.parametrize("number", ["0", "13", "8B", "", "08"])
def test_module_number_must_be_1_to_12_or_8a(number):
    with pytest.raises(ContentError, match="number"):
        content.parse(etree.fromstring(MODULE.replace('number="8A"', f'number="{number}"')))


def test_studio_edits_own_fields_not_children(runtime):
    runtime.staff_ids.add(runtime.learner)  # an author: studio_submit is for authors only
    module = load(runtime, MODULE)
    xml = module.studio_xml()
    assert "<lmd_quiz" not in xml and "<objectives>" in xml
    status, _ = post(runtime, module, "studio_submit", {"xml": xml.replace('number="8A"', 'number="13"')})
    assert status == 400 and module.number == "8A"
    assert post(runtime, module, "studio_submit", {"xml": xml.replace("Gender equity", "Gender")})[0] == 200
    assert module.display_name == "Gender" and len(module.children) == 2


def test_sample_module_uses_all_four_blocks():
    runtime = LmdTestRuntime()
    module = load(runtime, sample_module_xml())
    types = {c.scope_ids.block_type for c in module.child_blocks()}
    assert {"lmd_case_study", "lmd_role_play", "lmd_quiz", "html"} <= types
    assert module.progress()["total"] == 3
