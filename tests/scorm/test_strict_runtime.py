"""The strict SCORM runtime (strict_rte.js) answers as the RTE books require: checked call by
call in node before it is trusted to judge our SCOs in Chromium."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

STRICT = Path(__file__).resolve().parent / "strict_rte.js"

# (calls, expected error code of the last call); each list runs on a fresh API object.
# I = initialize, T = terminate, G = get, S = set, C = commit.
CASES_12 = [
    ("get before LMSInitialize", [("G", "cmi.core.lesson_status")], "301"),
    ("set before LMSInitialize", [("S", "cmi.core.lesson_status", "completed")], "301"),
    ("commit before LMSInitialize", [("C",)], "301"),
    ("finish before LMSInitialize", [("T",)], "301"),
    ("initialize twice", [("I",), ("I",)], "101"),
    ("initialize with an argument", [("I", "x")], "201"),
    ("get after LMSFinish", [("I",), ("T",), ("G", "cmi.core.lesson_status")], "101"),
    ("set after LMSFinish", [("I",), ("T",), ("S", "cmi.core.lesson_status", "completed")], "101"),
    ("commit after LMSFinish", [("I",), ("T",), ("C",)], "101"),
    ("finish twice", [("I",), ("T",), ("T",)], "101"),
    ("unknown element", [("I",), ("G", "cmi.core.nothing")], "201"),
    ("children of a leaf", [("I",), ("G", "cmi.core.lesson_status._children")], "202"),
    ("count of a non-array", [("I",), ("G", "cmi.core._count")], "203"),
    ("set a keyword", [("I",), ("S", "cmi.core._children", "x")], "402"),
    ("set a read-only element", [("I",), ("S", "cmi.core.entry", "resume")], "403"),
    ("get a write-only element", [("I",), ("G", "cmi.core.exit")], "404"),
    ("get an interaction's id", [("I",), ("S", "cmi.interactions.0.id", "q1"), ("G", "cmi.interactions.0.id")], "404"),
    ("status out of its vocabulary", [("I",), ("S", "cmi.core.lesson_status", "not attempted")], "405"),
    ("score over 100", [("I",), ("S", "cmi.core.score.raw", "101")], "405"),
    ("score not a number", [("I",), ("S", "cmi.core.score.raw", "70%")], "405"),
    ("location over 255", [("I",), ("S", "cmi.core.lesson_location", "x" * 256)], "405"),
    ("suspend data over 4096", [("I",), ("S", "cmi.suspend_data", "x" * 4097)], "405"),
    ("session time badly formed", [("I",), ("S", "cmi.core.session_time", "PT1M")], "405"),
    ("interaction index skips one", [("I",), ("S", "cmi.interactions.1.id", "q1")], "201"),
    ("choice response with a long id", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                         ("S", "cmi.interactions.0.type", "choice"),
                                         ("S", "cmi.interactions.0.student_response", "opt1")], "405"),
    ("true-false response spelled out", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                          ("S", "cmi.interactions.0.type", "true-false"),
                                          ("S", "cmi.interactions.0.student_response", "true")], "405"),
    ("interaction time of day", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                  ("S", "cmi.interactions.0.time", "25:00:00")], "405"),
    ("a good session", [("I",), ("G", "cmi.suspend_data"), ("S", "cmi.core.score.raw", "69"),
                        ("S", "cmi.core.lesson_status", "passed"), ("S", "cmi.interactions.0.id", "q1"),
                        ("S", "cmi.interactions.0.type", "choice"), ("S", "cmi.interactions.0.time", "10:11:12"),
                        ("S", "cmi.interactions.0.correct_responses.0.pattern", "a,b"),
                        ("S", "cmi.interactions.0.student_response", "a"), ("S", "cmi.interactions.0.result", "wrong"),
                        ("G", "cmi.interactions._count"), ("S", "cmi.core.session_time", "00:01:05"),
                        ("S", "cmi.core.exit", "suspend"), ("C",), ("T",)], "0"),
]

CASES_2004 = [
    ("get before Initialize", [("G", "cmi.completion_status")], "122"),
    ("set before Initialize", [("S", "cmi.completion_status", "completed")], "132"),
    ("commit before Initialize", [("C",)], "142"),
    ("terminate before Initialize", [("T",)], "112"),
    ("initialize twice", [("I",), ("I",)], "103"),
    ("initialize after Terminate", [("I",), ("T",), ("I",)], "104"),
    ("get after Terminate", [("I",), ("T",), ("G", "cmi.completion_status")], "123"),
    ("set after Terminate", [("I",), ("T",), ("S", "cmi.completion_status", "completed")], "133"),
    ("commit after Terminate", [("I",), ("T",), ("C",)], "143"),
    ("terminate twice", [("I",), ("T",), ("T",)], "113"),
    ("commit with an argument", [("I",), ("C", "x")], "201"),
    ("get with no element", [("I",), ("G", "")], "301"),
    ("set with no element", [("I",), ("S", "", "x")], "351"),
    ("undefined element", [("I",), ("G", "cmi.nothing")], "401"),
    ("value never set", [("I",), ("G", "cmi.location")], "403"),
    ("suspend data never set", [("I",), ("G", "cmi.suspend_data")], "403"),
    ("set a read-only element", [("I",), ("S", "cmi.entry", "resume")], "404"),
    ("set a keyword", [("I",), ("S", "cmi._version", "2.0")], "404"),
    ("get a write-only element", [("I",), ("G", "cmi.exit")], "405"),
    ("status out of its vocabulary", [("I",), ("S", "cmi.success_status", "done")], "406"),
    ("scaled score not a real", [("I",), ("S", "cmi.score.scaled", "70%")], "406"),
    ("scaled score over 1", [("I",), ("S", "cmi.score.scaled", "1.5")], "407"),
    ("progress measure below 0", [("I",), ("S", "cmi.progress_measure", "-0.1")], "407"),
    ("location over its 1000 characters", [("I",), ("S", "cmi.location", "x" * 1001)], "406"),
    ("session time badly formed", [("I",), ("S", "cmi.session_time", "00:01:00")], "406"),
    ("interaction index skips one", [("I",), ("S", "cmi.interactions.1.id", "q1")], "351"),
    ("interaction type before its id", [("I",), ("S", "cmi.interactions.0.type", "choice")], "408"),
    ("response before the type", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                   ("S", "cmi.interactions.0.learner_response", "a")], "408"),
    ("pattern before the type", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                  ("S", "cmi.interactions.0.correct_responses.0.pattern", "a")], "408"),
    ("choice listed twice", [("I",), ("S", "cmi.interactions.0.id", "q1"), ("S", "cmi.interactions.0.type", "choice"),
                              ("S", "cmi.interactions.0.learner_response", "a[,]a")], "406"),
    ("description over 250", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                              ("S", "cmi.interactions.0.description", "x" * 251)], "406"),
    ("timestamp badly formed", [("I",), ("S", "cmi.interactions.0.id", "q1"),
                                ("S", "cmi.interactions.0.timestamp", "2026-12-02 10:11")], "406"),
    ("a good session", [("I",), ("G", "cmi.entry"), ("G", "cmi.interactions._count"), ("S", "cmi.location", "lmd-u-3-anchor"),
                        ("S", "cmi.score.scaled", "0.69"), ("S", "cmi.score.raw", "69"), ("S", "cmi.success_status", "passed"),
                        ("S", "cmi.interactions.0.id", "q1"), ("S", "cmi.interactions.0.type", "sequencing"),
                        ("S", "cmi.interactions.0.description", "{lang=fr}Remettez dans l'ordre"),
                        ("S", "cmi.interactions.0.timestamp", "2026-12-02T10:11:12.3Z"),
                        ("S", "cmi.interactions.0.correct_responses.0.pattern", "a[,]b[,]c"),
                        ("S", "cmi.interactions.0.learner_response", "b[,]a[,]c"),
                        ("S", "cmi.interactions.0.result", "incorrect"), ("S", "cmi.session_time", "PT0H1M5S"),
                        ("S", "cmi.exit", "suspend"), ("C",), ("T",)], "0"),
]


def run_in_node(version, cases):
    node = shutil.which("node")
    assert node, "node is needed (Debian package nodejs)"
    script = f"""
      const S = require({json.dumps(str(STRICT))});
      const cases = {json.dumps([c[1] for c in cases])};
      const out = cases.map(calls => {{
        const api = S[{json.dumps('Scorm12' if version == '1.2' else 'Scorm2004')}]();
        const v12 = api.version === '1.2';
        const fn = {{I: v12 ? 'LMSInitialize' : 'Initialize', T: v12 ? 'LMSFinish' : 'Terminate',
                    G: v12 ? 'LMSGetValue' : 'GetValue', S: v12 ? 'LMSSetValue' : 'SetValue',
                    C: v12 ? 'LMSCommit' : 'Commit'}};
        const failed = [];
        calls.forEach(([kind, ...args], i) => {{
          const a = (kind === 'G' || kind === 'S') ? args : (args.length ? args : ['']);
          api[fn[kind]](...a);
          const code = api[v12 ? 'LMSGetLastError' : 'GetLastError']();
          if (i < calls.length - 1 && code !== '0') failed.push([i, code]);
        }});
        return {{last: api[v12 ? 'LMSGetLastError' : 'GetLastError'](), earlier: failed}};
      }});
      process.stdout.write(JSON.stringify(out));
    """
    return json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("version,cases", [("1.2", CASES_12), ("2004", CASES_2004)])
def test_strict_runtime_returns_the_error_codes_of_the_rte_books(version, cases):
    results = run_in_node(version, cases)
    wrong = [(name, want, got) for (name, _calls, want), got in zip(cases, results)
             if got["last"] != want or got["earlier"]]
    assert not wrong, wrong


def test_strict_runtime_keeps_the_data_model_between_sessions():
    script = f"""
      const S = require({json.dumps(str(STRICT))});
      const first = S.Scorm2004();
      first.Initialize('');
      first.SetValue('cmi.interactions.0.id', 'q1');
      first.SetValue('cmi.location', 'here');
      first.SetValue('cmi.suspend_data', '{{}}');
      first.SetValue('cmi.exit', 'suspend');
      first.Terminate('');
      const second = S.Scorm2004(first.saved());
      second.Initialize('');
      const resumed = [second.GetValue('cmi.entry'), second.GetValue('cmi.interactions._count'),
                       second.GetValue('cmi.location')];
      second.SetValue('cmi.exit', 'normal');
      second.Terminate('');
      const third = S.Scorm2004(second.saved());
      third.Initialize('');
      process.stdout.write(JSON.stringify({{resumed, fresh: [third.GetValue('cmi.entry'),
                                             third.GetValue('cmi.interactions._count')]}}));
    """
    out = json.loads(subprocess.run([shutil.which("node"), "-e", script], capture_output=True, text=True,
                                    check=True).stdout)
    assert out == {"resumed": ["resume", "1", "here"], "fresh": ["ab-initio", "0"]}
