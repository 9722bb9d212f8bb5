"""lmd_case_study in a real XBlock runtime: content round trip and refusals, drafts, submission,
self-assessment with the exact publish calls, hostile HTML, the facilitator view and CSV."""
import copy
import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import lxml.html
import pytest
from django.utils import translation
from lxml import etree

from tests.helpers import get, load, post, user_state, init_args
from tests.runtime import LmdTestRuntime, as_learner
from xblocks.common.errors import ContentError
from xblocks.common.xmlcontent import parse_xml_string
from xblocks.lmd_case_study import content, facilitator, scenarios
from xblocks.lmd_case_study.block import LmdCaseStudyBlock

SAMPLE = (Path(__file__).parents[2] / "xblocks/lmd_case_study/samples/case_study.xml").read_text()
ANALYSIS = "Inspections rose from 62%"
ANSWERS = {"q1": "Inspections rose while findings fell.", "q2": "Select by risk; protect supervisors."}
from tests.helpers import INIT_ISLAND as ARGS_SCRIPT

# Author markup that must come out inert, written as well-formed XML as it would sit in a module file.
EVIL_XML = ("<script>alert(1)</script><img src='x' onerror='alert(1)'/>"
            "<a href='javascript:alert(1)'>click</a><a href=' JaVaScRiPt:alert(1)'>again</a>"
            "<svg onload='alert(1)'><circle r='1'/></svg><iframe src='data:text/html,x'/>"
            "<p style='position:fixed' onclick='alert(1)'>overlay</p><object data='x.swf'/>"
            "<math xmlns:xlink='http://www.w3.org/1999/xlink'><mi xlink:href='javascript:alert(1)'>x</mi></math>")
# What a learner might type (plain text: stored as typed, shown escaped).
EVIL_TEXT = ("</textarea></script><script>alert(1)</script><img src=x onerror=alert(1)>"
             "<a href=\"javascript:alert(1)\">x</a><svg onload=alert(1)>")


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


@pytest.fixture
def case(runtime):
    return load(runtime, SAMPLE)


def page_of(runtime, block):
    """The block as the runtime puts it on a page (wrapper, init-args script and all)."""
    return runtime.render(block, "student_view").content


def assert_inert(html):
    """Nothing in `html` can run: the only scripts are JSON data that parse whole (so nothing
    closed them early), no element that runs or loads code, no event handler, no style, no
    javascript: URL."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        tag = node.tag.lower()
        if tag == "script":
            assert node.get("type") in ("json/xblock-args", "application/json"), etree.tostring(node)
            json.loads(node.text or "null")
        assert tag not in ("svg", "math", "iframe", "object", "embed", "img", "style", "link", "base", "meta"), tag
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on"), (tag, name)
            assert name.lower() != "style", tag
            assert "javascript:" not in re.sub(r"\s", "", value).lower(), (tag, name, value)


def snapshot(runtime, block):
    """Everything a refused request must leave alone: the learner's fields, what the facilitator
    sees and the publish calls."""
    return copy.deepcopy((user_state(runtime, block), list(block.generate_report_data(
        block.runtime.service(block, "lmd_user_states").iter_all_for_block(block.scope_ids.usage_id))),
        runtime.publishes))


def ids_in(html):
    return re.findall(r'(?<![-\w])id="([^"]+)"', html)


# ---- content: parse/serialize twins and refusals --------------------------------------------

EDGE_XML = """<lmd_case_study url_name="edge" weight="2.5"
                display_name="Edge &amp; cases: &quot;quotes&quot; &lt;here&gt;">
  <scenario>Plain lead-in, then <p>a <strong>bold</strong> claim &amp; a tail</p> and trailing text</scenario>
  <question id="only" max_length="50">Is 5 &lt; 7 &amp; does the <!-- comment -->café count? 日本</question>
  <question id="long-one" max_length="10000">Second question</question>
  <rubric><point id="p_1" weight="0.5">Half a point</point><point id="p-2" weight="2">Two points</point></rubric>
  <analysis><table><tr><td>cell</td></tr></table></analysis>
</lmd_case_study>"""


@pytest.mark.parametrize("xml", [SAMPLE, EDGE_XML], ids=["sample", "edge"])
def test_olx_round_trip_gives_identical_fields(xml):
    first = content.parse(parse_xml_string(xml))
    block = load(LmdTestRuntime(), xml)
    exported = block.to_xml_string()
    assert content.parse(parse_xml_string(exported)) == first
    again = load(LmdTestRuntime(), exported)
    for name in ("display_name", *LmdCaseStudyBlock.content_field_names):
        assert getattr(again, name) == getattr(block, name) == first.get(name, block.display_name), name


def test_sample_parses_to_the_documented_shape():
    data = content.parse(parse_xml_string(SAMPLE))
    assert [e["id"] for e in data["exhibits"]] == ["e1", "e2", "e3"]
    assert data["exhibits"][0]["title"] == "Exhibit 1: Northgate in figures"
    assert data["exhibits"][0]["html"].startswith("<table>") and "<caption>" in data["exhibits"][0]["html"]
    assert data["questions"] == [
        {"id": "q1", "max_length": 1500,
         "prompt": "What do the exhibits tell you about how control decisions are being made at Northgate?"},
        {"id": "q2", "max_length": 1500,
         "prompt": "What would you change first, and how would you protect officers who follow the new approach?"},
    ]
    assert [(p["id"], p["weight"]) for p in data["rubric"]] == [("r1", 1.0), ("r2", 1.0), ("r3", 1.0)]
    assert data["analysis"].startswith("<p>Inspections rose") and data["weight"] == 1.0
    no_limit = SAMPLE.replace(' max_length="1500">What would', '>What would')
    assert content.parse(parse_xml_string(no_limit))["questions"][1]["max_length"] == content.DEFAULT_MAX_LENGTH


def _drop(xml, start, end):
    """`xml` without the text from `start` up to and including `end`."""
    i = xml.index(start)
    return xml[:i] + xml[xml.index(end, i) + len(end):]


@pytest.mark.parametrize("make,words,element", [
    (lambda x: _drop(_drop(x, '<question id="q1"', "</question>"), '<question id="q2"', "</question>"),
     "has no reflection <question>", '<lmd_case_study id="sample-case">'),
    (lambda x: x.replace("<rubric>", "<rubric></rubric><!--").replace("</rubric>\n  <analysis>", "-->\n  <analysis>"),
     "has no <point>", "<rubric>"),
    (lambda x: _drop(x, "<rubric>", "</rubric>"), "needs a <rubric> element", "<lmd_case_study"),
    (lambda x: x.replace('<question id="q2"', '<question id="q1"'), "duplicate id 'q1'", '<question id="q1">'),
    (lambda x: x.replace('<point id="r3"', '<point id="e2"'), "duplicate id 'e2'", '<point id="e2">'),
    (lambda x: _drop(x, "<analysis>", "</analysis>"), "needs a <analysis> element", "<lmd_case_study"),
    (lambda x: x.replace("</analysis>", "</analysis><analysis>again</analysis>"), "has 2 <analysis> elements",
     "<lmd_case_study"),
    (lambda x: re.sub(r"<analysis>.*</analysis>", "<analysis>  </analysis>", x, flags=re.S), "is empty", "<analysis>"),
    (lambda x: _drop(x, "<scenario>", "</scenario>"), "needs a <scenario> element", "<lmd_case_study"),
    (lambda x: x.replace('id="q1" max_length="1500"', 'id="q1" max_length="49"'), "max_length=49 is outside 50..10000",
     '<question id="q1">'),
    (lambda x: x.replace('id="q2" max_length="1500"', 'id="q2" max_length="10001"'),
     "max_length=10001 is outside 50..10000", '<question id="q2">'),
    (lambda x: x.replace('id="q1" max_length="1500"', 'id="q1" max_length="lots"'), "is not a whole number",
     '<question id="q1">'),
    (lambda x: x.replace(' title="Exhibit 2: A note from the shift supervisors"', ""), "needs a title",
     '<exhibit id="e2">'),
    (lambda x: x.replace('max_length="1500">What do', 'max_length="1500"><em>What</em> do'), "must hold plain text",
     '<question id="q1">'),
    (lambda x: x.replace('<point id="r2" weight="1">I proposed selection by risk rather than by fear of blame.</point>',
                         '<point id="r2" weight="1"> </point>'), "is empty", '<point id="r2">'),
    (lambda x: x.replace('<point id="r1" weight="1">', '<point id="r1" weight="0">'), "weight=0.0 is outside 0.1..100",
     '<point id="r1">'),
    (lambda x: x.replace('<question id="q2"', '<question id="Q 2"'), "needs an id", '<question id="Q 2">'),
    (lambda x: x.replace("<rubric>", "<rubric><criterion/>"), "unexpected <criterion>", "<rubric>"),
    (lambda x: x.replace("<analysis>", "<video/><analysis>"), "unexpected <video>", "<lmd_case_study"),
])
def test_invalid_content_is_refused_naming_the_element(make, words, element):
    xml = make(SAMPLE)
    assert xml != SAMPLE
    with pytest.raises(ContentError) as caught:
        content.parse(parse_xml_string(xml))
    assert words in str(caught.value) and element in str(caught.value), str(caught.value)
    with pytest.raises(ContentError):  # OLX import refuses it the same way
        load(LmdTestRuntime(), xml)


@pytest.mark.parametrize("prolog,body", [
    ('<!DOCTYPE lmd_case_study [<!ENTITY boom "BOOM">]>', "&boom; Northgate is the"),
    ('<!DOCTYPE lmd_case_study [<!ENTITY boom SYSTEM "file:///etc/passwd">]>', "&boom; Northgate is the"),
    ('<!DOCTYPE lmd_case_study SYSTEM "http://example.org/case.dtd">', "Northgate is the"),
])
def test_doctype_and_entities_are_refused(runtime, case, prolog, body):
    runtime.staff_ids.add(runtime.learner)  # an author: studio_submit is for authors only
    evil = f'<?xml version="1.0"?>\n{prolog}\n' + SAMPLE.replace("Northgate is the", body, 1)
    with pytest.raises(ContentError, match="DOCTYPE"):
        parse_xml_string(evil)
    # OLX import: the runtime's own parser loads no external entity (a syntax error), or our
    # parse_xml() refuses the DOCTYPE; either way nothing is read and no block is made.
    with pytest.raises((ContentError, etree.XMLSyntaxError)):
        load(LmdTestRuntime(), evil)
    before = case.scenario
    status, answer = post(runtime, case, "studio_submit", {"xml": evil})
    assert status == 400 and "DOCTYPE" in answer["error"] and case.scenario == before
    assert "root:" not in json.dumps(answer) and "BOOM" not in json.dumps(answer)


def test_studio_save_validates_before_saving(runtime, case):
    runtime.staff_ids.add(runtime.learner)  # an author: studio_submit is for authors only
    before = copy.deepcopy(case.questions)
    broken = case.studio_xml().replace('<question id="q2"', '<question id="q1"', 1)
    status, body = post(runtime, case, "studio_submit", {"xml": broken})
    assert status == 400 and "duplicate id 'q1'" in body["error"] and case.questions == before
    edited = case.studio_xml().replace('id="q1" max_length="1500"', 'id="q1" max_length="400"')
    assert post(runtime, case, "studio_submit", {"xml": edited}) == (200, {"result": "success"})
    assert case.questions[0]["max_length"] == 400 and case.questions[1] == before[1]
    assert 'maxlength="400"' in case.student_view().content


# ---- the learner's flow -----------------------------------------------------------------------

def test_draft_survives_a_reload_and_the_analysis_stays_hidden(runtime, case):
    status, state = post(runtime, case, "save_draft", {"answers": {"q1": "First thoughts\r\nline two  "}})
    assert status == 200 and state == {"answers": {"q1": "First thoughts\nline two"}, "submitted": False,
                                       "assessment": [], "score": None, "analysis_html": None}
    again = runtime.get_block(case.scope_ids.usage_id)
    assert again.answers == {"q1": "First thoughts\nline two"} and not again.submitted
    frag = again.student_view()
    assert ANALYSIS not in frag.content + json.dumps(init_args(frag))
    assert ANALYSIS not in json.dumps(again.student_view_data())
    textarea = lxml.html.fragment_fromstring(frag.content, create_parent="div").get_element_by_id(f"{init_args(frag)['rootId']}-q-q1")
    assert textarea.text == "First thoughts\nline two" and textarea.get("readonly") is None
    assert init_args(frag)["state"] == {"submitted": False, "assessment": [], "score": None, "analysis_html": None}
    assert again.lmd_progress() == {"complete": False, "score": None, "passed": None, "graded": True, "started": True}
    assert runtime.publishes == []


def test_submit_reveals_the_analysis_then_assess_publishes_exactly(runtime, case):
    status, body = post(runtime, case, "submit", {"answers": {"q1": "only one", "q2": "   "}})
    assert status == 400 and "missing: q2" in body["error"] and not case.submitted and case.answers == {}
    status, state = post(runtime, case, "submit", {"answers": ANSWERS})
    assert status == 200 and state["submitted"] and state["answers"] == ANSWERS
    assert state["analysis_html"].startswith("<p>" + ANALYSIS) and state["score"] is None
    assert runtime.publishes == []  # no grade before the self-assessment
    assert case.lmd_progress() == {"complete": False, "score": None, "passed": None, "graded": True, "started": True}

    status, state = post(runtime, case, "assess", {"points": ["r2", "r1", "r2"]})
    assert status == 200 and state["score"] == 0.6667 and state["assessment"] == ["r1", "r2"]
    assert runtime.publishes == [("grade", {"value": 0.6667, "max_value": 1.0, "only_if_higher": None}),
                                 ("completion", {"completion": 1.0})]
    status, state = post(runtime, case, "assess", {"points": ["r1"]})  # lower: kept best, nothing published
    assert status == 200 and state["assessment"] == ["r1"] and state["score"] == 0.6667
    assert len(runtime.publishes) == 2
    post(runtime, case, "assess", {"points": ["r1", "r2", "r3"]})
    assert runtime.publishes[2:] == [("grade", {"value": 1.0, "max_value": 1.0, "only_if_higher": None})]
    assert case.lmd_progress() == {"complete": True, "score": 1.0, "passed": None, "graded": True, "started": True}
    assert case.max_score() == 1.0 and case.get_score().raw_earned == 1.0


def test_an_empty_self_assessment_scores_zero_and_completes(runtime, case):
    post(runtime, case, "submit", {"answers": ANSWERS})
    assert post(runtime, case, "assess", {"points": []})[1]["score"] == 0.0
    assert runtime.publishes == [("grade", {"value": 0.0, "max_value": 1.0, "only_if_higher": None}),
                                 ("completion", {"completion": 1.0})]


def test_weighted_rubric_points():
    xml = SAMPLE.replace('<point id="r1" weight="1">', '<point id="r1" weight="3">')
    runtime = LmdTestRuntime("carla")
    block = load(runtime, xml)
    post(runtime, block, "submit", {"answers": ANSWERS})
    assert post(runtime, block, "assess", {"points": ["r1"]})[1]["score"] == 0.6
    assert post(runtime, block, "assess", {"points": ["r1", "r3"]})[1]["score"] == 0.8
    assert [p[1]["value"] for p in runtime.publishes if p[0] == "grade"] == [0.6, 0.8]


def test_answers_are_locked_after_submission(runtime, case):
    post(runtime, case, "submit", {"answers": ANSWERS})
    for handler in ("save_draft", "submit"):
        status, body = post(runtime, case, handler, {"answers": {"q1": "changed", "q2": "changed"}})
        assert status == 400 and "already submitted" in body["error"]
    assert case.answers == ANSWERS
    frag = runtime.get_block(case.scope_ids.usage_id).student_view()
    tree = lxml.html.fragment_fromstring(frag.content, create_parent="div")
    areas = tree.findall(".//textarea")
    assert [a.text for a in areas] == [ANSWERS["q1"], ANSWERS["q2"]]
    assert all(a.get("readonly") is not None for a in areas)
    assert tree.find_class("lmd-actions")[0].get("hidden") is not None
    assert init_args(frag)["state"]["analysis_html"].startswith("<p>" + ANALYSIS)


def test_length_limits(runtime, case):
    exact = "x" * 1500
    assert post(runtime, case, "save_draft", {"answers": {"q1": exact}})[0] == 200
    status, body = post(runtime, case, "save_draft", {"answers": {"q1": exact + "y"}})
    assert status == 400 and body["error"] == "Question q1: 1501 characters; the limit is 1500."
    assert case.answers == {"q1": exact}
    # Trimmed and with Windows line ends made single: what is stored is what is counted.
    assert post(runtime, case, "save_draft", {"answers": {"q2": "  " + "ab\r\n" * 500 + "  "}})[0] == 200
    assert len(case.answers["q2"]) == 1499
    status, body = post(runtime, case, "submit", {"answers": {"q1": "ok", "q2": "é" * 1501}})
    assert status == 400 and "Question q2: 1501 characters" in body["error"] and not case.submitted
    short = load(runtime, SAMPLE.replace('id="q2" max_length="1500"', 'id="q2" max_length="60"').replace(
        'url_name="sample-case"', 'url_name="short"'))
    assert 'maxlength="60"' in short.student_view().content
    assert post(runtime, short, "submit", {"answers": {"q1": "ok", "q2": "z" * 61}})[0] == 400
    assert post(runtime, short, "submit", {"answers": {"q1": "ok", "q2": "z" * 60}})[0] == 200


@pytest.mark.parametrize("handler,payload,raw,code,words", [
    ("save_draft", {"answers": {"zz": "x"}}, None, 400, "unknown question id 'zz'"),
    ("save_draft", {"answers": ["q1"]}, None, 400, "must be an object"),
    ("save_draft", {}, None, 400, "must be an object"),
    ("save_draft", {"answers": {"q1": 5}}, None, 400, "must be text"),
    ("save_draft", {"answers": {"q1": "x" * 1501}}, None, 400, "the limit is 1500"),
    ("submit", {"answers": {"q1": "a", "q2": "b", "q3": "c"}}, None, 400, "unknown question id 'q3'"),
    ("submit", {"answers": {"q1": "a", "q2": None}}, None, 400, "must be text"),
    ("submit", {"answers": {"q1": "a"}}, None, 400, "missing: q2"),
    ("submit", None, b"{not json", 400, "Malformed JSON"),
    ("submit", None, b'["q1"]', 400, "JSON object"),
    ("submit", {"answers": {"q1": "x" * 70000, "q2": "b"}}, None, 413, "too large"),
    ("assess", {"points": ["r1"]}, None, 400, "Submit your answers before"),
])
def test_bad_input_gets_a_clear_4xx_and_changes_nothing(runtime, case, handler, payload, raw, code, words):
    post(runtime, case, "save_draft", {"answers": {"q1": "kept"}})
    before = snapshot(runtime, case)
    status, body = post(runtime, case, handler, payload, raw=raw)
    assert status == code and words in body["error"]
    assert snapshot(runtime, case) == before
    assert runtime.get_block(case.scope_ids.usage_id).answers == {"q1": "kept"}


@pytest.mark.parametrize("payload,words", [
    ({"points": ["r9"]}, "unknown rubric point id 'r9'"),
    ({"points": ["r1", "q1"]}, "unknown rubric point id 'q1'"),
    ({"points": "r1"}, "must be a list"),
    ({"points": [1]}, "must be a list"),
    ({}, "must be a list"),
])
def test_bad_self_assessment_changes_nothing(runtime, case, payload, words):
    post(runtime, case, "submit", {"answers": ANSWERS})
    post(runtime, case, "assess", {"points": ["r1"]})
    before = snapshot(runtime, case)
    status, body = post(runtime, case, "assess", payload)
    assert status == 400 and words in body["error"]
    assert snapshot(runtime, case) == before


def test_json_handlers_refuse_get(runtime, case):
    status, response = get(runtime, case, "save_draft")
    assert status == 405 and case.answers == {}


# ---- the page --------------------------------------------------------------------------------

def test_page_is_labelled_counted_and_translated(runtime, case):
    frag = case.student_view()
    root_id = init_args(frag)["rootId"]
    tree = lxml.html.fragment_fromstring(frag.content, create_parent="div")
    areas = tree.findall(".//textarea")
    assert [a.get("name") for a in areas] == ["q1", "q2"]
    for area in areas:
        label = tree.xpath(f'.//label[@for="{area.get("id")}"]')
        assert len(label) == 1 and label[0].text_content().strip()
        assert area.get("maxlength") == "1500" and area.get("id").startswith(root_id)
        counter = tree.get_element_by_id(area.get("aria-describedby"))
        assert "lmd-counter" in counter.get("class")
    boxes = tree.xpath('.//form[contains(@class, "lmd-assess-form")]//input[@type="checkbox"]')
    assert [b.get("value") for b in boxes] == ["r1", "r2", "r3"]
    assert all(len(tree.xpath(f'.//label[@for="{b.get("id")}"]')) == 1 for b in boxes)
    assert tree.find_class("lmd-analysis")[0].get("hidden") is not None
    assert tree.find_class("lmd-assess-form")[0].get("hidden") is not None
    assert len(tree.xpath(".//table")) == 2  # the two exhibit tables
    bodies = tree.find_class("lmd-exhibit-body")  # wide tables scroll in a region reachable by Tab
    assert [(b.get("role"), b.get("tabindex")) for b in bodies] == [("region", "0"), ("region", None), ("region", "0")]
    assert [tree.get_element_by_id(b.get("aria-labelledby")).text for b in bodies] == [
        e["title"] for e in case.exhibits]
    assert init_args(frag)["i18n"]["counter"]["forms"]["other"] == "{n} of {max} characters"  # a plural table
    assert "LmdCaseStudyBlock" in frag.js_init_fn
    # Scripts and styles are the runtime's resource URLs (cacheable files), not text in the page.
    assert [(r.kind, r.data) for r in frag.resources] == [
        ("url", "/resource/lmd_module/public/lmd.css"), ("url", "/resource/lmd_case_study/public/case_study.css"),
        ("url", "/resource/lmd_module/public/lmd.js"), ("url", "/resource/lmd_case_study/public/case_study.js")]
    with translation.override("fr"):
        french = case.student_view()
    assert "Enregistrer le brouillon" in french.content and "Analyse de l’expert" in french.content
    assert init_args(french)["i18n"]["counter"]["forms"]["other"] == "{n} sur {max} caractères"


def test_two_case_studies_on_one_page_have_distinct_ids(runtime):
    first, second = load(runtime, SAMPLE), load(runtime, SAMPLE.replace("sample-case", "other-case"))
    ids_a, ids_b = ids_in(page_of(runtime, first)), ids_in(page_of(runtime, second))
    assert len(ids_a) == len(set(ids_a)) and len(ids_a) > 10
    assert not set(ids_a) & set(ids_b)


def test_workbench_scenarios_load():
    found = scenarios.workbench_scenarios()
    assert [name for name, _ in found] == ["LMD case study", "LMD case study: two on one page"]
    runtime = LmdTestRuntime()
    block = load(runtime, found[0][1])
    assert block.display_name.startswith("Case study: queues at the Northgate")
    pair = etree.fromstring(found[1][1])
    assert [c.get("url_name") for c in pair] == ["sample-case", "sample-case-2"]


def test_student_view_data_for_the_mobile_apps(runtime, case):
    """Content only (the platform computes it once, for every learner); the learner's state
    comes from the get_user_state handler."""
    data = case.student_view_data()
    assert [q["id"] for q in data["questions"]] == ["q1", "q2"] and "state" not in data
    assert data["exhibits"][0]["html"].startswith("<table>") and ANALYSIS not in json.dumps(data)
    assert post(runtime, case, "get_user_state", {})[1]["analysis_html"] is None
    post(runtime, case, "submit", {"answers": ANSWERS})
    again = runtime.get_block(case.scope_ids.usage_id)
    assert again.student_view_data() == data
    status, state = post(runtime, again, "get_user_state", {})
    assert status == 200 and state["answers"] == ANSWERS and ANALYSIS in state["analysis_html"]


def test_hostile_author_html_renders_inert():
    # At the end of each rich element: an HTML parser reads <iframe/> as an opening tag, so
    # whatever follows it is dropped along with it (hostile content may lose its neighbours).
    xml = (SAMPLE.replace("</scenario>", f"{EVIL_XML}</scenario>")
           .replace("</table>\n  </exhibit>", f"</table>{EVIL_XML}\n  </exhibit>", 1)
           .replace("</analysis>", f"{EVIL_XML}</analysis>")
           .replace('title="Exhibit 2: A note', 'title="&lt;script&gt;alert(1)&lt;/script&gt; Exhibit 2: A note')
           .replace("What would you change first", "&lt;img src=x onerror=alert(1)&gt; What would you change first")
           .replace("I proposed selection", "&lt;svg onload=alert(1)&gt; I proposed selection"))
    runtime = LmdTestRuntime("alice")
    block = load(runtime, xml)
    assert "<script>" in block.scenario  # kept as authored (an export gives it back); cleaned on display
    assert_inert(page_of(runtime, block))
    status, state = post(runtime, block, "submit", {"answers": ANSWERS})
    assert status == 200 and ANALYSIS in state["analysis_html"]
    assert_inert(state["analysis_html"])
    page = page_of(runtime, runtime.get_block(block.scope_ids.usage_id))
    assert_inert(page)
    assert "&lt;img src=x onerror=alert(1)&gt; What would" in page and "Monthly averages" in page
    staff_runtime, staff_view = as_learner(runtime, block.scope_ids.usage_id, "trainer", staff=True)
    assert_inert(page_of(staff_runtime, staff_view))
    data = block.student_view_data()  # for the apps: rich text sanitized, plain text left plain
    app_state = post(runtime, block, "get_user_state", {})[1]
    for html in [data["scenario"], app_state["analysis_html"], *(e["html"] for e in data["exhibits"])]:
        assert html and "alert(1)" not in html
        assert_inert(html)
    assert data["exhibits"][1]["title"].startswith("<script>")  # plain text, for the app to escape


def test_hostile_learner_answers_render_inert_and_escaped(runtime, case):
    post(runtime, case, "save_draft", {"answers": {"q1": EVIL_TEXT}})
    page = page_of(runtime, runtime.get_block(case.scope_ids.usage_id))
    assert_inert(page)
    assert "alert(1)" not in ARGS_SCRIPT.search(page).group(1)  # free text stays out of the JSON script
    assert "&lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;alert(1)" in page
    post(runtime, case, "submit", {"answers": {"q1": EVIL_TEXT, "q2": "=1+1"}})
    assert case.answers["q1"] == EVIL_TEXT  # stored as typed: it is text, not markup
    assert_inert(page_of(runtime, runtime.get_block(case.scope_ids.usage_id)))
    staff_runtime, staff_view = as_learner(runtime, case.scope_ids.usage_id, "trainer", staff=True)
    staff_page = page_of(staff_runtime, staff_view)
    assert_inert(staff_page)
    cell = lxml.html.fragment_fromstring(staff_page, create_parent="div").find_class("lmd-answer")[0]
    assert cell.text_content() == "1. " + EVIL_TEXT  # shown as the learner typed it, as text


# ---- the facilitator -------------------------------------------------------------------------

def test_facilitator_panel_for_staff_only(runtime, case):
    post(runtime, case, "submit", {"answers": {"q1": "Alice first\nsecond line", "q2": "Alice two"}})
    post(runtime, case, "assess", {"points": ["r1", "r2"]})
    bob_runtime, bob = as_learner(runtime, case.scope_ids.usage_id, "bob")
    post(bob_runtime, bob, "submit", {"answers": {"q1": "Bob one", "q2": "Bob two"}})
    assert "lmd-facilitator" not in case.student_view().content
    bob_page = bob.student_view().content
    assert "lmd-facilitator" not in bob_page and "facilitator_csv" not in bob_page and "Alice" not in bob_page
    staff_runtime, staff_view = as_learner(runtime, case.scope_ids.usage_id, "trainer", staff=True)
    frag = staff_view.student_view()
    tree = lxml.html.fragment_fromstring(frag.content, create_parent="div")
    panel = tree.find_class("lmd-facilitator")[0]
    rows = panel.xpath(".//tbody/tr")
    assert [r.xpath("./th")[0].text for r in rows] == ["alice", "bob"]
    assert [r.xpath("./td")[1].text_content() for r in rows] == ["67%", "–"]
    assert "Alice first<br>second line" in frag.content
    assert panel.xpath(".//caption")[0].text == "2 learners have submitted"
    link = panel.find_class("lmd-csv")[0]
    assert link.get("href") == staff_runtime.handler_url(staff_view, "facilitator_csv")


def test_facilitator_csv_for_staff_and_403_for_learners(runtime, case):
    post(runtime, case, "submit", {"answers": {"q1": '=HYPERLINK("http://evil.example","x")',
                                               "q2": 'plain, with "quotes"'}})
    post(runtime, case, "assess", {"points": ["r1", "r2", "r3"]})
    bob_runtime, bob = as_learner(runtime, case.scope_ids.usage_id, "bob")
    post(bob_runtime, bob, "submit", {"answers": {"q1": "+cmd|' /C calc'!A0", "q2": "-2+3\n@SUM(A1)"}})
    post(bob_runtime, bob, "save_draft", {"answers": {"q1": "ignored"}})  # refused: already submitted

    for who, block in ((runtime, case), (bob_runtime, bob)):
        status, response = get(who, block, "facilitator_csv")
        assert status == 403 and "HYPERLINK" not in response.text and "calc" not in response.text

    staff_runtime, staff_view = as_learner(runtime, case.scope_ids.usage_id, "trainer", staff=True)
    status, response = get(staff_runtime, staff_view, "facilitator_csv")
    assert status == 200 and response.content_type == "text/csv" and response.charset.lower() == "utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Content-Disposition"].endswith('.csv"')
    text = response.body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Learner", "Submitted at", "Score",
                       "1. " + case.questions[0]["prompt"], "2. " + case.questions[1]["prompt"]]
    assert [r[0] for r in rows[1:]] == ["alice", "bob"] and len(rows) == 3
    assert rows[1][2:] == ["100%", "'=HYPERLINK(\"http://evil.example\",\"x\")", 'plain, with "quotes"']
    assert rows[2][2:] == ["", "'+cmd|' /C calc'!A0", "'-2+3\n@SUM(A1)"]
    for row in rows[1:]:
        stamp = datetime.fromisoformat(row[1])
        assert stamp.utcoffset() == timedelta(0) and abs(datetime.now(stamp.tzinfo) - stamp) < timedelta(minutes=5)


def test_submission_time_is_kept_when_the_score_changes(runtime, case):
    post(runtime, case, "submit", {"answers": ANSWERS})
    [row] = facilitator.rows(case.all_learner_states(), case.questions)
    assert [a["text"] for a in row["answers"]] == list(ANSWERS.values()) and row["percent"] is None
    assert row["name"] == "alice"
    case.submitted_at = "2024-05-01T08:00:00+00:00"
    post(runtime, case, "assess", {"points": ["r3"]})
    [row] = facilitator.rows(case.all_learner_states(), case.questions)
    assert (row["submitted_at"], row["percent"]) == ("2024-05-01T08:00:00+00:00", 33)


# ---- learners apart --------------------------------------------------------------------------

def test_two_learners_have_independent_state(runtime, case):
    post(runtime, case, "save_draft", {"answers": {"q1": "Alice's draft"}})
    bob_runtime, bob = as_learner(runtime, case.scope_ids.usage_id, "bob")
    assert bob.answers == {} and "Alice's draft" not in bob.student_view().content
    post(bob_runtime, bob, "save_draft", {"answers": {"q1": "Bob's draft"}})
    post(runtime, case, "submit", {"answers": ANSWERS})
    post(runtime, case, "assess", {"points": ["r1"]})

    _, bob_again = as_learner(runtime, case.scope_ids.usage_id, "bob")
    assert bob_again.answers == {"q1": "Bob's draft"} and not bob_again.submitted and bob_again.raw_score is None
    assert init_args(bob_again.student_view())["state"]["analysis_html"] is None
    assert bob_runtime.publishes == [] and len(runtime.publishes) == 2
    status, body = post(bob_runtime, bob_again, "assess", {"points": ["r1"]})
    assert status == 400 and "Submit your answers before" in body["error"]
    alice = runtime.get_block(case.scope_ids.usage_id)
    assert alice.answers == ANSWERS and alice.submitted and alice.assessment == ["r1"]
    # Drafts are not shown to the facilitator; each learner's answers are in their own state.
    assert [r["name"] for r in facilitator.rows(alice.all_learner_states(), alice.questions)] == ["alice"]


def test_rescoring_follows_the_rubric_and_skips_learners_without_a_score(runtime, case):
    assert not case.has_submitted_answer()
    post(runtime, case, "submit", {"answers": ANSWERS})
    assert not case.has_submitted_answer()  # submitted, but no self-assessment yet: nothing to rescore
    post(runtime, case, "assess", {"points": ["r1", "r2"]})
    assert case.has_submitted_answer()
    case.rubric = [dict(p, weight=2.0) if p["id"] == "r3" else p for p in case.rubric]
    assert case.calculate_score().raw_earned == 0.5
