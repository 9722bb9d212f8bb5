"""Content checks for the course: what makes a module fit to publish beyond being valid XML.
Each returns a list of problems (strings naming the file and element); empty means fine."""
import re
from collections import Counter

from lxml import html as lxml_html

from xblocks.lmd_quiz.content import PURPOSES, is_course_test

from . import giveaways
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
        problems += giveaways.check_quiz_bias(name, quiz)
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


def test_figures_lines(module):
    """One line of measures per course pre-test or post-test placed in the module."""
    return [f"{quiz.data['purpose']} {quiz.url_name}: {len(quiz.data['questions'])} questions on "
            f"{len({q['objective'].split(':')[0] for q in quiz.data['questions']})} modules, "
            + giveaways.quiz_figures_text(quiz) for quiz in course_tests(module)]


def figures_line(module):
    """One line of measures per module (its own quiz and role-play), for `lmd validate`."""
    parts = []
    for quiz in module_quizzes(module):
        parts.append(giveaways.quiz_figures_text(quiz))
    for part in module.parts_of("lmd_role_play"):
        f = giveaways.role_play_figures(part.data)
        outcome = {e["id"]: e["outcome"] for e in part.data["endings"]}
        positions = "/".join(str(len(f["best_positions"].get(i, []))) for i in range(3))
        reach = ", ".join(f"{e} ({outcome[e]}) from {low}" for e, (low, _h) in
                          sorted(f["reach"].items(), key=lambda kv: -kv[1][0]))
        parts.append(f"best choice by position {positions}; of {f['best_total']} points: {reach}")
    return "; ".join(parts)


def _check_role_plays(module):
    name, problems = module.path.name, []
    for part in module.parts_of("lmd_role_play"):
        problems += giveaways.check_role_play_bias(name, part)
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
