"""Issue 12 item 3: whatever a learner (or an author) sends is stored as text that every later
page, CSV and report can write, and numbers are finite wherever they are read.

- Learner text: lone surrogates, NUL and the other control characters (C0 but tab and line feed,
  DEL, C1) are removed before storage; CR and CRLF become LF. Text stored before this rule (a
  lone surrogate already in a learner's state) still renders, and still goes into the CSV and
  the problem-responses report, with the bad code points replaced.
- JSON bodies: NaN, Infinity, -Infinity and numbers that overflow to infinity (1e999) are a 400
  naming the problem, in every handler, with nothing stored.
- Author XML: float attributes refuse nan and inf in every spelling; platform settings too; a
  lone surrogate in the Studio editor's XML is a 400, not a 500.
"""
import json
import math
import re
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import get, load, post, user_state
from tests.runtime import LmdTestRuntime, as_learner
from xblocks.common.errors import ContentError
from xblocks.common.sanitize import sanitize_text
from xblocks.common.xmlcontent import float_attr, int_attr

ROOT = Path(__file__).parents[2]
SAMPLES = {name: (ROOT / f"xblocks/{name}/samples/{file}").read_text() for name, file in (
    ("lmd_case_study", "case_study.xml"), ("lmd_role_play", "role_play.xml"), ("lmd_quiz", "quiz.xml"),
    ("lmd_module", "module.xml"))}
ROLE_PLAY_TO_AN_ENDING = [("n1", "a"), ("n3", "b"), ("n5", "b")]

# Every code point a learner's text must not keep: C0 controls but tab, line feed and carriage
# return (which becomes a line feed), DEL, C1 controls, and lone (unpaired) surrogates, low and high.
FORBIDDEN = ([chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]
             + [chr(c) for c in range(0x80, 0xA0)] + ["\udc00", "\udfff", "\ud800", "\udbff"])  # no high half before a low one
HOSTILE = "Risk " + "".join(FORBIDDEN) + " based\r\nselection\rnow \U0001F600 é"
CLEAN = "Risk  based\nselection\nnow \U0001F600 é"


def raw_json(payload_text):
    """A JSON body as a browser or a script could send it (escapes written by hand)."""
    return payload_text.encode("utf-8")


def writable(text):
    """What every HTTP response and CSV file does with text: encode it as UTF-8."""
    text.encode("utf-8")
    return text


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


def block_of(runtime, name):
    return load(runtime, SAMPLES[name])


# ---- sanitize_text ---------------------------------------------------------------------------

@pytest.mark.parametrize("char", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_sanitize_text_removes_every_forbidden_code_point(char):
    assert sanitize_text(f"a{char}b") == "ab"


def test_sanitize_text_keeps_text_tabs_line_feeds_and_paired_surrogates():
    assert sanitize_text(HOSTILE) == CLEAN
    assert sanitize_text("a\tb\n\nc") == "a\tb\n\nc"
    # a pair written as two escapes in JSON is one astral character, kept
    assert sanitize_text(json.loads('"\\ud83d\\ude00"')) == "\U0001F600"


def test_sanitize_text_output_always_encodes_whatever_comes_in():
    every_bmp = "".join(chr(c) for c in range(0x10000))
    writable(sanitize_text(every_bmp))


# ---- handlers that store text ------------------------------------------------------------------

def test_case_study_draft_and_submission_are_stored_clean(runtime):
    case = block_of(runtime, "lmd_case_study")
    body = json.dumps({"answers": {"q1": HOSTILE, "q2": "fine"}}).encode()
    status, state = post(runtime, case, "save_draft", raw=body)
    assert status == 200 and state["answers"]["q1"] == CLEAN
    status, state = post(runtime, case, "submit", raw=body)
    assert status == 200 and case.answers == {"q1": CLEAN, "q2": "fine"}


def test_case_study_lone_surrogate_never_breaks_page_csv_or_report(runtime):
    """The reported bug: '\\ud800' in a submitted answer gave a permanent 500 to the learner (page)
    and to the facilitator (page and CSV)."""
    case = block_of(runtime, "lmd_case_study")
    status, _ = post(runtime, case, "submit", raw=raw_json('{"answers": {"q1": "a\\ud800b\\u0000", "q2": "\\udfffz"}}'))
    assert status == 200 and case.answers == {"q1": "ab", "q2": "z"}
    writable(runtime.render(case, "student_view").content)
    staff_runtime, staff_view = as_learner(runtime, case.scope_ids.usage_id, "trainer", staff=True)
    writable(staff_runtime.render(staff_view, "student_view").content)
    status, response = get(staff_runtime, staff_view, "facilitator_csv")
    assert status == 200 and "ab" in response.body.decode("utf-8")
    states = staff_runtime.service(staff_view, "lmd_user_states").iter_all_for_block(case.scope_ids.usage_id)
    answers = [row["Answer"] for _, row in staff_view.generate_report_data(states)]
    assert answers == ["ab", "z"]


def test_text_stored_before_the_rule_still_renders_and_exports(runtime):
    """A lone surrogate already in a learner's state (stored before this rule) still gives a
    page, a CSV and report rows, each with the bad code points replaced."""
    case = block_of(runtime, "lmd_case_study")
    case.answers = {"q1": "before\ud800after\x00", "q2": "\udc00"}
    case.submitted = True
    case.submitted_at = "2026-01-01T00:00:00+00:00"
    case.save()
    page = writable(runtime.render(case, "student_view").content)
    assert "before" in page and "after" in page
    staff_runtime, staff_view = as_learner(runtime, case.scope_ids.usage_id, "trainer", staff=True)
    writable(staff_runtime.render(staff_view, "student_view").content)
    status, response = get(staff_runtime, staff_view, "facilitator_csv")
    assert status == 200 and "beforeafter" in response.body.decode("utf-8")
    states = staff_runtime.service(staff_view, "lmd_user_states").iter_all_for_block(case.scope_ids.usage_id)
    for _, row in staff_view.generate_report_data(states):
        for value in row.values():
            writable(str(value))
    writable(json.dumps(post(runtime, case, "get_user_state", {})[1], ensure_ascii=False))


def test_role_play_reflection_is_stored_clean_and_renders(runtime):
    role_play = block_of(runtime, "lmd_role_play")
    for node, choice in ROLE_PLAY_TO_AN_ENDING:
        assert post(runtime, role_play, "choose", {"node": node, "choice": choice})[0] == 200
    status, state = post(runtime, role_play, "reflect", raw=json.dumps({"text": HOSTILE}).encode())
    assert status == 200 and state["reflection"] == CLEAN == role_play.reflection
    writable(runtime.render(role_play, "student_view").content)


def test_role_play_reflection_stored_before_the_rule_still_renders(runtime):
    role_play = block_of(runtime, "lmd_role_play")
    role_play.reflection = "x\ud800y"
    role_play.save()
    assert "xy" in writable(runtime.render(role_play, "student_view").content)


@pytest.mark.parametrize("block_name, handler, payload", [
    ("lmd_role_play", "choose", '{"node": "\\ud800", "choice": "\\u0000"}'),
    ("lmd_quiz", "submit", '{"responses": {"\\ud800": "\\udfff"}}'),
    ("lmd_case_study", "save_draft", '{"answers": {"\\ud800": "x"}}'),
    ("lmd_case_study", "assess", '{"points": ["\\ud800"]}'),
])
def test_refusals_that_echo_a_hostile_id_still_answer(runtime, block_name, handler, payload):
    """Errors name the id the learner sent: a lone surrogate there must not turn a 4xx into a 500."""
    block = block_of(runtime, block_name)
    before = user_state(runtime, block)
    status, body = post(runtime, block, handler, raw=raw_json(payload))
    assert 400 <= status < 500, body
    assert user_state(runtime, block) == before


# ---- non-finite numbers ----------------------------------------------------------------------

NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]
HANDLERS = [
    ("lmd_case_study", "save_draft", '{"answers": {"q1": "x"}, "extra": %s}'),
    ("lmd_case_study", "assess", '{"points": [], "score": %s}'),
    ("lmd_quiz", "submit", '{"responses": {"q1": %s}}'),
    ("lmd_role_play", "choose", '{"node": "n1", "choice": %s}'),
    ("lmd_role_play", "reflect", '{"text": "x", "n": [%s]}'),
    ("lmd_module", "progress_summary", '{"x": {"y": %s}}'),
]


@pytest.mark.parametrize("number", NON_FINITE)
@pytest.mark.parametrize("block_name, handler, template", HANDLERS, ids=lambda v: v if "{" not in str(v) else "")
def test_non_finite_json_numbers_are_refused_by_every_handler(runtime, block_name, handler, template, number):
    block = block_of(runtime, block_name)
    before = user_state(runtime, block)
    status, body = post(runtime, block, handler, raw=raw_json(template % number))
    assert status == 400, body
    assert "finite" in body["error"]
    assert user_state(runtime, block) == before and runtime.publishes == []


def test_large_finite_numbers_are_still_numbers(runtime):
    block = block_of(runtime, "lmd_module")
    assert post(runtime, block, "progress_summary", raw=b'{"x": 1e308, "y": -0.0, "z": 12345678901234567890}')[0] == 200


@pytest.mark.parametrize("raw", ["nan", "NaN", "-nan", "inf", "-inf", "+inf", "Infinity", "-Infinity",
                                 "infinity", "1e999", "-1e400", " nan "])
def test_float_attributes_refuse_non_finite_values(raw):
    node = etree.fromstring(f'<x weight="{raw}"/>')
    with pytest.raises(ContentError, match="weight"):
        float_attr(node, "weight", 1.0, 0, 1000)
    with pytest.raises(ContentError, match="weight"):
        float_attr(node, "weight", 1.0)  # without bounds too


@pytest.mark.parametrize("raw", ["nan", "inf", "1e3", "1.0", "0x10", ""])
def test_int_attributes_refuse_what_is_not_a_whole_number(raw):
    with pytest.raises(ContentError):
        int_attr(etree.fromstring(f'<x n="{raw}"/>'), "n", 0)


@pytest.mark.parametrize("block_name, attribute, value", [
    ("lmd_quiz", "pass_threshold", "nan"),
    ("lmd_quiz", "weight", "inf"),
    ("lmd_case_study", "weight", "Infinity"),
    ("lmd_case_study", "weight", "1e999"),
])
def test_blocks_refuse_non_finite_numbers_in_their_xml(runtime, block_name, attribute, value):
    xml, count = re.subn(rf'{attribute}="[^"]*"', f'{attribute}="{value}"', SAMPLES[block_name], count=1)
    assert count == 1
    with pytest.raises(ContentError, match=attribute):
        load(runtime, xml)


def test_studio_refuses_non_finite_numbers_and_lone_surrogates_with_400(runtime):
    runtime.staff_ids.add(runtime.learner)  # an author
    quiz = block_of(runtime, "lmd_quiz")
    before = quiz.content_data()
    bad = re.sub('pass_threshold="[^"]*"', 'pass_threshold="NaN"', SAMPLES["lmd_quiz"], count=1)
    status, body = post(runtime, quiz, "studio_submit", {"xml": bad})
    assert status == 400 and "pass_threshold" in body["error"]
    # the Studio editor's JSON may carry an unpaired surrogate: a 400, not an encoding traceback
    status, body = post(runtime, quiz, "studio_submit", raw=raw_json(json.dumps({"xml": SAMPLES["lmd_quiz"]})
                                                                       .replace("<lmd_quiz ", "<lmd_quiz \\ud800", 1)))
    assert status == 400, body
    assert quiz.content_data() == before


def test_platform_settings_refuse_non_finite_numbers(runtime):
    """Float fields the platform mixes into blocks (days_early_for_beta...) are read through the
    field's from_string: NaN there is refused too."""
    from xblock.fields import Float, Scope
    from xblocks.lmd_quiz.block import LmdQuizBlock

    class QuizWithPlatformFloat(LmdQuizBlock):
        days_early_for_beta = Float(default=None, scope=Scope.settings)

    node = etree.fromstring(SAMPLES["lmd_quiz"].replace("<lmd_quiz ", '<lmd_quiz days_early_for_beta="nan" ', 1))
    keys = _keys(runtime, "lmd_quiz")
    with pytest.raises(ContentError, match="days_early_for_beta"):
        QuizWithPlatformFloat.parse_xml(node, runtime, keys)
    node.set("days_early_for_beta", "2.5")
    block = QuizWithPlatformFloat.parse_xml(node, runtime, keys)
    assert block.days_early_for_beta == 2.5 and not math.isnan(block.days_early_for_beta)


def _keys(runtime, block_type):
    from xblock.fields import ScopeIds
    def_id = runtime.id_generator.create_definition(block_type)
    return ScopeIds(runtime.learner, block_type, def_id, runtime.id_generator.create_usage(def_id))
