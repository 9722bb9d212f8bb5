"""scorm_export/budget.py: the worst case of cmi.suspend_data, in the SCO runtime's own format,
and the SCORM 1.2 free-text limits lowered until it fits 4,096 characters, tightly.

The expected states are written from the runtime's backends, not from budget.py:
- sco.js keeps {v: 1, b: {key: state}} as JSON.stringify writes it (no spaces, non-ASCII as is),
  the key of a block being its position among the page's [data-usage] elements in base 36
  (index.toString(36)): the module is 0, its parts follow in order;
- quiz.js: {a: attempts, r: the last responses, l: last score, b: best score, p: passed} and,
  once the learner asked for the answers, v: the attempts then; responses are an option id
  (single, truefalse), the chosen option ids (multiple) or the item ids in order (ordering);
- case_study.js: {a: {question id: answer}, s: submitted, p: the rubric points (sorted), r: score};
- role_play.js: {p: [[node, choice]...], n: runs, b: {score, ending, profile: [{id, name, points,
  max}]}, r: reflection}, where b is the best run's (its ending and profile need not be p's);
- scores are rounded to 4 decimals (0.3333 is the longest), each kept character costs at most
  two JSON characters ('"')."""
import json

import pytest

from courses.lmd import model
from scorm_export import budget
from scorm_export.budget import (
    SUSPEND_LIMIT_12, _base36, _longest_path, _rewrite_limits, fit_module_xml, worst_state, worst_suspend_data,
)

HEAD = ('<lmd_module url_name="m" number="3" display_name="M">'
        '<objectives><objective id="o1">One.</objective></objectives>')


def module(*parts):
    return model.parse_module(HEAD + "".join(parts) + "</lmd_module>")


def html(url):
    return f'<html url_name="{url}"><p>Text.</p></html>'


def case(url, questions=(("q1", 1500),), points=("r1",)):
    qs = "".join(f'<question id="{q}" max_length="{n}">Prompt {q}?</question>' for q, n in questions)
    ps = "".join(f'<point id="{p}">Point {p}.</point>' for p in points)
    return (f'<lmd_case_study url_name="{url}"><scenario><p>S.</p></scenario>{qs}'
            f'<rubric>{ps}</rubric><analysis><p>A.</p></analysis></lmd_case_study>')


def option(oid, correct=False):
    return f'<option id="{oid}" correct="{str(correct).lower()}"><text>T</text><feedback>F</feedback></option>'


def item(iid):
    return f'<item id="{iid}"><text>T</text><feedback>F</feedback></item>'


def question(qid, qtype, entries):
    return (f'<question id="{qid}" type="{qtype}"><prompt>P</prompt>{"".join(entries)}'
            '<explanation>E</explanation></question>')


QUIZ_QUESTIONS = [
    question("q1", "single", [option("zz", True), option("abc"), option("b")]),
    question("q2", "multiple", [option("a", True), option("bb", True), option("c")]),
    question("q3", "truefalse", [option("true", True), option("false")]),
    question("q4", "ordering", [item("d"), item("b"), item("ccc"), item("a")]),
]


def quiz(url, questions=QUIZ_QUESTIONS, attempts=3):
    return f'<lmd_quiz url_name="{url}" max_attempts="{attempts}">{"".join(questions)}</lmd_quiz>'


def choice(cid, target, points=()):
    ps = "".join(f'<points competency="{c}" value="{v}"/>' for c, v in points)
    return f'<choice id="{cid}" target="{target}"><label>L</label><feedback>F</feedback>{ps}</choice>'


def node(nid, *choices):
    return f'<node id="{nid}"><text><p>T</p></text>{"".join(choices)}</node>'


def ending(eid, extra=""):
    return f'<ending id="{eid}" title="T"{extra}><debrief><p>D</p></debrief></ending>'


def role_play(url, nodes, endings, reflection=' max_length="300"', competencies=(("c1", "Équité"),)):
    comps = "".join(f'<competency id="{c}" name="{n}"/>' for c, n in competencies)
    refl = f"<reflection{reflection}>What did you learn?</reflection>" if reflection is not None else ""
    return (f'<lmd_role_play url_name="{url}" learner_role="r1" start_node="n1"><situation><p>S</p></situation>'
            '<role id="r1" name="One"><brief><p>B</p></brief><instructions><p>I</p></instructions></role>'
            '<role id="r2" name="Two"><brief><p>B</p></brief><instructions><p>I</p></instructions></role>'
            f'{comps}{"".join(nodes)}{"".join(endings)}{refl}</lmd_role_play>')


RP_2000 = role_play("rp", [node("n1", choice("a", "e1"), choice("b", "e2"))], [ending("e1"), ending("e2")],
                    reflection=' max_length="2000"')
SIMPLE_RP = role_play("rp", [node("n1", choice("a", "e1", [("c1", 1)]), choice("b", "e2"))],
                      [ending("e1"), ending("e2")])


def rp_data(xml):
    return module(xml).parts[0].data


# --- the keys: base 36, as Number.prototype.toString(36) ---------------------------------------

@pytest.mark.parametrize("n, text", [(0, "0"), (1, "1"), (9, "9"), (10, "a"), (35, "z"), (36, "10"),
                                     (71, "1z"), (1295, "zz"), (1296, "100"), (46656, "1000")])
def test_base36_is_javascripts_to_string_36(n, text):
    assert _base36(n) == text


# --- one block's worst state, per type, as its backend writes it ------------------------------

def test_quiz_worst_state_is_what_quiz_js_stores_after_show_answers():
    data = module(quiz("qz")).parts[0].data
    assert worst_state("lmd_quiz", data) == {
        "a": 999,  # attempts: up to max_attempts, or unlimited (0): 999 counted
        "r": {"q1": "abc", "q2": ["a", "bb", "c"], "q3": "false", "q4": ["d", "b", "ccc", "a"]},
        "l": 0.3333, "b": 0.3333, "p": False,
        "v": 999,
    }


def test_quiz_attempts_are_counted_as_three_digits_whatever_the_setting():
    for attempts in (0, 1, 100):
        state = worst_state("lmd_quiz", module(quiz("qz", attempts=attempts)).parts[0].data)
        assert (state["a"], state["v"]) == (999, 999)
    data = module(quiz("qz")).parts[0].data
    data["max_attempts"] = 12345  # never allowed by the content (0..100), but counted if it were
    state = worst_state("lmd_quiz", data)
    assert (state["a"], state["v"]) == (12345, 12345)


def test_single_choice_response_is_the_option_with_the_longest_id():
    single = question("q1", "single", [option("b"), option("zz", True), option("abc")])
    data = module(quiz("qz", [single])).parts[0].data
    assert worst_state("lmd_quiz", data)["r"] == {"q1": "abc"}


def test_case_study_worst_state_is_what_case_study_js_stores_after_assess():
    data = module(case("cs", [("q1", 60), ("q2", 50)], ["r2", "r10", "r1"])).parts[0].data
    assert worst_state("lmd_case_study", data) == {
        "a": {"q1": '"' * 60, "q2": '"' * 50}, "s": True, "p": ["r1", "r10", "r2"], "r": 0.3333}


def test_role_play_worst_state_is_what_role_play_js_stores():
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2", [("c1", 2)]), choice("b", "e1")),
                                    node("n2", choice("a", "e1"), choice("b", "e2", [("c1", -1), ("c2", 3)]))],
                             [ending("e1"), ending("e2")], competencies=(("c1", "Équité"), ("c2", "Two"))))
    assert worst_state("lmd_role_play", data) == {
        "p": [["n1", "a"], ["n2", "a"]], "n": 9999,
        "b": {"score": 0.3333, "ending": "e1",
              "profile": [{"id": "c1", "name": "Équité", "points": -99, "max": 99},
                          {"id": "c2", "name": "Two", "points": -99, "max": 99}]},
        "r": '"' * 300,
    }


def test_role_play_best_run_may_end_at_the_longest_ending_off_the_longest_path():
    """p is the current path, b the best run's: a learner who reached e_long_ending first, then
    played the longest path (a lower score), stores both; a band's fallback counts too."""
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2"), choice("b", "e_long_ending")),
                                    node("n2", choice("a", "e1"), choice("b", "e2"))],
                             [ending("e1"), ending("e2"), ending("e_long_ending")]))
    state = worst_state("lmd_role_play", data)
    assert state["p"] == [["n1", "a"], ["n2", "a"]] and state["b"]["ending"] == "e_long_ending"
    data = rp_data(role_play("rp", [node("n1", choice("a", "e1", [("c1", 1)]), choice("b", "e2"))],
                             [ending("e1", ' min_points="1" otherwise="fallback_ending"'), ending("e2"),
                              ending("fallback_ending")]))
    assert worst_state("lmd_role_play", data)["b"]["ending"] == "fallback_ending"


def test_role_play_profile_counts_totals_beyond_two_digits():
    """A choice may give a competency several <points> (-5..5 each), a path many choices: the
    best run's points are any path's total, its max the most a path earns (role_play.js best())."""
    many_down = [("c1", -5)] * 7
    nodes = [node(f"n{i}", choice("a", f"n{i + 1}", many_down), choice("b", f"n{i + 1}", [("c1", 5)] * 8))
             for i in range(1, 4)]
    nodes.append(node("n4", choice("a", "e1"), choice("b", "e2", [("c2", 5)] * 2)))
    data = rp_data(role_play("rp", nodes, [ending("e1"), ending("e2")], competencies=(("c1", "A"), ("c2", "B"))))
    profile = worst_state("lmd_role_play", data)["b"]["profile"]
    assert profile == [{"id": "c1", "name": "A", "points": -105, "max": 120},
                       {"id": "c2", "name": "B", "points": -99, "max": 99}]
    nodes[0] = node("n1", choice("a", "n2", [("c1", -5)] * 4), choice("b", "n2", [("c1", 5)] * 200))
    data = rp_data(role_play("rp", nodes, [ending("e1"), ending("e2")], competencies=(("c1", "A"), ("c2", "B"))))
    assert worst_state("lmd_role_play", data)["b"]["profile"][0] == {"id": "c1", "name": "A", "points": 1080,
                                                                      "max": 1080}


def test_a_role_play_whose_every_total_is_negative_keeps_its_widest_max():
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2", [("c1", -5)] * 20),
                                         choice("b", "n2", [("c1", -5)] * 21)),
                                    node("n2", choice("a", "e1"), choice("b", "e2"))], [ending("e1"), ending("e2")]))
    assert worst_state("lmd_role_play", data)["b"]["profile"][0] == {"id": "c1", "name": "Équité", "points": -105,
                                                                      "max": -100}


@pytest.mark.parametrize("tag", ["html", "lmd_module", "other"])
def test_blocks_without_a_backend_store_nothing(tag):
    assert worst_state(tag, {}) is None


# --- the longest role-play path -----------------------------------------------------------------

def test_longest_path_is_the_longest_json_not_the_most_steps():
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2"), choice("a_very_long_choice_id", "e1")),
                                    node("n2", choice("a", "e1"), choice("b", "e2"))],
                             [ending("e1"), ending("e2")]))
    assert _longest_path(data) == ([["n1", "a_very_long_choice_id"]], "e1")
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2"), choice("b", "e1")),
                                    node("n2", choice("a", "e1"), choice("bb", "e2"))],
                             [ending("e1"), ending("e2")]))
    assert _longest_path(data) == ([["n1", "a"], ["n2", "bb"]], "e2")


def test_longest_path_counts_its_ending_and_shares_subpaths():
    data = rp_data(role_play("rp", [node("n1", choice("a", "n2"), choice("b", "n3")),
                                    node("n2", choice("a", "n4"), choice("b", "n4")),
                                    node("n3", choice("a", "n4"), choice("b", "e1")),
                                    node("n4", choice("a", "e1"), choice("b", "e_longer"))],
                             [ending("e1"), ending("e_longer")]))
    assert _longest_path(data) == ([["n1", "a"], ["n2", "a"], ["n4", "b"]], "e_longer")


# --- the whole suspend data ---------------------------------------------------------------------

def test_worst_suspend_data_keys_blocks_by_page_position_in_compact_json():
    m = module(html("h1"), quiz("qz", [question("q1", "truefalse", [option("true", True), option("false")])]),
               html("h2"), SIMPLE_RP)
    quiz_state = '{"a":999,"r":{"q1":"false"},"l":0.3333,"b":0.3333,"p":false,"v":999}'
    rp_state = ('{"p":[["n1","a"]],"n":9999,"b":{"score":0.3333,"ending":"e1","profile":'
                '[{"id":"c1","name":"Équité","points":-99,"max":99}]},"r":"' + '\\"' * 300 + '"}')
    assert worst_suspend_data(m) == '{"v":1,"b":{"2":' + quiz_state + ',"4":' + rp_state + "}}"


def test_worst_suspend_data_of_a_module_without_activities():
    assert worst_suspend_data(module(html("h1"))) == '{"v":1,"b":{}}'


def test_block_keys_past_the_ninth_and_the_thirty_fifth_part():
    parts = [html(f"h{i}") for i in range(1, 10)] + [case("c10")] + [html(f"g{i}") for i in range(11, 36)]
    parts += [case("c36"), case("c37")]
    stored = json.loads(worst_suspend_data(module(*parts)))
    assert list(stored) == ["v", "b"] and stored["v"] == 1
    assert list(stored["b"]) == ["a", "10", "11"]


# --- fitting a 1.2 package ----------------------------------------------------------------------

def fields_of(m):
    return ([q["max_length"] for p in m.parts_of("lmd_case_study") for q in p.data["questions"]]
            + [p.data["reflection_max_length"] for p in m.parts_of("lmd_role_play") if p.data["reflection_prompt"]])


def fixed_part(m):
    """What the worst case holds besides the free texts (each text costs 2 per character)."""
    return len(worst_suspend_data(m)) - 2 * sum(fields_of(m))


def test_limit_is_scorm_12s():
    assert SUSPEND_LIMIT_12 == 4096 and budget.SUSPEND_LIMIT_2004 == 64000


def test_each_free_text_gets_an_equal_share_of_what_is_left_and_never_more_than_before():
    xml = (case("cs1", [("q1", 1500), ("q2", 60)], ["r1", "r2"]), quiz("qz"), case("cs2", [("q1", 1400)]),
           role_play("rp", [node("n1", choice("a", "e1"), choice("b", "e2"))], [ending("e1"), ending("e2")],
                     reflection=' max_length="2000"'))
    original = module(*xml)
    share = (4096 - fixed_part(original)) // (2 * 4)
    fitted_xml, per_field = fit_module_xml(module(*xml))
    assert per_field == share and 60 < share < 1400
    fitted = model.parse_module(fitted_xml)
    assert fields_of(fitted) == [share, 60, share, share]
    text = worst_suspend_data(fitted)
    assert len(text) == fixed_part(original) + 2 * (3 * share + 60) <= SUSPEND_LIMIT_12


def test_fitting_is_tight():
    xml = (case("cs", [("q1", 1500), ("q2", 1500)]), RP_2000)
    for limit in range(3000, 3012):
        fitted = model.parse_module(fit_module_xml(module(*xml), limit)[0])
        used = len(worst_suspend_data(fitted))
        assert used <= limit < used + 2 * 3  # with one more character in each of the 3 fields


def test_fitting_the_default_limit_exactly():
    xml = (case("cs", [("q1", 1500), ("q2", 1500)]), RP_2000)
    for extra in range(6):  # each remainder of the share
        data = module(*xml)
        data.parts[0].data["rubric"][0]["id"] = "r" * (1 + extra)
        fixed_now = fixed_part(data)
        xml_out, per_field = fit_module_xml(data)
        assert per_field == (4096 - fixed_now) // 6
        assert fields_of(model.parse_module(xml_out)) == [per_field] * 3


def test_the_reflection_counts_only_when_the_role_play_has_a_prompt():
    xml = (case("cs", [("q1", 1500)]),
           role_play("rp", [node("n1", choice("a", "e1"), choice("b", "e2"))], [ending("e1"), ending("e2")],
                     reflection=None))
    original = module(*xml)
    assert not original.parts[1].data["reflection_prompt"]
    fixed = len(worst_suspend_data(original)) - 2 * 1500
    fitted_xml, per_field = fit_module_xml(module(*xml), 5000 + fixed)
    assert per_field == 2500  # 5000 // 2: the one field (its own 1500 is lower)
    assert fields_of(model.parse_module(fitted_xml)) == [1500]
    fitted_xml, per_field = fit_module_xml(module(*xml), 1000 + fixed)
    assert per_field == 500
    fitted = model.parse_module(fitted_xml)
    assert fitted.parts[0].data["questions"][0]["max_length"] == 500
    assert "<reflection" not in fitted_xml


def test_same_question_ids_in_two_case_studies_keep_their_own_limits():
    xml = (case("cs1", [("q1", 50)]), case("cs2", [("q1", 1500)]))
    fitted_xml, per_field = fit_module_xml(module(*xml))
    assert 50 < per_field < 1500
    assert fields_of(model.parse_module(fitted_xml)) == [50, per_field]


def test_modules_without_free_text_are_left_as_they_are():
    for xml in [(quiz("qz"),), (html("h1"),),
                (role_play("rp", [node("n1", choice("a", "e1"), choice("b", "e2"))], [ending("e1"), ending("e2")],
                           reflection=None), quiz("qz"))]:
        m = module(*xml)
        assert fit_module_xml(m) == (m.xml, None)


def test_no_room_left_gives_zero():
    m = module(case("cs", [("q1", 1500)]), SIMPLE_RP)
    fitted_xml, per_field = fit_module_xml(m, 100)
    assert per_field == 0
    assert fields_of(m) == [0, 0]
    assert 'max_length="0"' in fitted_xml


def test_rewrite_limits_writes_each_new_max_length_into_the_module_xml():
    m = module(html("h1"), case("cs1", [("q1", 1500), ("q2", 1500)]), case("cs2", [("q1", 1500)]), SIMPLE_RP)
    m.parts[1].data["questions"][0]["max_length"] = 111
    m.parts[1].data["questions"][1]["max_length"] = 222
    m.parts[2].data["questions"][0]["max_length"] = 333
    m.parts[3].data["reflection_max_length"] = 444
    out = model.parse_module(_rewrite_limits(m))
    assert fields_of(out) == [111, 222, 333, 444]
    assert [p.url_name for p in out.parts] == ["h1", "cs1", "cs2", "rp"]
    assert out.parts[1].data["questions"][1]["prompt"] == "Prompt q2?"
    assert out.parts[3].data["reflection_prompt"] == "What did you learn?"


def test_the_real_course_fits_tightly():
    """Every course module, fitted: within 4,096, and one more character in every free text
    that was lowered would not fit."""
    for original in model.load_course():
        fitted_xml, per_field = fit_module_xml(model.parse_module(original.xml))
        fitted = model.parse_module(fitted_xml)
        used = len(worst_suspend_data(fitted))
        lowered = sum(1 for n in fields_of(fitted) if n == per_field)
        assert used <= SUSPEND_LIMIT_12 < used + 2 * lowered, original.number
