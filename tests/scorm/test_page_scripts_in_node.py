"""The SCO page's pure scripts as a page loads them: plain scripts sharing one global object (a
window), not CommonJS modules, run by node in a fresh context. The grading twin and the pass rule
the SCO reports with, and the rule that keeps a learner's text within the SCORM 1.2 suspend-data
budget (scorm_export/budget.py counts at most two JSON characters for each character kept)."""
import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = {
    "grading": ROOT / "xblocks/lmd_quiz/public/grading.js",
    "pass_rule": ROOT / "scorm_export/static/pass_rule.js",
    "learner_text": ROOT / "scorm_export/static/learner_text.js",
}


def in_page(body, scripts=("grading", "pass_rule", "learner_text")):
    """Run `body` (JavaScript ending in a value) in a window where `scripts` were loaded in order;
    -> that value, through JSON."""
    node = shutil.which("node")
    assert node, "node is needed (Debian package nodejs)"
    program = f"""
      const vm = require('vm'), fs = require('fs');
      const page = {{}};
      page.window = page;
      // Under StrykerJS (make mutation) the scripts pick their mutant from Node's environment,
      // which a page has not got: hand the choice over. Nothing else of Node enters the page.
      const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
      if (mutant !== undefined) {{ page.__stryker__ = {{activeMutant: mutant}}; }}
      vm.createContext(page);
      for (const file of {json.dumps([str(SCRIPTS[s]) for s in scripts])}) {{
        vm.runInContext(fs.readFileSync(file, 'utf8'), page, {{filename: file}});
      }}
      process.stdout.write(JSON.stringify(vm.runInContext({json.dumps(body)}, page)));
    """
    return json.loads(subprocess.run([node, "-e", program], capture_output=True, text=True, check=True).stdout)


def test_a_page_gets_the_grading_twin_and_the_scorm_pass_rule_as_globals():
    found = in_page("""({grading: Object.keys(LmdQuizGrading).sort(),
                         sameRule: LMD_SCORM.passRule.passes === LmdQuizGrading.passes
                                   && LMD_SCORM.passRule.percent === LmdQuizGrading.percent,
                         onTheMark: LMD_SCORM.passRule.passes(0.75, 0.75),
                         underIt: LMD_SCORM.passRule.passes(0.7449, 0.75)})""")
    assert found == {"grading": ["gradeQuestion", "gradeQuiz", "passes", "percent"], "sameRule": True,
                     "onTheMark": True, "underIt": False}


def test_a_question_left_unanswered_scores_nothing():
    found = in_page("""[
        {type: 'single', options: [{id: 'a', correct: true}, {id: 'b', correct: false}]},
        {type: 'multiple', options: [{id: 'a', correct: true}, {id: 'b', correct: false}]},
        {type: 'ordering', items: [{id: 'x'}, {id: 'y'}]},
      ].flatMap(q => [null, undefined].map(a => LmdQuizGrading.gradeQuestion(q, a)))""", ["grading"])
    assert found == [{"score": 0, "correct": False}] * 6


def test_each_script_leaves_the_backends_registry_for_the_others():
    """Whatever loads first makes LMD_SCORM with its backends registry (sco.js and the
    backends add to it)."""
    for scripts in (["learner_text"], ["grading", "pass_rule"]):
        assert in_page("typeof LMD_SCORM.backends === 'object' && LMD_SCORM.backends !== null", scripts), scripts


def test_an_option_sent_twice_counts_once_in_a_multiple_response_question():
    """The server refuses a repeated option (grading.py); the SCO page grades what its own
    state holds, which a learner could edit: a repeat must not earn a second point."""
    found = in_page("""(() => {
        const q = {type: 'multiple', options: [{id: 'a', correct: true}, {id: 'b', correct: true},
                                               {id: 'c', correct: false}]};
        return [['a', 'a'], ['a', 'a', 'b'], ['c', 'c', 'a', 'b']].map(r => LmdQuizGrading.gradeQuestion(q, r));
    })()""", ["grading"])
    assert found == [{"score": 0.5, "correct": False}, {"score": 1, "correct": True},
                     {"score": 0.5, "correct": False}]


def test_learner_text_is_stored_without_what_would_break_a_save():
    found = in_page(r"""[null, undefined, 42, '  plain  ', 'one\r\ntwo\rthree', 'tab\there',
        'a\u0000b\u0008c\u000bd\u000ce\u001ff', 'lone \ud800 high', 'lone \udfff low', 'pair \ud83d\ude00 kept',
        'ends high \ud83d', '\u0007'].map(LMD_SCORM.storableText)""", ["learner_text"])
    assert found == ["", "", "42", "plain", "one\ntwo\nthree", "tab\there", "abcdef", "lone \ufffd high",
                     "lone \ufffd low", "pair \U0001F600 kept", "ends high \ufffd", ""]


def test_surrogate_pairs_are_kept_and_halves_replaced_at_every_boundary():
    """UTF-16 pairs from the first (U+10000) to the last (U+10FFFF) are kept; a high half
    followed by anything but a low half, a low half alone, and two low halves become U+FFFD;
    the characters just outside the surrogate range are kept."""
    cases = {
        "\\ud800\\udc00": "\U00010000", "\\udbff\\udfff": "\U0010FFFF", "\\ud800\\udfff": "\U000103FF",
        "\\udbff\\udc00": "\U0010FC00", "\\ud800\\ue000": "\ufffd\ue000", "\\ud800a": "\ufffda",
        "\\ud800\\ud800\\udc00": "\ufffd\U00010000", "\\udc00\\udc00": "\ufffd\ufffd", "\\udfffz": "\ufffdz",
        "\\ud7ff": "\ud7ff", "\\ue000": "\ue000", "a\\udbff": "a\ufffd",
    }
    found = in_page("[" + ", ".join(f"'{k}'" for k in cases) + "].map(LMD_SCORM.storableText)", ["learner_text"])
    assert found == list(cases.values())


def test_no_character_a_learner_types_costs_more_than_two_in_suspend_data():
    """What budget.py assumes of every kept character, checked for all 65,536 UTF-16 code units
    (alone, so lone surrogates too) and for a character outside the basic plane."""
    worst = in_page(r"""(() => {
        let worst = {cost: 0};
        for (let code = 0; code < 0x10000; code += 1) {
          const kept = LMD_SCORM.storableText('x' + String.fromCharCode(code) + 'x');
          const cost = (JSON.stringify(kept).length - 2 - 2) / Math.max(1, kept.length - 2);
          if (cost > worst.cost) { worst = {cost: cost, code: code}; }
        }
        const astral = LMD_SCORM.storableText('\ud83d\ude00');
        return {worst: worst, astral: JSON.stringify(astral).length - 2, astralLength: astral.length};
    })()""", ["learner_text"])
    assert worst["worst"]["cost"] == 2  # '"', backslash, line feed, tab: two each
    assert worst["astral"] == worst["astralLength"] == 2
