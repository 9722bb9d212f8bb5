"""`lmd validate` refuses what gives answers away (issue 13), naming module and item: each bias is
planted in a crafted module that is otherwise clean, and the check names it."""
from pathlib import Path

import pytest

from courses.lmd import checks, giveaways, model

OPTION_TEXT = ["Ask the shift", "Check the file", "Wait for audit", "Call the broker"]  # 13-15 characters
EQUAL_TEXT = ["Ask the shift.", "Check the file", "Wait for audit", "Phone a broker"]  # 14 characters each
RIGHT = ' correct="true"'


def single(qid, key, texts=OPTION_TEXT, ids="abcd"):
    options = "".join(
        f'<option id="{ids[i]}"{RIGHT if i == key else ""}><text>{t}</text><feedback>Why.</feedback></option>'
        for i, t in enumerate(texts))
    return f'<question id="{qid}" type="single" objective="o1"><prompt>Which?</prompt>{options}<explanation>So.</explanation></question>'


def truefalse(qid, key):
    options = "".join(f'<option id="{v}"{RIGHT if v == key else ""}><text>{v.title()}</text>'
                      f'<feedback>Why.</feedback></option>' for v in ("true", "false"))
    return f'<question id="{qid}" type="truefalse" objective="o2"><prompt>Is it?</prompt>{options}<explanation>So.</explanation></question>'


def multiple(qid, right):
    options = "".join(
        f'<option id="{"abcd"[i]}"{RIGHT if i in right else ""}><text>{t}</text><feedback>Why.</feedback></option>'
        for i, t in enumerate(OPTION_TEXT))
    return f'<question id="{qid}" type="multiple" objective="o3"><prompt>Which ones?</prompt>{options}<explanation>So.</explanation></question>'


def ordering(qid, ids):
    items = "".join(f'<item id="{i}"><text>Step {n}</text><feedback>Why.</feedback></item>' for n, i in enumerate(ids))
    return f'<question id="{qid}" type="ordering" objective="o1"><prompt>Order?</prompt>{items}<explanation>So.</explanation></question>'


CLEAN_QUIZ = [single("q1", 0), single("q2", 1), single("q3", 2), single("q4", 3), single("q5", 1),
              truefalse("q6", "true"), truefalse("q7", "false"), multiple("q8", {0, 2}), multiple("q9", {1, 3}),
              ordering("q10", "cab")]

LABELS = ["Ask what happened", "Name the rule now", "Leave it for later"]  # 17-18 characters


def node(nid, best, target, labels=LABELS, points=(2, 0, -1)):
    """A decision node whose best choice (points[0], labels[0]) is at position `best`."""
    which = [1, 2]
    which.insert(best, 0)
    choices = [f'<choice id="{"abc"[place]}" target="{target}"><label>{labels[w]}</label>'
               f'<feedback>Why.</feedback><points competency="c1" value="{points[w]}"/></choice>'
               for place, w in enumerate(which)]
    return f'<node id="{nid}" speaker="other"><text><p>Well?</p></text>{"".join(choices)}</node>'


def role_play(nodes, endings):
    return f"""<lmd_role_play url_name="mx-rp" display_name="Role-play" learner_role="me" start_node="n1">
  <situation><p>A room.</p></situation>
  <role id="me" name="Manager"><brief><p>You.</p></brief><instructions><p>Act.</p></instructions></role>
  <role id="other" name="Officer"><brief><p>Them.</p></brief><instructions><p>React.</p></instructions></role>
  <competency id="c1" name="Judgement"/>
  {"".join(nodes)}{endings}
</lmd_role_play>"""


CLEAN_NODES = [node("n1", 0, "n2"), node("n2", 1, "n3"), node("n3", 2, "n4"), node("n4", 0, "n5"),
               node("n5", 1, "n6"), node("n6", 2, "end_good")]
CLEAN_ENDINGS = """<ending id="end_good" title="Good" outcome="success" min_points="8" otherwise="end_ok"><debrief><p>Good.</p></debrief></ending>
  <ending id="end_ok" title="Fair" outcome="partial" min_points="1" otherwise="end_bad"><debrief><p>Fair.</p></debrief></ending>
  <ending id="end_bad" title="Poor" outcome="failure"><debrief><p>Poor.</p></debrief></ending>"""


def module_xml(quiz=CLEAN_QUIZ, nodes=CLEAN_NODES, endings=CLEAN_ENDINGS):
    words = " ".join(["customs"] * 1250)
    return f"""<lmd_module url_name="mx" number="N9" display_name="Crafted" duration="1 hour">
  <objectives><objective id="o1">Explain one thing.</objective><objective id="o2">Apply another.</objective>
    <objective id="o3">Evaluate a third.</objective></objectives>
  <introduction><p>Why.</p></introduction>
  <html url_name="mx-s1" display_name="Text"><p>{words}</p></html>
  <lmd_case_study url_name="mx-case" display_name="Case">
    <scenario><p>A case.</p></scenario><exhibit id="e1" title="Exhibit"><p>Data.</p></exhibit>
    <question id="q1" max_length="500">What?</question><question id="q2" max_length="500">Why?</question>
    <rubric><point id="r1" weight="1">One.</point><point id="r2" weight="1">Two.</point><point id="r3" weight="1">Three.</point></rubric>
    <analysis><p>Analysis.</p></analysis>
  </lmd_case_study>
  {role_play(nodes, endings)}
  <lmd_quiz url_name="mx-quiz" display_name="Quiz" max_attempts="3" pass_threshold="0.7" shuffle="true">{"".join(quiz)}</lmd_quiz>
</lmd_module>"""


def problems(**parts):
    return checks.check_module(model.parse_module(module_xml(**parts), Path("99-crafted.xml")))


def test_the_crafted_module_is_clean():
    assert problems() == []


def replace(items, index, new):
    return items[:index] + [new] + items[index + 1:]


LONG = "Call the broker and ask for the invoice"  # about three times the others


@pytest.mark.parametrize("parts,expected", [
    ({"quiz": [single(f"q{i}", 0) for i in range(1, 6)] + CLEAN_QUIZ[5:]},
     "quiz mx-quiz: the key is at position 1 in 5 of 5 single-choice questions (q1, q2, q3, q4, q5); at most 2"),
    ({"quiz": [single("q1", 0), single("q2", 1, ids="bacd"), single("q3", 2, ids="bcad"), single("q4", 3, ids="bcda"),
               single("q5", 1, ids="bacd")] + CLEAN_QUIZ[5:]},
     "quiz mx-quiz: the key has the id 'a' in 5 of 5 single-choice questions"),
    ({"quiz": replace(CLEAN_QUIZ, 0, single("q1", 0, texts=[LONG] + OPTION_TEXT[1:]))},
     "quiz mx-quiz: question q1: the key is 2.72 times as long as the distractors; at most 1.25"),
    ({"quiz": [single(f"q{i}", k, texts=[t + " now" if n == k else t for n, t in enumerate(OPTION_TEXT)])
               for i, k in zip(range(1, 6), (0, 1, 2, 3, 1))] + CLEAN_QUIZ[5:]},
     "quiz mx-quiz: keys average 1.2"),
    ({"quiz": [single(f"q{i}", k, texts=[t + "s" if n == k else t for n, t in enumerate(EQUAL_TEXT)])
               for i, k in zip(range(1, 6), (0, 1, 2, 3, 1))] + CLEAN_QUIZ[5:]},
     "the key is the longest option in 5 single-choice questions (q1, q2, q3, q4, q5); at most 1"),
    ({"quiz": replace(CLEAN_QUIZ, 6, truefalse("q7", "true"))},
     "quiz mx-quiz: true/false keys are 2 true and 0 false; they may differ by 1 at most"),
    ({"quiz": replace(CLEAN_QUIZ, 8, multiple("q9", {0, 3}))},
     "quiz mx-quiz: the first option is right in 2 of 2 multiple-response questions (q8, q9); at most 1"),
    ({"quiz": replace(CLEAN_QUIZ, 9, ordering("q10", "abc"))},
     "quiz mx-quiz: question q10: sorting the item ids gives the answer"),
    ({"quiz": replace(CLEAN_QUIZ, 9, ordering("q10", "cba"))},
     "quiz mx-quiz: question q10: sorting the item ids gives the answer"),
    ({"nodes": [node(f"n{i}", 0, f"n{i + 1}" if i < 6 else "end_good") for i in range(1, 7)]},
     "role-play mx-rp: the best choice is at position 1 in 6 of 6 decision nodes (n1, n2, n3, n4, n5, n6); at most 3"),
    ({"nodes": [node(f"n{i}", b, f"n{i + 1}" if i < 6 else "end_good",
                     labels=["Ask what happened, then listen", "Name it", "Later"])
                for i, b in zip(range(1, 7), (0, 1, 2, 0, 1, 2))]},
     "role-play mx-rp: the best choice has the longest label in 6 decision nodes"),
    ({"endings": CLEAN_ENDINGS.replace('min_points="8"', 'min_points="2"')},
     "role-play mx-rp: success ending end_good needs min_points of at least 8 (60% of the best total, 12); it has 2"),
    ({"endings": CLEAN_ENDINGS.replace('min_points="8"', 'min_points="5"')},
     "success ending end_good needs min_points of at least 8"),
    ({"nodes": CLEAN_NODES[:5] + [node("n6", 2, "end_bad").replace('target="end_bad"><label>Leave', 'target="end_good"><label>Leave')]},
     "role-play mx-rp: a path reaching failure ending end_bad earns 12 points"),
])
def test_each_bias_is_named(parts, expected):
    found = problems(**parts)
    assert any(expected in p and p.startswith("99-crafted.xml: ") for p in found), found


def test_validate_reports_the_figures():
    line = checks.figures_line(model.parse_module(module_xml(), Path("99-crafted.xml")))
    assert "keys by position 1/2/1/1" in line and "T/F 1/1" in line and "first option right in 1/2 MR" in line
    assert "best choice by position 2/2/2" in line and "end_good (success) from 8" in line


def test_every_limit_is_documented_in_format_md():
    doc = (Path(giveaways.__file__).parent / "FORMAT.md").read_text()
    for name, value in giveaways.BIAS_LIMITS.items():
        assert f"`{name}`" in doc and str(value) in doc, name


def test_lmd_validate_passes_on_the_thirteen_modules_and_prints_their_figures(capsys):
    from courses.cli import build_parser
    args = build_parser().parse_args(["validate"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    # the thirteen modules' quizzes, then the course pre-test's and post-test's own lines
    assert "ERROR" not in out and out.count("ok    ") == 13 and out.count("keys by position") == 15
    assert "pretest lmd-pretest: 13 questions on 13 modules" in out and "posttest lmd-posttest: 13 questions" in out


def test_validate_fails_and_names_the_module_when_a_bias_is_planted(tmp_path, capsys):
    from courses.cli import build_parser
    crafted = tmp_path / "99-crafted.xml"
    crafted.write_text(module_xml(quiz=[single(f"q{i}", 0) for i in range(1, 6)] + CLEAN_QUIZ[5:]))
    args = build_parser().parse_args(["validate", str(crafted)])
    assert args.func(args) == 1
    assert "ERROR 99-crafted.xml: quiz mx-quiz: the key is at position 1 in 5 of 5" in capsys.readouterr().out
