"""SCORM 1.2 keeps at most 4,096 characters of cmi.suspend_data. Everything a learner can store
in a module (quiz answers, role-play path, case-study text, reflection) must fit in the worst
case, so for 1.2 packages the free-text limits are lowered until the worst case fits.

The worst case is built here exactly as the SCO runtime (static/sco.js and backends/) stores it,
with every text at its limit and made of the character whose JSON is longest among those the
runtime keeps: '"' (two characters, as are backslash, line break and tab). Control characters
and lone surrogate halves would take six (\u0001); static/learner_text.js removes or replaces
them before anything is stored, and sco.js refuses any state whose JSON is over the limit, so a
learner's text can never leave the SCO unable to save."""
import json

from lxml import etree

SUSPEND_LIMIT_12 = 4096
SUSPEND_LIMIT_2004 = 64000  # cmi.suspend_data, characterstring SPM 64000
WORST_SCORE = 0.3333  # the longest number the runtime writes (4 decimals)
WORST_CHAR = '"'  # the longest JSON of a character learner_text.js keeps


def _json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _longest_path(rp):
    nodes = {n["id"]: n for n in rp["nodes"]}
    memo = {}

    def walk(node_id):
        if node_id not in nodes:
            return [], node_id
        if node_id not in memo:
            options = []
            for choice in nodes[node_id]["choices"]:
                rest, ending = walk(choice["target"])
                options.append(([[node_id, choice["id"]]] + rest, ending))
            memo[node_id] = max(options, key=lambda o: len(_json(o[0])) + len(o[1]))
        return memo[node_id]

    return walk(rp["start_node"])


def _totals(rp, value):
    """(least, most) that value(choice) adds up to on a path from the start to an ending."""
    nodes = {n["id"]: n for n in rp["nodes"]}
    memo = {}

    def walk(node_id):
        if node_id not in nodes:
            return 0, 0
        if node_id not in memo:
            sums = [(value(c) + least, value(c) + most) for c in nodes[node_id]["choices"]
                    for least, most in [walk(c["target"])]]
            memo[node_id] = min(s[0] for s in sums), max(s[1] for s in sums)
        return memo[node_id]

    return walk(rp["start_node"])


def _widest(*numbers):
    return max(numbers, key=lambda n: len(_json(n)))


def _worst_profile_entry(rp, competency):
    """role_play.js result(): the best run's points in the competency (any path's total) and
    the most a path can earn in it (best()); at least as wide as -99 and 99."""
    least, most = _totals(rp, lambda choice: choice["points"].get(competency["id"], 0))
    return {"id": competency["id"], "name": competency["name"], "points": _widest(-99, least, most),
            "max": _widest(99, most)}


def worst_state(part_tag, data):
    """The largest state the runtime can store for one block."""
    if part_tag == "lmd_quiz":  # the last attempt's results are graded again from its responses
        responses = {}
        for q in data["questions"]:
            if q["type"] == "ordering":
                responses[q["id"]] = [i["id"] for i in q["items"]]
            elif q["type"] == "multiple":
                responses[q["id"]] = [o["id"] for o in q["options"]]
            else:
                responses[q["id"]] = max((o["id"] for o in q["options"]), key=len)
        most = max(data["max_attempts"], 999)  # v: the attempts when the learner asked for the answers
        return {"a": most, "r": responses, "l": WORST_SCORE, "b": WORST_SCORE, "p": False, "v": most}
    if part_tag == "lmd_case_study":
        return {"a": {q["id"]: WORST_CHAR * q["max_length"] for q in data["questions"]}, "s": True,
                "p": sorted(p["id"] for p in data["rubric"]), "r": WORST_SCORE}
    if part_tag == "lmd_role_play":
        # p is the current path, b the best run's: its ending may be any ending (its last choice's
        # target or, below a min_points band, the `otherwise` fallback), on another path than p
        path, _ending = _longest_path(data)
        ending = max((e["id"] for e in data["endings"]), key=len)
        profile = [_worst_profile_entry(data, c) for c in data["competencies"]]
        return {"p": path, "n": 9999, "b": {"score": WORST_SCORE, "ending": ending, "profile": profile},
                "r": WORST_CHAR * data["reflection_max_length"]}
    return None


def worst_suspend_data(module):
    """The longest cmi.suspend_data the SCO of `module` can write."""
    blocks = {}
    index = 0
    # keys are the blocks' positions on the page, base 36 (module first, then its children)
    for part in [None] + module.parts:
        index += 1
        if part is None:
            continue
        state = worst_state(part.tag, part.data)
        if state is not None:
            blocks[_base36(index - 1)] = state
    return _json({"v": 1, "b": blocks})


def _base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def fit_module_xml(module, limit=SUSPEND_LIMIT_12):
    """-> (module XML with free-text limits lowered so the worst case fits, per-field limit)."""
    fields = [(p, q) for p in module.parts_of("lmd_case_study") for q in p.data["questions"]]
    fields += [(p, None) for p in module.parts_of("lmd_role_play") if p.data["reflection_prompt"]]
    if not fields:
        return module.xml, None
    saved = {}
    for part, question in fields:  # measure with empty texts, then share what is left
        if question is not None:
            saved[(part.url_name, question["id"])] = question["max_length"]
            question["max_length"] = 0
        else:
            saved[(part.url_name, None)] = part.data["reflection_max_length"]
            part.data["reflection_max_length"] = 0
    fixed = len(worst_suspend_data(module))
    per_field = max(0, (limit - fixed) // (2 * len(fields)))
    for (url_name, qid), original in saved.items():
        part = next(p for p in module.parts if p.url_name == url_name)
        if qid is None:
            part.data["reflection_max_length"] = min(original, per_field)
        else:
            next(q for q in part.data["questions"] if q["id"] == qid)["max_length"] = min(original, per_field)
    return _rewrite_limits(module), per_field


def _rewrite_limits(module):
    root = etree.fromstring(module.xml.encode())
    for part in module.parts:
        node = root.find(f"*[@url_name='{part.url_name}']")
        if part.tag == "lmd_case_study":
            for q in part.data["questions"]:
                node.find(f"question[@id='{q['id']}']").set("max_length", str(q["max_length"]))
        elif part.tag == "lmd_role_play" and part.data["reflection_prompt"]:
            node.find("reflection").set("max_length", str(part.data["reflection_max_length"]))
    return etree.tostring(root, encoding="unicode")
