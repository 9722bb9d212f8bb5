"""lmd_role_play in a real XBlock runtime: graph validation, play, scoring, role cards."""
import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import get, load, post, user_state, init_args
from tests.runtime import LmdTestRuntime, as_learner
from xblocks.common.errors import ContentError
from xblocks.lmd_role_play import content
from xblocks.lmd_role_play.graph import best_totals

SAMPLE = (Path(__file__).parents[2] / "xblocks/lmd_role_play/samples/role_play.xml").read_text()
BEST = [("n1", "b"), ("n2", "a"), ("n4", "b"), ("n6", "a")]
WORST = [("n1", "a"), ("n3", "b"), ("n5", "b")]


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


@pytest.fixture
def role_play(runtime):
    return load(runtime, SAMPLE)


def play(runtime, block, steps):
    state = None
    for node, choice in steps:
        status, state = post(runtime, block, "choose", {"node": node, "choice": choice})
        assert status == 200, state
    return state


def test_best_totals_follow_the_best_path(role_play):
    total, per = best_totals(role_play.content_data())
    assert total == 14 and per == {"integrity": 6, "communication": 8}


def test_playing_to_the_best_ending(runtime, role_play):
    state = play(runtime, role_play, BEST)
    assert state["node"] is None and state["ending"]["id"] == "end_good" and state["ending"]["score"] == 1.0
    assert {r["id"]: r["points"] for r in state["ending"]["profile"]} == {"integrity": 6, "communication": 8}
    assert runtime.publishes == [("grade", {"value": 1.0, "max_value": 1.0, "only_if_higher": None}),
                                 ("completion", {"completion": 1.0})]
    assert [s["choice"] for s in state["path"]] == ["b", "a", "b", "a"]


def test_restart_keeps_the_best_run(runtime, role_play):
    play(runtime, role_play, BEST)
    post(runtime, role_play, "restart", {})
    state = play(runtime, role_play, WORST)
    assert state["ending"]["id"] == "end_bad" and state["ending"]["score"] == 0.0
    assert state["best"]["score"] == 1.0 and role_play.raw_score == 1.0 and state["runs"] == 2
    assert len(runtime.publishes) == 2  # the worse run published nothing


def test_first_run_publishes_even_a_low_score(runtime, role_play):
    play(runtime, role_play, WORST)
    assert runtime.publishes[0] == ("grade", {"value": 0.0, "max_value": 1.0, "only_if_higher": None})


@pytest.mark.parametrize("payload,raw,code,words", [
    ({"node": "n4", "choice": "a"}, None, 409, "not n4"),
    ({"node": "n1", "choice": "z"}, None, 400, "unknown choice 'z'"),
    (None, b"{nope", 400, "Malformed JSON"),
])
def test_stale_node_and_unknown_choice_change_nothing(runtime, role_play, payload, raw, code, words):
    before = copy.deepcopy(user_state(runtime, role_play))
    status, body = post(runtime, role_play, "choose", payload, raw=raw)
    assert status == code and words in body["error"] and user_state(runtime, role_play) == before


def test_state_survives_a_reload(runtime, role_play):
    play(runtime, role_play, BEST[:2])
    again = runtime.get_block(role_play.scope_ids.usage_id)
    state = init_args(again.student_view())["state"]
    assert state["node"]["id"] == "n4" and len(state["path"]) == 2


def test_points_and_targets_never_reach_the_browser_before_a_choice(runtime, role_play):
    frag = role_play.student_view()
    state = json.dumps(init_args(frag)["state"])
    assert '"points"' not in state and '"target"' not in state
    assert set(init_args(frag)["state"]["node"]["choices"][0]) == {"id", "label"}
    assert "Clear and courteous" not in frag.content + state  # feedback only after choosing


def test_reflection_after_an_ending(runtime, role_play):
    status, body = post(runtime, role_play, "reflect", {"text": "early"})
    assert status == 400 and "Reach an ending" in body["error"]
    play(runtime, role_play, BEST)
    status, state = post(runtime, role_play, "reflect", {"text": "Make refusing easy."})
    assert status == 200 and state["reflection"] == "Make refusing easy."
    assert post(runtime, role_play, "reflect", {"text": "x" * 2001})[0] == 400


def test_role_cards_for_staff_only(runtime, role_play):
    assert get(runtime, role_play, "role_cards")[0] == 403
    staff_runtime, staff_view = as_learner(runtime, role_play.scope_ids.usage_id, "trainer", staff=True)
    status, response = get(staff_runtime, staff_view, "role_cards")
    assert status == 200 and response.content_type == "text/html"
    assert response.text.count('class="card"') == 3 and "Observer checklist" in response.text
    assert "Offer a generous end-of-year gift" in response.text  # the broker's private instructions


def test_learner_sees_only_their_own_private_instructions(role_play):
    html = role_play.student_view().content
    assert "follow the code of conduct on gifts" in html
    assert "Offer a generous end-of-year gift" not in html


def test_olx_round_trip_keeps_every_field(role_play):
    again = load(LmdTestRuntime(), role_play.to_xml_string())
    for name in ("display_name", *role_play.content_field_names):
        assert getattr(again, name) == getattr(role_play, name), name


@pytest.mark.parametrize("mutation,words", [
    (('target="n4"><label>Separate', 'target="n9"><label>Separate'), '<node id="n2">: choice \'a\' leads to \'n9\''),
    (('<choice id="b" target="end_mixed">', '<choice id="b" target="n1">'), "is on a cycle"),
    (('<choice id="a" target="n4"><label>Separate', '<choice id="a" target="n5"><label>Separate'), '<node id="n4"> cannot be reached'),
    (('learner_role="chief"', 'learner_role="judge"'), 'learner_role="judge"'),
    (('<points competency="integrity" value="2"/><points competency="communication" value="2"/></choice>\n  </node>',
      '<points competency="honesty" value="2"/></choice>\n  </node>'), 'unknown competency "honesty"'),
])
def test_graph_errors_name_the_node(mutation, words):
    xml = SAMPLE.replace(*mutation, 1)
    assert xml != SAMPLE
    with pytest.raises(ContentError) as caught:
        content.parse(etree.fromstring(xml))
    assert words in str(caught.value)


def test_a_dead_end_is_refused():
    xml = SAMPLE.replace('<choice id="b" target="end_bad">', '<choice id="b" target="n7">').replace(
        "<ending id=\"end_good\"", '<node id="n7" speaker="broker"><text><p>Silence.</p></text></node><ending id="end_good"')
    with pytest.raises(ContentError, match=r'<node id="n7"> \(line \d+\) needs at least two <choice> elements'):
        content.parse(etree.fromstring(xml))


def test_learners_are_independent(runtime, role_play):
    play(runtime, role_play, BEST)
    _, other = as_learner(runtime, role_play.scope_ids.usage_id, "bob")
    assert other.path == [] and other.raw_score is None


def test_reflection_cannot_break_out_of_the_init_script(runtime, role_play):
    play(runtime, role_play, BEST)
    post(runtime, role_play, "reflect", {"text": "</script><script>alert(1)</script>"})
    html = runtime.render(runtime.get_block(role_play.scope_ids.usage_id), "student_view").content
    assert "<script>alert(1)" not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in html
