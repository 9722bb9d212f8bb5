"""Which questions work: item analysis of a quiz and choice frequencies of a role-play, from the
learners' block states (the adapter's states()).

Each learner counts once per quiz, with the answers of their best attempt (the quiz keeps them
as `best_responses`; those of the last attempt otherwise), graded by the quiz's own grader. For
each question: the share answered fully right, its mean score (its difficulty), its
discrimination (the correlation between the question's score and the rest of the quiz: the
corrected item-total correlation), and how often each option was chosen. A role-play keeps each
learner's best run (its ending) and the path of their latest run (its choices)."""
import math
from dataclasses import dataclass, field

from xblocks.lmd_quiz.grading import grade_question

MIN_LEARNERS = 5          # fewer answers than this: no discrimination is computed
EASY, HARD = 0.9, 0.3     # mean scores outside these bounds are flagged
LOW_DISCRIMINATION = 0.2  # the usual floor for a question that separates strong from weak learners


@dataclass
class OptionCount:
    id: str
    text: str
    correct: bool
    count: int = 0
    share: float = 0.0


@dataclass
class QuestionAnalysis:
    id: str
    type: str
    prompt: str
    answered: int = 0
    right: float = None           # share answered fully right
    difficulty: float = None      # mean score
    discrimination: float = None
    options: list = field(default_factory=list)
    flags: list = field(default_factory=list)  # codes: easy, hard, low, negative, unused


def _responses(state):
    chosen = state.get("best_responses") or state.get("responses") or {}
    return chosen if isinstance(chosen, dict) else {}


def _correlation(xs, ys):
    n = len(xs)
    if n < MIN_LEARNERS:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / math.sqrt(sxx * syy)


def quiz_analysis(activity, states):
    """[QuestionAnalysis] of one quiz (an Activity) over the learners' states of it."""
    questions = activity.content.get("questions", [])
    answer_sets = [r for r in (_responses(s.state) for s in states) if r]
    scores = []  # per learner: {question id: score}
    for responses in answer_sets:
        graded = {}
        for question in questions:
            answer = responses.get(question["id"])
            try:
                graded[question["id"]] = grade_question(question, answer)
            except (KeyError, TypeError, ValueError):  # an answer to an older version of the question
                graded[question["id"]] = (0.0, False)
        scores.append(graded)
    totals = [sum(s for s, _ok in g.values()) for g in scores]
    result = []
    for question in questions:
        qid = question["id"]
        row = QuestionAnalysis(qid, question["type"], question.get("prompt", ""), answered=len(scores))
        if scores:
            mine = [g[qid][0] for g in scores]
            row.difficulty = sum(mine) / len(mine)
            row.right = sum(1 for g in scores if g[qid][1]) / len(scores)
            row.discrimination = _correlation(mine, [t - s for t, s in zip(totals, mine)])
        row.options = _option_counts(question, [r.get(qid) for r in answer_sets])
        row.flags = _flags(row, question)
        result.append(row)
    return result


def _option_counts(question, answers):
    answered = [a for a in answers if a is not None]
    n = len(answered) or 1
    if question["type"] == "ordering":
        # For an item: how often it was put in its right place.
        counts = []
        for position, item in enumerate(question["items"]):
            placed = sum(1 for a in answered if isinstance(a, list) and position < len(a) and a[position] == item["id"])
            counts.append(OptionCount(item["id"], item.get("text", ""), True, placed, placed / n))
        return counts
    counts = []
    for option in question.get("options", []):
        chosen = sum(1 for a in answered if a == option["id"] or (isinstance(a, list) and option["id"] in a))
        counts.append(OptionCount(option["id"], option.get("text", ""), bool(option.get("correct")), chosen, chosen / n))
    return counts


def _flags(row, question):
    flags = []
    if row.answered >= MIN_LEARNERS and row.difficulty is not None:
        if row.difficulty > EASY:
            flags.append("easy")
        elif row.difficulty < HARD:
            flags.append("hard")
        if row.discrimination is not None:
            if row.discrimination < 0:
                flags.append("negative")
            elif row.discrimination < LOW_DISCRIMINATION:
                flags.append("low")
        if question["type"] != "ordering" and any(o.count == 0 and not o.correct for o in row.options):
            flags.append("unused")
    return flags


@dataclass
class ChoiceCount:
    id: str
    label: str
    count: int = 0
    share: float = 0.0


@dataclass
class NodeAnalysis:
    id: str
    text: str
    reached: int = 0
    choices: list = field(default_factory=list)


@dataclass
class EndingCount:
    id: str
    title: str
    outcome: str
    count: int = 0
    share: float = 0.0


def role_play_analysis(activity, states):
    """(nodes: [NodeAnalysis], endings: [EndingCount], learners who finished a run, runs)."""
    content = activity.content
    paths = [s.state.get("path") or [] for s in states]
    nodes = []
    for node in content.get("nodes", []):
        taken = [step[1] for path in paths for step in path
                 if isinstance(step, list) and len(step) == 2 and step[0] == node["id"]]
        row = NodeAnalysis(node["id"], node.get("text", ""), reached=len(taken))
        row.choices = [ChoiceCount(c["id"], c.get("label", ""), taken.count(c["id"]),
                                   taken.count(c["id"]) / len(taken) if taken else 0.0) for c in node.get("choices", [])]
        nodes.append(row)
    best = [(s.state.get("best") or {}).get("ending") for s in states]
    finished = [ending for ending in best if ending]
    endings = [EndingCount(e["id"], e.get("title", ""), e.get("outcome", ""), finished.count(e["id"]),
                           finished.count(e["id"]) / len(finished) if finished else 0.0)
               for e in content.get("endings", [])]
    runs = sum(s.state.get("runs") or 0 for s in states if isinstance(s.state.get("runs"), int))
    return nodes, endings, len(finished), runs
