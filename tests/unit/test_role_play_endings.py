"""Role-play engine (issue 13): choices shuffled per learner and stable, endings that follow the
points earned on the path (bands with a minimum and an `otherwise`), debrief passages tied to the
choices actually made; the SCORM runtime plays every path to the same ending as the block."""
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import init_args, load, post
from tests.runtime import LmdTestRuntime, as_learner
from xblocks.common.errors import ContentError
from xblocks.lmd_role_play import content
from xblocks.lmd_role_play.graph import best_totals, ending_for, every_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "xblocks/lmd_role_play/samples/role_play.xml").read_text()
DATA = content.parse(etree.fromstring(SAMPLE))
RANK = {"failure": 0, "partial": 1, "success": 2}


@pytest.fixture
def runtime():
    return LmdTestRuntime(user_id="alice")


@pytest.fixture
def role_play(runtime):
    return load(runtime, SAMPLE)


def shown_order(block):
    return [c["id"] for c in init_args(block.student_view())["state"]["node"]["choices"]]


# ---- shuffled choices -------------------------------------------------------------------------

def test_choices_are_shuffled_per_learner_and_stable(runtime, role_play):
    usage = role_play.scope_ids.usage_id
    mine = shown_order(role_play)
    assert sorted(mine) == ["a", "b"]
    assert shown_order(runtime.get_block(usage)) == mine  # a reload shows the same order
    orders = Counter(tuple(shown_order(as_learner(runtime, usage, f"learner{i}")[1])) for i in range(60))
    assert set(orders) == {("a", "b"), ("b", "a")}
    assert min(orders.values()) >= 15  # each order for roughly half the learners


def test_every_node_is_shuffled_independently(runtime, role_play):
    """Along the best path, the best choice is not at one fixed place for a learner."""
    usage = role_play.scope_ids.usage_id
    places = Counter()
    for i in range(30):
        learner_runtime, block = as_learner(runtime, usage, f"walker{i}")
        for node, choice in [("n1", "b"), ("n2", "a"), ("n4", "b"), ("n6", "a")]:
            state = init_args(learner_runtime.get_block(usage).student_view())["state"]
            assert state["node"]["id"] == node
            places[[c["id"] for c in state["node"]["choices"]].index(choice)] += 1
            post(learner_runtime, learner_runtime.get_block(usage), "choose", {"node": node, "choice": choice})
    assert places[0] > 30 and places[1] > 30


def test_scorm_content_carries_one_shuffled_order_and_the_same_choices(role_play):
    local = role_play.local_content()
    for written, exported in zip(DATA["nodes"], local["nodes"]):
        assert sorted(c["id"] for c in exported["choices"]) == sorted(c["id"] for c in written["choices"])
    assert any([c["id"] for c in e["choices"]] != [c["id"] for c in w["choices"]]
               for w, e in zip(DATA["nodes"], local["nodes"]))


# ---- endings that follow the path --------------------------------------------------------------

PATHS = list(every_path(DATA))


def test_every_path_is_enumerated_with_its_points_and_ending():
    assert len(PATHS) == 12
    assert (["n1", "n2", "n4", "n6"], 14, "end_good") in [([n for n, _ in p], pts, e) for p, pts, e in PATHS]
    by_ending = {}
    for _path, points, ending in PATHS:
        by_ending.setdefault(ending, []).append(points)
    assert {e: min(p) for e, p in by_ending.items()} == {"end_good": 9, "end_mixed": 4, "end_bad": -6}
    assert max(by_ending["end_bad"]) < min(by_ending["end_good"])


@pytest.mark.parametrize("path,points,ending", PATHS, ids=["-".join(f"{n}{c}" for n, c in p) for p, _, _ in PATHS])
def test_each_path_played_reaches_the_ending_its_points_allow(runtime, role_play, path, points, ending):
    learner_runtime, block = as_learner(runtime, role_play.scope_ids.usage_id, "player")
    state = None
    for node, choice in path:
        status, state = post(learner_runtime, block, "choose", {"node": node, "choice": choice})
        assert status == 200
    best, _ = best_totals(DATA)
    assert state["ending"]["id"] == ending and state["best"]["ending"] == ending
    assert state["ending"]["score"] == round(max(0, min(1, points / best)), 4)
    minimum = next(e for e in DATA["endings"] if e["id"] == "end_good")["min_points"]
    assert (state["ending"]["outcome"] == "success") == (points >= minimum and path[-1] == ("n6", "a"))


def test_a_success_ending_is_unreachable_below_its_minimum():
    good = next(e for e in DATA["endings"] if e["id"] == "end_good")
    assert ending_for(DATA, "end_good", good["min_points"]) == "end_good"
    assert ending_for(DATA, "end_good", good["min_points"] - 1) == "end_mixed"
    assert ending_for(DATA, "end_good", -100) == "end_bad"  # down the whole chain
    assert all(points >= good["min_points"] for _p, points, e in PATHS if e == "end_good")


def test_no_lower_outcome_outscores_a_success():
    outcome = {e["id"]: e["outcome"] for e in DATA["endings"]}
    success = [pts for _p, pts, e in PATHS if outcome[e] == "success"]
    failure = [pts for _p, pts, e in PATHS if outcome[e] == "failure"]
    assert max(failure) < min(success)


def test_debrief_passages_follow_the_choices_made(runtime, role_play):
    def debrief(path):
        learner_runtime, block = as_learner(runtime, role_play.scope_ids.usage_id, "-".join(n + c for n, c in path))
        for node, choice in path:
            _status, state = post(learner_runtime, block, "choose", {"node": node, "choice": choice})
        return state["ending"]["debrief_html"]

    clean = debrief([("n1", "b"), ("n2", "a"), ("n4", "b"), ("n6", "a")])
    assert "You refused the gift" in clean and "keep the Director out" not in clean
    assert "keep the Director out" in debrief([("n1", "b"), ("n2", "a"), ("n4", "a"), ("n6", "a")])
    mixed = debrief([("n1", "a"), ("n3", "a"), ("n6", "a")])  # 4 points: partial, with the envelope
    assert "accepted the envelope" in mixed and "hostile tone" not in mixed
    bad = debrief([("n1", "b"), ("n2", "b"), ("n5", "b")])
    assert "exactly the exchange" in bad  # n2:b, one of the passage's `when` choices


def test_a_saved_path_the_content_no_longer_has_restarts_cleanly(runtime, role_play):
    role_play.path = [["n1", "z"]]
    state = init_args(role_play.student_view())["state"]
    assert state["node"]["id"] == "n1" and state["path"] == []
    role_play.path = [["n1", "b"], ["n2", "a"], ["n4", "b"], ["n6", "a"]]  # a finished run
    assert init_args(role_play.student_view())["state"]["ending"]["id"] == "end_good"


# ---- the content format ------------------------------------------------------------------------

@pytest.mark.parametrize("old,new,words", [
    (' min_points="8" otherwise="end_mixed"', ' min_points="8"', "min_points and otherwise go together"),
    ('otherwise="end_mixed"', 'otherwise="end_nowhere"', 'otherwise="end_nowhere" is not an ending'),
    ('min_points="3" otherwise="end_bad"', 'min_points="9" otherwise="end_bad"', "needs a lower min_points"),
    ('when="n4:a"', 'when="n4:z"', "n4:z is not a choice"),
    ('when="n4:a"', 'when="n4"', "lists node:choice pairs"),
    ('<debrief id="good-director" when="n4:a">', '<debrief>', "needs exactly one <debrief> without when or unless"),
])
def test_band_and_passage_errors_are_named(old, new, words):
    xml = SAMPLE.replace(old, new, 1)
    assert xml != SAMPLE
    with pytest.raises(ContentError, match=words):
        content.parse(etree.fromstring(xml))


def test_bands_and_passages_survive_a_round_trip(role_play):
    again = load(LmdTestRuntime(), role_play.to_xml_string())
    assert again.endings == role_play.endings
    assert any(e.get("passages") for e in again.endings) and any(e.get("min_points") for e in again.endings)


# ---- the SCORM runtime plays every path the same way --------------------------------------------

NODE_HARNESS = """
const window = global.window = {};
window.LMD_SCORM = {backends: {}, stateOf: () => null, saveState: (u, s, done) => done(s),
  error: (code, message) => new Error(code + ' ' + message), t: (k) => k, storableText: (t) => String(t)};
require(%(script)s);
const content = %(content)s, paths = %(paths)s;
const out = paths.map((path) => {
  const backend = window.LMD_SCORM.backends.lmd_role_play('u', content);
  let state = backend.handlers.restart();
  path.forEach((step) => { state = backend.handlers.choose({node: step[0], choice: step[1]}); });
  return {ending: state.ending.id, score: state.ending.score, debrief: state.ending.debrief_html, best: state.best.ending};
});
process.stdout.write(JSON.stringify(out));
"""


def test_scorm_runtime_reaches_the_same_ending_and_debrief_on_every_path(runtime, role_play):
    node = shutil.which("node")
    assert node, "node is needed (Debian package nodejs)"
    paths = [[list(step) for step in path] for path, _pts, _e in PATHS]
    script = NODE_HARNESS % {"script": json.dumps(str(ROOT / "scorm_export/static/backends/role_play.js")),
                             "content": json.dumps(role_play.local_content()), "paths": json.dumps(paths)}
    results = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)
    for (path, _points, ending), js in zip(PATHS, results):
        learner_runtime, block = as_learner(runtime, role_play.scope_ids.usage_id, "-".join(n + c for n, c in path))
        for node_id, choice in path:
            _status, state = post(learner_runtime, block, "choose", {"node": node_id, "choice": choice})
        assert js == {"ending": ending, "score": state["ending"]["score"], "debrief": state["ending"]["debrief_html"],
                      "best": ending}, path


# ---- the course: every path of every role-play, against the ending it reaches -----------------

def _course_role_plays():
    from courses.lmd import model
    return [(m.path.name, m.parts_of("lmd_role_play")[0].data) for m in model.load_course()]


@pytest.mark.parametrize("name,data", _course_role_plays(), ids=lambda v: v if isinstance(v, str) else "")
def test_course_role_play_paths_reach_endings_their_points_allow(name, data):
    from xblocks.lmd_role_play.play import reached_ending, result
    outcome = {e["id"]: e for e in data["endings"]}
    best, _ = best_totals(data)
    by_outcome = {"success": [], "partial": [], "failure": []}
    for path, points, ending in every_path(data):
        steps = [list(step) for step in path]
        assert reached_ending(data, steps) == ending and result(data, steps)["points"] == points
        minimum = outcome[ending].get("min_points")
        assert minimum is None or points >= minimum, (name, path, points, ending)
        by_outcome[outcome[ending]["outcome"]].append(points)
    assert by_outcome["success"], name
    assert min(by_outcome["success"]) >= 0.6 * best, name  # success needs most of the best total
    assert not by_outcome["failure"] or max(by_outcome["failure"]) < min(by_outcome["success"]), name
