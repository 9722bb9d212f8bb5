"""What a learner sees of a role-play as they play: the current node without its points or
targets (its choices in the learner's own stable order), the choices made with their feedback,
and at an ending the competency profile and the debrief of what this learner did."""
import random

from ..common.sanitize import sanitize_html
from .graph import best_totals, ending_for


def learner_choices(node, seed):
    """The node's choices in this learner's stable order (`seed` None: as written). A uniform
    shuffle: forcing it away from the written order would itself tell (with two choices, the
    written first would always come second)."""
    choices = list(node["choices"])
    if seed is not None:
        random.Random(f"{seed}:{node['id']}").shuffle(choices)
    return choices


def node_view(data, node_id, seed=None):
    node = next(n for n in data["nodes"] if n["id"] == node_id)
    names = {r["id"]: r["name"] for r in data["roles"]}
    return {"id": node["id"], "speaker": names.get(node["speaker"], ""), "text_html": sanitize_html(node["text"]),
            "choices": [{"id": c["id"], "label": c["label"]} for c in learner_choices(node, seed)]}


def find_choice(data, node_id, choice_id):
    node = next((n for n in data["nodes"] if n["id"] == node_id), None)
    if node is None:
        return None
    return next((c for c in node["choices"] if c["id"] == choice_id), None)


def result(data, path):
    """Competency profile, points and score of a finished path [[node, choice], ...]."""
    best_total, best_per = best_totals(data)
    earned = {c["id"]: 0 for c in data["competencies"]}
    for node_id, choice_id in path:
        for comp, value in find_choice(data, node_id, choice_id)["points"].items():
            earned[comp] += value
    total = sum(earned.values())
    score = round(max(0.0, min(1.0, total / best_total)), 4) if best_total > 0 else 0.0
    profile = [{"id": c["id"], "name": c["name"], "points": earned[c["id"]], "max": best_per[c["id"]]}
               for c in data["competencies"]]
    return {"score": score, "profile": profile, "points": total}


def reached_ending(data, path):
    """The ending a finished path reaches: where its last choice leads, within the band of the
    points earned on the way (graph.ending_for)."""
    last = find_choice(data, *path[-1])
    return ending_for(data, last["target"], result(data, path)["points"])


def passages(ending, path):
    """The ending's debrief passages that this path earns: a `when` choice made (or no `when`)
    and no `unless` choice made."""
    made = {tuple(step) for step in path}
    return [p for p in ending.get("passages", [])
            if (not p["when"] or any(tuple(s) in made for s in p["when"]))
            and not any(tuple(s) in made for s in p["unless"])]


def debrief_html(ending, path):
    return "".join(sanitize_html(text) for text in
                   [ending["debrief"]] + [p["text"] for p in passages(ending, path)])


def ending_view(data, ending_id, path):
    ending = next(e for e in data["endings"] if e["id"] == ending_id)
    outcome = result(data, path)
    del outcome["points"]
    return {"id": ending["id"], "title": ending["title"], "outcome": ending["outcome"],
            "debrief_html": debrief_html(ending, path), **outcome}


def path_view(data, path):
    steps = []
    for node_id, choice_id in path:
        choice = find_choice(data, node_id, choice_id)
        steps.append({"node": node_id, "choice": choice_id, "label": choice["label"], "feedback": choice["feedback"]})
    return steps
