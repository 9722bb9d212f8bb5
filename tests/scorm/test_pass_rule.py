"""One pass rule, the blocks' own (xblocks/lmd_quiz/grading.py and its twin public/grading.js,
which SCORM pages and the manifest's mastery score reuse): both twins agree with the shared grading
vectors, each case at its own pass mark where it has one ("pass_threshold" in a case overrides
the file's), and with each other on every score a quiz can report."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scorm_export import pass_rule

ROOT = Path(__file__).resolve().parents[2]
VECTORS_PATH = ROOT / "xblocks/lmd_quiz/grading_vectors.json"
VECTORS = json.loads(VECTORS_PATH.read_text())
CASES = VECTORS["cases"]
GRADING_JS = ROOT / "xblocks/lmd_quiz/public/grading.js"


def threshold(case):
    return case.get("pass_threshold", VECTORS["pass_threshold"])


def node(script):
    path = shutil.which("node")
    assert path, "node is needed (Debian package nodejs)"
    return json.loads(subprocess.run([path, "-e", script], capture_output=True, text=True, check=True).stdout)


def test_a_vector_sits_exactly_on_the_pass_mark():
    assert any(c["expected"]["score"] == threshold(c) and c["expected"]["passed"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_python_pass_rule_gives_each_vectors_verdict(case):
    assert pass_rule.passes(case["expected"]["score"], threshold(case)) == case["expected"]["passed"]


def test_javascript_pass_rule_gives_each_vectors_verdict():
    verdicts = node(f"""
      const rule = require({json.dumps(str(GRADING_JS))});
      const v = require({json.dumps(str(VECTORS_PATH))});
      process.stdout.write(JSON.stringify(v.cases.map(c =>
        rule.passes(c.expected.score, c.pass_threshold === undefined ? v.pass_threshold : c.pass_threshold))));
    """)
    assert verdicts == [c["expected"]["passed"] for c in CASES]


def test_python_and_javascript_pass_rules_agree_on_every_reportable_score():
    """Quiz scores have four decimals; pass marks are authored as shares with up to three."""
    scores = [i / 10000 for i in range(10001)]
    thresholds = [i / 1000 for i in range(0, 1001, 7)] + [0.5, 0.6, 0.625, 0.7, 0.75, 0.8]
    js = node(f"""
      const rule = require({json.dumps(str(GRADING_JS))});
      const scores = {json.dumps(scores)}, thresholds = {json.dumps(thresholds)};
      process.stdout.write(JSON.stringify({{
        percents: scores.map(rule.percent).concat(thresholds.map(rule.percent)),
        verdicts: thresholds.map(t => scores.filter(s => rule.passes(s, t)).length)}}));
    """)
    assert js["percents"] == [pass_rule.percent(x) for x in scores + thresholds]
    assert js["verdicts"] == [sum(1 for s in scores if pass_rule.passes(s, t)) for t in thresholds]
