"""One grading specification, two evaluators: Python (the XBlock) and JavaScript (SCORM
packages) must both give the expected result for every shared vector."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from xblocks.lmd_quiz.grading import grade_quiz

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "xblocks/lmd_quiz/grading_vectors.json").read_text())
CASES = VECTORS["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_python_evaluator(case):
    threshold = case.get("pass_threshold", VECTORS["pass_threshold"])  # a case may sit on its own mark
    assert grade_quiz(VECTORS["questions"], case["responses"], threshold) == case["expected"]


def test_javascript_evaluator_in_node():
    node = shutil.which("node")
    assert node, "node is needed (the machine image has it; Debian package nodejs otherwise)"
    script = f"""
      const g = require({json.dumps(str(ROOT / 'xblocks/lmd_quiz/public/grading.js'))});
      const v = require({json.dumps(str(ROOT / 'xblocks/lmd_quiz/grading_vectors.json'))});
      process.stdout.write(JSON.stringify(v.cases.map(c => g.gradeQuiz(v.questions, c.responses,
        c.pass_threshold === undefined ? v.pass_threshold : c.pass_threshold))));
    """
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    results = json.loads(out)
    assert len(results) == len(CASES)
    for case, result in zip(CASES, results):
        assert result == case["expected"], case["name"]
