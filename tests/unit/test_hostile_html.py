"""Hostile HTML in author content and learner answers renders inert."""
import json
import re

import pytest

from tests.helpers import INIT_ISLAND, init_args, load
from tests.runtime import LmdTestRuntime
from xblocks.common.sanitize import sanitize_html

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<p style="position:fixed;top:0">overlay</p>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<div onmouseover="alert(1)">hover</div>',
    '<object data="x.swf"></object>',
]
DANGEROUS = re.compile(r"<script|<svg|<iframe|<object|<math|\son\w+\s*=|javascript:|style=", re.IGNORECASE)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitizer_neutralises(payload):
    assert not DANGEROUS.search(sanitize_html(payload))


def test_sanitizer_keeps_teaching_markup():
    markup = ('<h3>Title</h3><p>Text <strong>bold</strong> <em>it</em> <a href="https://example.org/x">link</a></p>'
              '<table><caption>Figures</caption><thead><tr><th scope="col">A</th></tr></thead>'
              '<tbody><tr><td>1</td></tr></tbody></table><ul><li>one</li></ul>')
    assert sanitize_html(markup) == markup


def test_hostile_author_html_in_a_module_renders_inert():
    # The payloads as well-formed XML, as they would arrive in a module file.
    xml_payloads = ("<script>alert(1)</script><img src='x' onerror='alert(1)'/>"
                    "<a href='javascript:alert(1)'>click</a><svg onload='alert(1)'><circle r='1'/></svg>"
                    "<iframe src='data:text/html,x'/><p style='position:fixed'>overlay</p>"
                    "<div onmouseover='alert(1)'>hover</div><object data='x.swf'/>")
    module_xml = f"""<lmd_module url_name="mx" number="1" display_name="Hostile">
      <objectives><objective id="o1">Resist.</objective></objectives>
      <introduction><p>Intro</p>{xml_payloads}</introduction>
      <html url_name="mx-s" display_name="Section">{xml_payloads}</html>
    </lmd_module>"""
    runtime = LmdTestRuntime()
    module = load(runtime, module_xml)
    html = runtime.render(module, "student_view").content
    body = html.split("<article", 1)[1].split("</article>", 1)[0]  # the block, not the runtime wrapper
    data = INIT_ISLAND.search(html)
    assert data and "<" not in data.group(1)  # the module's own init data, escaped    assert not DANGEROUS.search(body), DANGEROUS.search(body)
    assert "Intro" in body


def test_hostile_author_html_in_case_study_and_role_play_renders_inert():
    from pathlib import Path
    root = Path(__file__).parents[2] / "xblocks"
    evil = "<script>alert(1)</script><a href='javascript:alert(1)'>x</a><svg onload='alert(1)'/>"
    case_xml = (root / "lmd_case_study/samples/case_study.xml").read_text().replace(
        "<p>Northgate is", f"{evil}<p>Northgate is").replace("<p>Inspections rose", f"{evil}<p>Inspections rose")
    role_xml = (root / "lmd_role_play/samples/role_play.xml").read_text().replace(
        "<p>\"Chief, a small", f"{evil}<p>\"Chief, a small").replace("<p>Newly appointed", f"{evil}<p>Newly appointed")
    runtime = LmdTestRuntime(user_id="alice")
    for xml in (case_xml, role_xml):
        block = load(runtime, xml)
        frag = block.student_view()
        markup = INIT_ISLAND.sub("", frag.content)  # the data island is checked as data just below
        assert not DANGEROUS.search(markup), DANGEROUS.search(markup)
        state = json.dumps(init_args(frag)["state"], ensure_ascii=False)  # e.g. role-play node text
        assert not DANGEROUS.search(state), DANGEROUS.search(state)
    case = load(runtime, case_xml)
    from tests.helpers import post
    status, state = post(runtime, case, "submit", {"answers": {"q1": "a", "q2": "b"}})
    assert status == 200 and not DANGEROUS.search(state["analysis_html"])
