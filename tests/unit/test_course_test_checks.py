"""`lmd validate` and the course pre-test and post-test (issue 13, item 9; FORMAT.md, "Pre-test and
post-test"): on a crafted two-module course (modules 1 and 12, otherwise clean), a missing or
duplicated test, a pair that does not match, a question shared with a module's quiz, a test in
the wrong place or with more than one attempt are each refused, naming the quiz and question."""
import re
from pathlib import Path

import pytest

from courses.lmd import checks, model
from xblocks.common.errors import ContentError

from .test_bias_checks import CLEAN_QUIZ, module_xml


def quiz_of(url_name, purpose, prompt="Before", objectives=None, attempts=1, count=None):
    """A bias-clean quiz (the crafted module's), each prompt its own, objectives named mNN:oN."""
    questions = []
    for index, question in enumerate(CLEAN_QUIZ[:count], 1):
        question = re.sub(r"<prompt>[^<]*</prompt>", f"<prompt>{prompt} question {index}?</prompt>", question)
        ref = (objectives or {}).get(index) or f"m01:o{index % 3 + 1}"
        questions.append(re.sub(r'objective="[^"]*"', f'objective="{ref}"', question))
    purpose_attr = f' purpose="{purpose}"' if purpose else ""
    return (f'<lmd_quiz url_name="{url_name}"{purpose_attr} display_name="Test" max_attempts="{attempts}" '
            f'pass_threshold="0.7" shuffle="true">{"".join(questions)}</lmd_quiz>')


def crafted(number, stem, first="", last=""):
    """The crafted module as module `number`, url_names m01-... or m12-..., with `first` before its
    first section and `last` after its quiz."""
    text = module_xml().replace('url_name="mx', f'url_name="{stem}').replace('number="N9"', f'number="{number}"')
    text = text.replace("  <html ", f"  {first}\n  <html ", 1)
    return model.parse_module(text.replace("</lmd_module>", f"  {last}\n</lmd_module>"), Path(f"{stem[1:]}-crafted.xml"))


def course(pre=None, post=None, extra_first="", extra_last=""):
    pre = quiz_of("lmd-pretest", "pretest") if pre is None else pre
    post = quiz_of("lmd-posttest", "posttest", prompt="After") if post is None else post
    return [crafted("1", "m01", first=pre + extra_first), crafted("12", "m12", last=extra_last + post)]


def found(modules, whole=True):
    return checks.check_course(modules, whole=whole)


def test_the_crafted_course_with_its_tests_is_clean():
    assert found(course()) == []


def test_a_missing_pretest_is_refused():
    problems = found(course(pre=""))
    assert 'the course has 0 pretests; exactly one is needed: a quiz with purpose="pretest"' in problems


def test_a_duplicated_pretest_is_refused_naming_both():
    modules = course(extra_last=quiz_of("lmd2-pretest", "pretest", prompt="Again"))
    assert any(p.startswith("the course has 2 pretests (lmd-pretest in 01-crafted.xml, lmd2-pretest in "
                            "12-crafted.xml)") for p in found(modules)), found(modules)


def test_a_module_quiz_named_like_a_test_is_refused():
    """The insight pages pair tests by url_name: a module quiz must not take a test's name."""
    problems = found(course(extra_last=quiz_of("m12-pretest", "", prompt="Named")))
    assert any("quiz m12-pretest: a url_name ending in -pretest marks the course's pretest" in p for p in problems)


def test_a_prompt_shared_by_the_pretest_and_the_posttest_is_refused():
    post = quiz_of("lmd-posttest", "posttest", prompt="Before")  # the pre-test's prompts, word for word
    problems = found(course(post=post))
    assert "lmd-posttest: question q1 asks the same as lmd-pretest question q1; a test of learning gain asks " \
           "its own questions" in problems


def test_a_prompt_shared_with_a_module_quiz_is_refused_whatever_the_case_and_spacing():
    pre = quiz_of("lmd-pretest", "pretest").replace("<prompt>Before question 5?</prompt>", "<prompt>  WHICH </prompt>")
    assert "lmd-pretest: question q5 asks the same as quiz m01-quiz question q1; a test of learning gain asks " \
           "its own questions" in found(course(pre=pre))


def test_tests_assessing_different_objectives_are_refused():
    post = quiz_of("lmd-posttest", "posttest", prompt="After", objectives={1: "m12:o1", 2: "m12:o3"})
    problems = found(course(post=post))
    assert any("assess different objectives (pre-test only: m01:o2, m01:o3; post-test only: m12:o1, m12:o3)" in p
               for p in problems), problems


def test_tests_of_different_lengths_are_refused():
    post = quiz_of("lmd-posttest", "posttest", prompt="After", count=9)
    problems = found(course(post=post))
    assert "pretest lmd-pretest has 10 questions and posttest lmd-posttest 9; they need the same number" in problems


def test_tests_with_different_stems_are_refused():
    post = quiz_of("course-posttest", "posttest", prompt="After")
    assert any("the insight pages pair them by url_name; name them lmd-pretest and lmd-posttest" in p
               for p in found(course(post=post)))


@pytest.mark.parametrize("pre,expected", [
    (quiz_of("lmd-start", "pretest"), "01-crafted.xml: pretest lmd-start: its url_name must end in -pretest"),
    (quiz_of("lmd-pretest", "pretest", attempts=3), "01-crafted.xml: pretest lmd-pretest: max_attempts is 3; a "
                                                      "test of learning gain takes one attempt"),
    (quiz_of("lmd-pretest", "pretest", objectives={4: "o2"}), "01-crafted.xml: pretest lmd-pretest: question q4 names objective "
                                                                "'o2'; name a module's objective as mNN:oN"),
    (quiz_of("lmd-pretest", "pretest", objectives={4: "m01:o9"}), "lmd-pretest: question q4 names m01:o9, which "
                                                                    "module m01 does not have"),
    (quiz_of("lmd-pretest", "pretest", objectives={4: "m07:o1"}), "lmd-pretest: question q4 names m07:o1, but the "
                                                                    "course has no module m07"),
])
def test_a_pretest_needs_its_suffix_one_attempt_and_module_objectives(pre, expected):
    problems = found(course(pre=pre))
    assert any(p.startswith(expected) for p in problems), problems


def test_the_pretest_comes_first_in_module_1_and_the_posttest_last_in_module_12():
    modules = [crafted("1", "m01", last=quiz_of("lmd-pretest", "pretest")),
               crafted("12", "m12", first=quiz_of("lmd-posttest", "posttest", prompt="After"))]
    problems = found(modules)
    assert "01-crafted.xml: pretest lmd-pretest must come before every section and activity of its module (what " \
           "it measures is where learners start)" in problems
    assert "12-crafted.xml: posttest lmd-posttest must come after every section and activity of its module (it " \
           "measures what the course taught)" in problems
    swapped = [crafted("1", "m01", last=quiz_of("lmd-posttest", "posttest", prompt="After")),
               crafted("12", "m12", first=quiz_of("lmd-pretest", "pretest"))]
    assert "12-crafted.xml: pretest lmd-pretest belongs to the first module, 01-crafted.xml" in found(swapped)
    assert "01-crafted.xml: posttest lmd-posttest belongs to the last module, 12-crafted.xml" in found(swapped)


def test_a_pretest_is_not_the_modules_quiz():
    module = crafted("1", "m01", first=quiz_of("lmd-pretest", "pretest"))
    module.parts = [p for p in module.parts if p.url_name != "m01-quiz"]
    assert "01-crafted.xml: no <lmd_quiz> of its own (a pre-test or post-test is not the module's quiz)" \
        in checks.check_module(module)


def test_one_module_file_is_validated_without_the_rest_of_the_course():
    """`lmd validate FILE`: the course's single pre-test and post-test are asked for only when the
    whole course is validated; a file's own test is still checked."""
    [first, _last] = course()
    assert found([first], whole=False) == []
    assert any("the course has 0 posttests" in p for p in found([first]))


def test_an_unknown_purpose_does_not_parse():
    text = module_xml().replace('<lmd_quiz url_name="mx-quiz"', '<lmd_quiz url_name="mx-quiz" purpose="final"')
    with pytest.raises(ContentError, match="purpose='final'"):
        model.parse_module(text, Path("99-crafted.xml"))


def test_the_real_course_has_one_pretest_and_one_posttest_on_the_same_thirteen_objectives():
    modules = model.load_course()
    [(first, pre)] = [(m, q) for m in modules for q in checks.course_tests(m) if q.data["purpose"] == "pretest"]
    [(last, post)] = [(m, q) for m in modules for q in checks.course_tests(m) if q.data["purpose"] == "posttest"]
    assert (first.number, pre.url_name, first.parts[0] is pre) == ("1", "lmd-pretest", True)
    assert (last.number, post.url_name, last.parts[-1] is post) == ("12", "lmd-posttest", True)
    refs = [q["objective"] for q in pre.data["questions"]]
    assert refs == [q["objective"] for q in post.data["questions"]]
    assert [r.split(":")[0] for r in refs] == [m.url_name for m in modules]  # one question per module, in order
    assert checks.check_course_tests(modules) == []
