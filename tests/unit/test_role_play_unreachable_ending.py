"""Issue 12 item 17: an ending that no path can reach (no choice leads to it and no band falls
back to it) is refused, naming it; an ending reached only as another's fallback is accepted."""
from pathlib import Path

import pytest
from lxml import etree

from xblocks.common.errors import ContentError
from xblocks.lmd_role_play import content

SAMPLE = (Path(__file__).parents[2] / "xblocks/lmd_role_play/samples/role_play.xml").read_text()
ORPHAN = ('<ending id="end_orphan" title="Nobody gets here" outcome="failure"><debrief><p>Unreachable.</p>'
          '</debrief></ending>\n  <observer_checklist>')


def test_an_ending_no_path_reaches_is_refused():
    xml = SAMPLE.replace("<observer_checklist>", ORPHAN, 1)
    assert xml != SAMPLE
    with pytest.raises(ContentError, match='<ending id="end_orphan"> cannot be reached'):
        content.parse(etree.fromstring(xml))


def test_an_ending_cut_off_by_retargeting_its_only_choices_is_refused():
    # end_bad is reached through choices and as end_mixed's fallback: drop both and it is orphaned
    xml = SAMPLE.replace('min_points="3" otherwise="end_bad"', "", 1).replace('target="end_bad"', 'target="end_mixed"')
    assert 'target="end_bad"' not in xml and 'otherwise="end_bad"' not in xml
    with pytest.raises(ContentError, match='<ending id="end_bad"> cannot be reached'):
        content.parse(etree.fromstring(xml))


def test_an_ending_reached_only_as_a_fallback_is_accepted():
    xml = SAMPLE.replace('target="end_bad"', 'target="end_mixed"')
    assert 'target="end_bad"' not in xml and 'otherwise="end_bad"' in xml
    data = content.parse(etree.fromstring(xml))
    assert "end_bad" in {e["id"] for e in data["endings"]}
