"""Content checks for the course: what makes a module fit to publish beyond being valid XML.
Each returns a list of problems (strings naming the file and element); empty means fine."""
import math
import re
from collections import Counter
from statistics import mean

from lxml import html as lxml_html

from xblocks.lmd_quiz.content import PURPOSES, is_course_test
from xblocks.lmd_role_play.graph import best_totals, every_path

from .model import MODULE_ORDER

MIN_SECTION_WORDS = 1200
MIN_QUIZ_QUESTIONS = 8
MIN_ROLE_PLAY_DECISIONS = 6
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|lorem|xxx+|placeholder)\b", re.IGNORECASE)
ON_MACHINE = re.compile(r"^(#|/(?!/)|mailto:|https?://(127\.0\.0\.1|localhost)[:/])")
HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
# The course pre-test and post-test (FORMAT.md, "Pre-test and post-test"): a quiz with
# purpose="pretest" or "posttest", whose url_name ends so (the insight pages pair the two by it,
# lmd_access/insight/source.py), and whose questions name a module's objective as "mNN:oN".
TEST_SUFFIX = {purpose: f"-{purpose}" for purpose in PURPOSES}
OBJECTIVE_REF = re.compile(r"^(m[0-9a-z]+):([a-z0-9_-]+)$")

# What would give answers away (issue 13). Every limit in one place; FORMAT.md documents them.
# Positions are places in the order written (what print, an unshuffled quiz and the ids show).
BIAS_LIMITS = {
    # single choice, per quiz: no position (and no option id) holds more than this share of the
    # keys; with few questions, 2 keys in one place are always allowed
    "key_position_share": 0.4,
    # single choice and multiple response, per question: the key (mean of the right options) at
    # most this many times the mean length of the distractors
    "key_length_ratio": 1.25,
    # per quiz: the mean of those ratios over its single-choice and multiple-response questions
    "key_length_mean_ratio": 1.1,
    # single choice, per quiz: share of questions whose key is the longest option (ties excluded)
    "key_longest_share": 0.34,
    # true/false, per quiz: true keys minus false keys, either way
    "truefalse_imbalance": 1,
    # multiple response, per quiz: share of questions whose first option is right (1 always allowed)
    "multiple_first_share": 0.5,
    # role-play, per role-play: share of decision nodes whose best choice (most points, when
    # one choice has the most) is at one position, or has one id
    "best_choice_position_share": 0.5,
    # role-play: share of decision nodes whose best choice has the longest label (ties excluded)
    "best_choice_longest_share": 0.4,
    # role-play: mean over decision nodes of best label length / mean length of the other labels
    "best_choice_length_mean_ratio": 1.15,
    # role-play: a success ending needs min_points of at least this share of the best total, and
    # the lowest-scoring path that reaches it must score at least that
    "success_min_share": 0.6,
}


def words(markup):
    if not markup.strip():
        return 0
    return len(lxml_html.fragment_fromstring(markup, create_parent="div").text_content().split())


def section_words(module):
    return sum(words(part.data) for part in module.parts_of("html"))


def check_module(module):
    name = module.path.name
    problems = []
    total = section_words(module)
    if total < MIN_SECTION_WORDS:
        problems.append(f"{name}: teaching sections hold {total} words; at least {MIN_SECTION_WORDS} are needed")
    if not 3 <= len(module.objectives) <= 6:
        problems.append(f"{name}: {len(module.objectives)} objectives; 3 to 6 are needed")
    for tag, needed in (("lmd_case_study", 1), ("lmd_role_play", 1), ("lmd_quiz", 1)):
        parts = module_quizzes(module) if tag == "lmd_quiz" else module.parts_of(tag)  # its own quiz
        if len(parts) < needed:
            problems.append(f"{name}: no <{tag}>" + (" of its own (a pre-test or post-test is not the module's quiz)"
                                                     if tag == "lmd_quiz" and module.parts_of(tag) else ""))
    problems += _check_quizzes(module)
    problems += _check_role_plays(module)
    problems += _check_case_studies(module)
    problems += _check_text(module)
    return problems


def module_quizzes(module):
    """The module's own quizzes (graded), without a course pre-test or post-test placed in it."""
    return [quiz for quiz in module.parts_of("lmd_quiz") if not is_course_test(quiz.data)]


def course_tests(module):
    """The course pre-test and post-test placed in this module, if any."""
    return [quiz for quiz in module.parts_of("lmd_quiz") if is_course_test(quiz.data)]


def _check_quizzes(module):
    name, problems = module.path.name, []
    objective_ids = {o["id"] for o in module.objectives}
    assessed = set()
    for quiz in module.parts_of("lmd_quiz"):
        questions = quiz.data["questions"]
        if len(questions) < MIN_QUIZ_QUESTIONS:
            problems.append(f"{name}: quiz {quiz.url_name} has {len(questions)} questions; at least {MIN_QUIZ_QUESTIONS}")
        types = {q["type"] for q in questions}
        if len(types) < 3:
            problems.append(f"{name}: quiz {quiz.url_name} uses only {sorted(types)}; mix the question types")
        problems += _check_quiz_bias(name, quiz)
        if is_course_test(quiz.data):
            problems += _check_course_test(name, quiz)
            continue
        for purpose, suffix in TEST_SUFFIX.items():
            if quiz.url_name.endswith(suffix):
                problems.append(f"{name}: quiz {quiz.url_name}: a url_name ending in {suffix} marks the course's "
                                f"{purpose}, which the insight pages pair by it; give the quiz purpose=\"{purpose}\" "
                                "or another url_name")
        if module_quizzes(module)[0] is not quiz:  # the first is the module's; SCORM and progress read one
            problems.append(f"{name}: quiz {quiz.url_name}: the module has another quiz, "
                            f"{module_quizzes(module)[0].url_name}; a module has one quiz of its own")
        for q in questions:
            if q["objective"] and q["objective"] not in objective_ids:
                problems.append(f"{name}: question {q['id']} names unknown objective {q['objective']!r}")
            assessed.add(q["objective"])
    for objective in sorted(objective_ids - assessed):
        problems.append(f"{name}: objective {objective} is not assessed by any quiz question")
    return problems


def _check_course_test(name, quiz):
    """What one pre-test or post-test needs on its own (the pair and its place: check_course_tests)."""
    purpose, problems = quiz.data["purpose"], []
    label = f"{name}: {purpose} {quiz.url_name}"
    if not quiz.url_name.endswith(TEST_SUFFIX[purpose]):
        problems.append(f"{label}: its url_name must end in {TEST_SUFFIX[purpose]} (the insight pages pair the "
                        "pre-test and post-test by it), for example lmd" + TEST_SUFFIX[purpose])
    if quiz.data["max_attempts"] != 1:
        problems.append(f"{label}: max_attempts is {quiz.data['max_attempts']}; a test of learning gain takes one "
                        "attempt (max_attempts=\"1\"), the first answers being the measure")
    for q in quiz.data["questions"]:
        if not OBJECTIVE_REF.match(q["objective"]):
            problems.append(f"{label}: question {q['id']} names objective {q['objective']!r}; name a module's "
                            "objective as mNN:oN (the module's url_name, a colon, the objective's id)")
    return problems


def _prompt_key(text):
    """A prompt as compared for sameness: case, spacing and punctuation do not count."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def check_course_tests(modules, whole=True):
    """The course pre-test and post-test (FORMAT.md): with the whole course (`whole`), exactly one
    of each, the pre-test before everything else in the first module and the post-test after
    everything else in the last programme module; for the tests found, a pair with the same
    url_name stem and number of questions, assessing the same module objectives (objectives that
    exist), and no prompt that another of the tests or any module quiz also asks."""
    problems, found = [], {purpose: [] for purpose in PURPOSES}
    for module in modules:
        for quiz in course_tests(module):
            found[quiz.data["purpose"]].append((module, quiz))
    if whole:
        for purpose, tests in found.items():
            if len(tests) != 1:
                where_ = ", ".join(f"{quiz.url_name} in {module.path.name}" for module, quiz in tests)
                problems.append(f"the course has {len(tests)} {purpose}s{f' ({where_})' if where_ else ''}; "
                                f"exactly one is needed: a quiz with purpose=\"{purpose}\"")
    programme = [m for m in modules if m.number in MODULE_ORDER]
    programme.sort(key=lambda m: MODULE_ORDER.index(m.number))
    for module, quiz in found["pretest"]:
        if module.parts[0] is not next(p for p in module.parts if p.url_name == quiz.url_name):
            problems.append(f"{module.path.name}: pretest {quiz.url_name} must come before every section and "
                            "activity of its module (what it measures is where learners start)")
        if whole and programme and module is not programme[0]:
            problems.append(f"{module.path.name}: pretest {quiz.url_name} belongs to the first module, "
                            f"{programme[0].path.name}")
    for module, quiz in found["posttest"]:
        if module.parts[-1].url_name != quiz.url_name:
            problems.append(f"{module.path.name}: posttest {quiz.url_name} must come after every section and "
                            "activity of its module (it measures what the course taught)")
        if whole and programme and module is not programme[-1]:
            problems.append(f"{module.path.name}: posttest {quiz.url_name} belongs to the last module, "
                            f"{programme[-1].path.name}")
    objectives = {m.url_name: {o["id"] for o in m.objectives} for m in modules}
    tests = [quiz for entries in found.values() for _module, quiz in entries]
    for quiz in tests:
        for q in quiz.data["questions"]:
            ref = OBJECTIVE_REF.match(q["objective"])
            if ref and ref.group(1) in objectives and ref.group(2) not in objectives[ref.group(1)]:
                problems.append(f"{quiz.url_name}: question {q['id']} names {q['objective']}, which module "
                                f"{ref.group(1)} does not have")
            elif ref and whole and ref.group(1) not in objectives:
                problems.append(f"{quiz.url_name}: question {q['id']} names {q['objective']}, but the course has "
                                f"no module {ref.group(1)}")
    if len(found["pretest"]) == 1 and len(found["posttest"]) == 1:
        (_m, pre), (_n, post) = found["pretest"][0], found["posttest"][0]
        problems += _check_test_pair(pre, post)
    asked = {}
    for module in modules:
        for quiz in module_quizzes(module):
            for q in quiz.data["questions"]:
                asked.setdefault(_prompt_key(q["prompt"]), f"quiz {quiz.url_name} question {q['id']}")
    for quiz in tests:
        for q in quiz.data["questions"]:
            key = _prompt_key(q["prompt"])
            if key in asked:
                problems.append(f"{quiz.url_name}: question {q['id']} asks the same as {asked[key]}; a test of "
                                "learning gain asks its own questions")
            asked.setdefault(key, f"{quiz.url_name} question {q['id']}")
    return problems


def _check_test_pair(pre, post):
    problems = []
    stem_pre, stem_post = pre.url_name[:-len(TEST_SUFFIX["pretest"])], post.url_name[:-len(TEST_SUFFIX["posttest"])]
    if pre.url_name.endswith(TEST_SUFFIX["pretest"]) and post.url_name.endswith(TEST_SUFFIX["posttest"]) \
            and stem_pre != stem_post:
        problems.append(f"pretest {pre.url_name} and posttest {post.url_name}: the insight pages pair them by "
                        f"url_name; name them {stem_pre}-pretest and {stem_pre}-posttest")
    pre_q, post_q = pre.data["questions"], post.data["questions"]
    if len(pre_q) != len(post_q):
        problems.append(f"pretest {pre.url_name} has {len(pre_q)} questions and posttest {post.url_name} "
                        f"{len(post_q)}; they need the same number")
    before, after = Counter(q["objective"] for q in pre_q), Counter(q["objective"] for q in post_q)
    if before != after:
        only_pre, only_post = sorted((before - after).elements()), sorted((after - before).elements())
        problems.append(f"pretest {pre.url_name} and posttest {post.url_name} assess different objectives "
                        f"(pre-test only: {', '.join(only_pre) or 'none'}; post-test only: "
                        f"{', '.join(only_post) or 'none'}); they assess the same ones, with different questions")
    return problems


def _allowed(share, count, floor):
    return max(floor, math.floor(share * count + 1e-9))


def _length_ratio(right, wrong):
    return mean(len(o["text"]) for o in right) / mean(len(o["text"]) for o in wrong)


def quiz_figures(questions):
    """What a test-wise learner could exploit in one quiz, measured."""
    single = [q for q in questions if q["type"] == "single"]
    multiple = [q for q in questions if q["type"] == "multiple"]
    truefalse = [q for q in questions if q["type"] == "truefalse"]
    positions, ids, longest, ratios = {}, {}, [], {}
    for q in single:
        index = next(i for i, o in enumerate(q["options"]) if o["correct"])
        positions.setdefault(index, []).append(q["id"])
        ids.setdefault(q["options"][index]["id"], []).append(q["id"])
        lengths = sorted((len(o["text"]) for o in q["options"]), reverse=True)
        if len(q["options"][index]["text"]) == lengths[0] and lengths[0] != lengths[1]:
            longest.append(q["id"])
    for q in single + multiple:
        wrong = [o for o in q["options"] if not o["correct"]]
        if wrong:
            ratios[q["id"]] = _length_ratio([o for o in q["options"] if o["correct"]], wrong)
    keys = [next(o["id"] for o in q["options"] if o["correct"]) for q in truefalse]
    return {
        "single": len(single), "key_positions": positions, "key_ids": ids, "key_longest": longest,
        "length_ratios": ratios, "true": keys.count("true"), "false": keys.count("false"),
        "multiple": len(multiple), "multiple_first": [q["id"] for q in multiple if q["options"][0]["correct"]],
        "ordering_sorted": [q["id"] for q in questions if q["type"] == "ordering" and
                            [i["id"] for i in q["items"]] in (sorted(i["id"] for i in q["items"]),
                                                              sorted((i["id"] for i in q["items"]), reverse=True))],
    }


def _check_quiz_bias(name, quiz):
    limits, problems = BIAS_LIMITS, []
    f = quiz_figures(quiz.data["questions"])
    allowed = _allowed(limits["key_position_share"], f["single"], 2)
    for label, groups in (("position", f["key_positions"]), ("option id", f["key_ids"])):
        for where_, qids in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if len(qids) > allowed:
                place = f"is at position {where_ + 1}" if label == "position" else f"has the id {where_!r}"
                problems.append(f"{name}: quiz {quiz.url_name}: the key {place} in {len(qids)} of "
                                f"{f['single']} single-choice questions ({', '.join(qids)}); at most {allowed}")
    for qid, ratio in f["length_ratios"].items():
        if ratio > limits["key_length_ratio"]:
            problems.append(f"{name}: quiz {quiz.url_name}: question {qid}: the key is {ratio:.2f} times as long "
                            f"as the distractors; at most {limits['key_length_ratio']}")
    if f["length_ratios"]:
        ratio = mean(f["length_ratios"].values())
        if ratio > limits["key_length_mean_ratio"]:
            problems.append(f"{name}: quiz {quiz.url_name}: keys average {ratio:.2f} times the length of the "
                            f"distractors; at most {limits['key_length_mean_ratio']}")
    allowed = _allowed(limits["key_longest_share"], f["single"], 1)
    if len(f["key_longest"]) > allowed:
        problems.append(f"{name}: quiz {quiz.url_name}: the key is the longest option in {len(f['key_longest'])} "
                        f"single-choice questions ({', '.join(f['key_longest'])}); at most {allowed}")
    if abs(f["true"] - f["false"]) > limits["truefalse_imbalance"]:
        problems.append(f"{name}: quiz {quiz.url_name}: true/false keys are {f['true']} true and {f['false']} "
                        f"false; they may differ by {limits['truefalse_imbalance']} at most")
    allowed = _allowed(limits["multiple_first_share"], f["multiple"], 1)
    if len(f["multiple_first"]) > allowed:
        problems.append(f"{name}: quiz {quiz.url_name}: the first option is right in {len(f['multiple_first'])} of "
                        f"{f['multiple']} multiple-response questions ({', '.join(f['multiple_first'])}); at most {allowed}")
    for qid in f["ordering_sorted"]:
        problems.append(f"{name}: quiz {quiz.url_name}: question {qid}: sorting the item ids gives the answer; "
                        "give the items ids in no meaningful order")
    return problems


def role_play_figures(data):
    """The best choice's place and length per decision node, and the points that reach each ending."""
    positions, ids, longest, ratios = {}, {}, [], []
    for node in data["nodes"]:
        totals = [sum(c["points"].values()) for c in node["choices"]]
        if totals.count(max(totals)) != 1:
            continue
        index = totals.index(max(totals))
        positions.setdefault(index, []).append(node["id"])
        ids.setdefault(node["choices"][index]["id"], []).append(node["id"])
        lengths = [len(c["label"]) for c in node["choices"]]
        others = lengths[:index] + lengths[index + 1:]
        if lengths[index] > max(others):
            longest.append(node["id"])
        ratios.append(lengths[index] / mean(others))
    best, _per = best_totals(data)
    reach = {}
    for _path, points, ending in every_path(data):
        low, high = reach.get(ending, (points, points))
        reach[ending] = (min(low, points), max(high, points))
    return {"decisions": sum(len(v) for v in positions.values()), "best_positions": positions, "best_ids": ids,
            "best_longest": longest, "length_ratio": mean(ratios) if ratios else 0.0, "best_total": best,
            "reach": reach}


def _check_role_play_bias(name, part):
    limits, problems, data = BIAS_LIMITS, [], part.data
    f = role_play_figures(data)
    label = f"{name}: role-play {part.url_name}"
    allowed = _allowed(limits["best_choice_position_share"], f["decisions"], 1)
    for kind, groups in (("position", f["best_positions"]), ("choice id", f["best_ids"])):
        for where_, nodes in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if len(nodes) > allowed:
                place = f"is at position {where_ + 1}" if kind == "position" else f"has the id {where_!r}"
                problems.append(f"{label}: the best choice {place} in {len(nodes)} of {f['decisions']} "
                                f"decision nodes ({', '.join(nodes)}); at most {allowed}")
    allowed = _allowed(limits["best_choice_longest_share"], f["decisions"], 1)
    if len(f["best_longest"]) > allowed:
        problems.append(f"{label}: the best choice has the longest label in {len(f['best_longest'])} decision "
                        f"nodes ({', '.join(f['best_longest'])}); at most {allowed}")
    if f["length_ratio"] > limits["best_choice_length_mean_ratio"]:
        problems.append(f"{label}: best choices' labels average {f['length_ratio']:.2f} times the length of the "
                        f"others; at most {limits['best_choice_length_mean_ratio']}")
    outcome = {e["id"]: e["outcome"] for e in data["endings"]}
    floor = limits["success_min_share"] * f["best_total"]
    for ending in data["endings"]:
        if ending["outcome"] != "success":
            continue
        if ending.get("min_points") is None or ending["min_points"] < floor:
            problems.append(f"{label}: success ending {ending['id']} needs min_points of at least "
                            f"{math.ceil(floor)} ({limits['success_min_share']:.0%} of the best total, "
                            f"{f['best_total']}); it has {ending.get('min_points')}")
    success = [low for e, (low, _high) in f["reach"].items() if outcome[e] == "success"]
    for ending, (low, high) in sorted(f["reach"].items()):
        if outcome[ending] == "failure" and success and high >= min(success):
            problems.append(f"{label}: a path reaching failure ending {ending} earns {high} points, as many as or "
                            f"more than a path reaching success ({min(success)})")
    if not success:
        problems.append(f"{label}: no path reaches a success ending")
    return problems


def _quiz_figures_text(quiz):
    f = quiz_figures(quiz.data["questions"])
    positions = "/".join(str(len(f["key_positions"].get(i, []))) for i in range(4))
    ratio = mean(f["length_ratios"].values()) if f["length_ratios"] else 0
    return (f"keys by position {positions}, key/distractor length {ratio:.2f}, "
            f"T/F {f['true']}/{f['false']}, first option right in {len(f['multiple_first'])}/{f['multiple']} MR")


def test_figures_lines(module):
    """One line of measures per course pre-test or post-test placed in the module."""
    return [f"{quiz.data['purpose']} {quiz.url_name}: {len(quiz.data['questions'])} questions on "
            f"{len({q['objective'].split(':')[0] for q in quiz.data['questions']})} modules, "
            + _quiz_figures_text(quiz) for quiz in course_tests(module)]


def figures_line(module):
    """One line of measures per module (its own quiz and role-play), for `lmd validate`."""
    parts = []
    for quiz in module_quizzes(module):
        parts.append(_quiz_figures_text(quiz))
    for part in module.parts_of("lmd_role_play"):
        f = role_play_figures(part.data)
        outcome = {e["id"]: e["outcome"] for e in part.data["endings"]}
        positions = "/".join(str(len(f["best_positions"].get(i, []))) for i in range(3))
        reach = ", ".join(f"{e} ({outcome[e]}) from {low}" for e, (low, _h) in
                          sorted(f["reach"].items(), key=lambda kv: -kv[1][0]))
        parts.append(f"best choice by position {positions}; of {f['best_total']} points: {reach}")
    return "; ".join(parts)


def _check_role_plays(module):
    name, problems = module.path.name, []
    for part in module.parts_of("lmd_role_play"):
        problems += _check_role_play_bias(name, part)
        nodes = part.data.get("nodes", [])
        decisions = [n for n in nodes if n.get("choices")]
        if len(decisions) < MIN_ROLE_PLAY_DECISIONS:
            problems.append(f"{name}: role-play {part.url_name} has {len(decisions)} decision nodes; at least {MIN_ROLE_PLAY_DECISIONS}")
        if len(part.data.get("endings", [])) < 2:
            problems.append(f"{name}: role-play {part.url_name} needs at least 2 endings")
        if len(part.data.get("roles", [])) < 2:
            problems.append(f"{name}: role-play {part.url_name} needs at least 2 roles")
    return problems


def _check_case_studies(module):
    name, problems = module.path.name, []
    for part in module.parts_of("lmd_case_study"):
        count = len(part.data.get("questions", []))
        if not 2 <= count <= 4:
            problems.append(f"{name}: case study {part.url_name} has {count} questions; 2 to 4 are needed")
        if not part.data.get("exhibits"):
            problems.append(f"{name}: case study {part.url_name} has no exhibit")
    return problems


def _check_text(module):
    name, problems = module.path.name, []
    for match in PLACEHOLDERS.finditer(module.xml):
        line = module.xml.count("\n", 0, match.start()) + 1
        problems.append(f"{name}:{line}: placeholder text {match.group(0)!r}")
    for match in HREF.finditer(module.xml):
        if not ON_MACHINE.match(match.group(1)):
            line = module.xml.count("\n", 0, match.start()) + 1
            problems.append(f"{name}:{line}: link off this machine {match.group(1)!r}")
    ids = [p.url_name for p in module.parts]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{name}: url_name {dup!r} used twice")
    return problems


def check_course(modules, whole=True):
    """Every module's checks and the course-wide ones. `whole`: the modules are the whole course
    (`lmd validate` without files), so the course's single pre-test and post-test must be there."""
    problems = []
    for module in modules:
        problems += check_module(module)
    problems += check_course_tests(modules, whole)
    seen = {}
    for module in modules:
        for url_name in [module.url_name] + [p.url_name for p in module.parts]:
            if url_name in seen and seen[url_name] != module.path.name:
                problems.append(f"{module.path.name}: url_name {url_name!r} also used in {seen[url_name]}")
            seen[url_name] = module.path.name
    numbers = [m.number for m in modules]
    for dup in sorted({n for n in numbers if numbers.count(n) > 1}):
        problems.append(f"module number {dup} appears in more than one file")
    return problems
