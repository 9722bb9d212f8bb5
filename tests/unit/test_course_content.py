"""The LMD course source: every module parses through the blocks and passes the content checks;
the checks themselves catch each kind of defect they exist for."""
import pytest
from django.utils import translation

from courses.lmd import checks, model

COURSE = model.load_course()


def test_module_numbers_and_titles_follow_the_programme():
    titles = {"1": "Introduction", "2": "Modern Customs for the 21st Century",
              "3": "Strategic Management and PICARD standards",
              "4": "Self-evaluation and personal skills development", "5": "Leadership", "6": "Visioning",
              "7": "Situational Leadership and Management styles", "8": "People management",
              "8A": "Gender Equity and Diversity", "9": "Promoting integrity in the workplace",
              "10": "Negotiation skills", "11": "Communication", "12": "Change management"}
    assert [m.number for m in COURSE] == model.MODULE_ORDER  # all thirteen, in programme order
    for module in COURSE:
        assert module.title == titles[module.number]


@pytest.mark.parametrize("module", COURSE, ids=[m.path.name for m in COURSE])
def test_module_passes_every_content_check(module):
    assert checks.check_module(module) == []


def test_course_wide_checks_pass():
    assert checks.check_course(COURSE) == []


@pytest.mark.parametrize("module", COURSE, ids=[m.path.name for m in COURSE])
def test_module_renders_through_the_blocks(module):
    from scorm_export.runtime import ExportRuntime
    runtime = ExportRuntime()
    block = runtime.get_block(runtime.parse_xml_string(module.xml))
    with translation.override("en"):
        html = runtime.render(block, "student_view").content
    # a case study, a role-play and a quiz; module 1 opens with the course pre-test and module 12
    # closes with the post-test (activities, though not the module's results)
    assert module.title in html and block.progress()["total"] == (4 if module.number in ("1", "12") else 3)


def _broken(module, old, new):
    text = module.xml.replace(old, new, 1)
    assert text != module.xml, old
    return model.parse_module(text, module.path)


def test_checks_catch_each_defect():
    module = COURSE[0]
    first_html = module.parts_of("html")[0]
    assert any("placeholder" in p for p in checks.check_module(_broken(module, "</p>", " TODO later</p>")))
    assert any("link off this machine" in p for p in checks.check_module(
        _broken(module, "</p>", ' <a href="https://example.com/x">x</a></p>')))
    short = model.parse_module(module.xml, module.path)
    short.parts = [p for p in short.parts if p.tag != "html" or p is short.parts_of("html")[0]]
    short.parts[0] = model.Part("html", first_html.url_name, first_html.display_name, "<p>Too short.</p>")
    assert any("words; at least" in p for p in checks.check_module(short))
    assert any("is not assessed" in p for p in checks.check_module(_drop_objective_coverage(module)))


def _drop_objective_coverage(module):
    broken = model.parse_module(module.xml, module.path)
    target = broken.objectives[0]["id"]
    for question in checks.module_quizzes(broken)[0].data["questions"]:
        if question["objective"] == target:
            question["objective"] = ""
    return broken


def test_parser_refuses_empty_feedback_and_duplicate_question_ids():
    from xblocks.common.errors import ContentError
    module = COURSE[0]
    question = module.parts_of("lmd_quiz")[0].data["questions"]
    with pytest.raises(ContentError, match="duplicate id"):
        _broken(module, f'<question id="{question[1]["id"]}"', f'<question id="{question[0]["id"]}"')
    option = question[0]["options"][0] if question[0]["type"] != "ordering" else question[0]["items"][0]
    with pytest.raises(ContentError, match="is empty"):
        _broken(module, f"<feedback>{option['feedback']}</feedback>", "<feedback></feedback>")
