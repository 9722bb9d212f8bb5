"""Author text can never break out of a block's JSON init data (issue 12, item 2): a '</script>',
'<!--' or U+2028 in a role-play label, feedback, speaker, ending title or competency name, or in a
quiz option's feedback, stays text, in the XBlock runtimes (workbench, demo, Open edX) and in
SCORM pages, whose data islands are written by the same function."""
import json

import lxml.html
import pytest

from courses.lmd import model
from scorm_export.page import render_module_page
from tests.helpers import load, post
from tests.runtime import LmdTestRuntime
from xblocks.common.rendering import json_for_script

BREAKOUT = "</script><script>window.__pwned = 1</script><!--<script>"
LINE_SEP = "before\u2028after\u2029end"
HOSTILE = BREAKOUT + LINE_SEP


def x(text):
    """As XML text content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def a(text):
    """As an XML attribute value."""
    return x(text).replace('"', "&quot;")


ROLE_PLAY = f"""<lmd_role_play url_name="rp-hostile" display_name="Hostile" learner_role="chief" start_node="n1">
  <situation><p>Situation</p></situation>
  <role id="chief" name="{a(HOSTILE)}"><brief><p>b</p></brief><instructions><p>i</p></instructions></role>
  <role id="other" name="Other"><brief><p>b</p></brief><instructions><p>i</p></instructions></role>
  <competency id="c1" name="{a(HOSTILE)}"/>
  <node id="n1" speaker="other"><text><p>Start</p></text>
    <choice id="a" target="e1"><label>{x(HOSTILE)}</label><feedback>{x(HOSTILE)}</feedback><points competency="c1" value="2"/></choice>
    <choice id="b" target="e2"><label>Other</label><feedback>{x(HOSTILE)}</feedback></choice>
  </node>
  <ending id="e1" outcome="success" title="{a(HOSTILE)}"><debrief><p>d</p></debrief></ending>
  <ending id="e2" outcome="failure" title="{a(HOSTILE)}"><debrief><p>d</p></debrief></ending>
</lmd_role_play>"""

QUIZ = f"""<lmd_quiz url_name="q-hostile" display_name="Hostile quiz" max_attempts="1">
  <question id="q1" type="single"><prompt>{x(HOSTILE)}</prompt>
    <option id="a" correct="true"><text>{x(HOSTILE)}</text><feedback>{x(HOSTILE)}</feedback></option>
    <option id="b"><text>Two</text><feedback>{x(HOSTILE)}</feedback></option>
    <explanation>{x(HOSTILE)}</explanation>
  </question>
</lmd_quiz>"""


def scripts_of(html):
    """Every <script> element an HTML parser (as a browser would) finds in the page."""
    return lxml.html.fromstring(f"<div>{html}</div>").iter("script")


def assert_inert(html):
    found = list(scripts_of(html))
    assert found, "the page has no data island at all"
    for script in found:
        # Only data islands (never executed) and no script that the payload opened.
        assert script.get("type") in ("application/json", "json/xblock-args"), lxml.html.tostring(script)
        data = json.loads(script.text or "{}")
        assert "__pwned" not in (script.text or "") or BREAKOUT in json.dumps(data, ensure_ascii=False)
    assert "window.__pwned = 1</script>" not in html


def test_json_for_script_escapes_what_ends_or_changes_a_script_element():
    text = json_for_script({"t": HOSTILE})
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in text
    assert json.loads(text) == {"t": HOSTILE}  # still the same JSON


def test_non_finite_numbers_are_refused_not_written_as_invalid_json():
    with pytest.raises(ValueError):
        json_for_script({"score": float("nan")})


@pytest.mark.parametrize("xml", [ROLE_PLAY, QUIZ], ids=["role_play", "quiz"])
def test_block_init_data_stays_data_in_an_xblock_runtime(xml):
    runtime = LmdTestRuntime()
    block = load(runtime, xml)
    if block.scope_ids.block_type == "lmd_quiz":  # option feedback reaches the page after an attempt
        assert post(runtime, block, "submit", {"responses": {"q1": "b"}})[0] == 200
    html = runtime.render(block, "student_view").content
    assert_inert(html)
    island = next(s for s in scripts_of(html) if "lmd-init" in (s.get("class") or ""))
    assert BREAKOUT in json.dumps(json.loads(island.text), ensure_ascii=False)  # the text arrives whole


def hostile_module():
    return f"""<lmd_module url_name="mh" number="1" display_name="Hostile module">
      <objectives><objective id="o1">Resist.</objective></objectives>
      {ROLE_PLAY}
      {QUIZ.replace('max_attempts="1"', 'max_attempts="1"')}
    </lmd_module>"""


def test_scorm_page_data_stays_data():
    module = model.parse_module(hostile_module())
    page, _assets = render_module_page(module.xml, "en", "Hostile", [], {"version": "2004"})
    assert_inert(page.split("<body>", 1)[1].split("<script src=", 1)[0])


def test_no_script_runs_from_author_text_in_chromium(page, tmp_path):
    """The SCORM page in real Chromium, without an LMS: the role-play shows the hostile label as
    text and nothing the payload wrote runs."""
    from django.utils import translation

    from scorm_export.archive import write_zip
    from scorm_export.build import build_package
    from scorm_export.cli import package_info
    from tests.scorm.lms import serve_package

    module = model.parse_module(hostile_module())
    with translation.override("en"):
        files = build_package([module], "2004", "en", package_info(translation.gettext))
    target = tmp_path / "hostile.zip"
    write_zip(files, target)
    with serve_package(target, "2004", tmp_path) as base:
        page.goto(f"{base}/lms.html")
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-role-play .lmd-node button").first.wait_for()
        labels = frame.locator(".lmd-role-play .lmd-node button").all_inner_texts()
        assert any("window.__pwned = 1" in label for label in labels)  # shown as text
        assert page.frames[1].evaluate("typeof window.__pwned") == "undefined"
