"""One pass rule: the SCORM runtime's (static/pass_rule.js) and the manifest's (pass_rule.py)
twins agree with the shared grading vectors, each case at its own pass mark where it has one
("pass_threshold" in a case overrides the file's), and with each other on every score a quiz
can report. The blocks' own graders (xblocks/lmd_quiz) must give the same verdict."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scorm_export import pass_rule
from xblocks.lmd_quiz.grading import grade_quiz

ROOT = Path(__file__).resolve().parents[2]
VECTORS_PATH = ROOT / "xblocks/lmd_quiz/grading_vectors.json"
VECTORS = json.loads(VECTORS_PATH.read_text())
CASES = VECTORS["cases"]
PASS_RULE_JS = ROOT / "scorm_export/static/pass_rule.js"
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
      const rule = require({json.dumps(str(PASS_RULE_JS))});
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
      const rule = require({json.dumps(str(PASS_RULE_JS))});
      const scores = {json.dumps(scores)}, thresholds = {json.dumps(thresholds)};
      process.stdout.write(JSON.stringify({{
        percents: scores.map(rule.percent).concat(thresholds.map(rule.percent)),
        verdicts: thresholds.map(t => scores.filter(s => rule.passes(s, t)).length)}}));
    """)
    assert js["percents"] == [pass_rule.percent(x) for x in scores + thresholds]
    assert js["verdicts"] == [sum(1 for s in scores if pass_rule.passes(s, t)) for t in thresholds]


# The blocks' graders, each case at its own pass mark. They still compare the exact score with the
# pass mark, so the case whose score is shown as the pass mark (75 % against 75.4 %) fails there
# while it passes in the page's terms: xfail until xblocks/lmd_quiz adopts the rule (not ours to
# change; see the report of issue 12 item 12).
SHOWN_AS_MARK = "shown as the pass mark"
GRADER_CASES = [pytest.param(c, marks=pytest.mark.xfail(
    strict=True, reason="xblocks/lmd_quiz graders compare the exact score, not the shown percent"))
    if c["name"].startswith(SHOWN_AS_MARK) else c for c in CASES]


@pytest.mark.parametrize("case", GRADER_CASES, ids=[c["name"] for c in CASES])
def test_the_python_grader_gives_each_vector_at_its_own_pass_mark(case):
    assert grade_quiz(VECTORS["questions"], case["responses"], threshold(case)) == case["expected"]


def test_the_javascript_grader_gives_each_vector_at_its_own_pass_mark():
    results = node(f"""
      const g = require({json.dumps(str(GRADING_JS))});
      const v = require({json.dumps(str(VECTORS_PATH))});
      process.stdout.write(JSON.stringify(v.cases.map(c => g.gradeQuiz(v.questions, c.responses,
        c.pass_threshold === undefined ? v.pass_threshold : c.pass_threshold))));
    """)
    wrong = [c["name"] for c, r in zip(CASES, results) if r != c["expected"]]
    assert wrong == [c["name"] for c in CASES if c["name"].startswith(SHOWN_AS_MARK)]  # see above
