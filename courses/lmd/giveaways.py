"""What would give a quiz's or a role-play's answers away to a test-wise learner (issue 13):
the measures (key positions and ids, lengths, true/false balance, the points that reach each
ending) and the checks of them against BIAS_LIMITS. Every limit is in one place; FORMAT.md
documents them."""
import math
from statistics import mean

from xblocks.lmd_role_play.graph import best_totals, every_path

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


def _allowed(share, count, floor):
    return max(floor, math.floor(share * count + 1e-9))


def _crowded(by_position, by_id, allowed):
    """(where, members) of each position (0-based) or id that more than `allowed` answers share,
    positions first, each in order: where is "is at position N" or "has the id 'x'"."""
    for kind, groups in (("position", by_position), ("id", by_id)):
        for where_, members in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if len(members) > allowed:
                yield (f"is at position {where_ + 1}" if kind == "position" else f"has the id {where_!r}"), members


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


def check_quiz_bias(name, quiz):
    limits, problems = BIAS_LIMITS, []
    f = quiz_figures(quiz.data["questions"])
    allowed = _allowed(limits["key_position_share"], f["single"], 2)
    for place, qids in _crowded(f["key_positions"], f["key_ids"], allowed):
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


def check_role_play_bias(name, part):
    limits, problems, data = BIAS_LIMITS, [], part.data
    f = role_play_figures(data)
    label = f"{name}: role-play {part.url_name}"
    allowed = _allowed(limits["best_choice_position_share"], f["decisions"], 1)
    for place, nodes in _crowded(f["best_positions"], f["best_ids"], allowed):
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


def quiz_figures_text(quiz):
    f = quiz_figures(quiz.data["questions"])
    positions = "/".join(str(len(f["key_positions"].get(i, []))) for i in range(4))
    ratio = mean(f["length_ratios"].values()) if f["length_ratios"] else 0
    return (f"keys by position {positions}, key/distractor length {ratio:.2f}, "
            f"T/F {f['true']}/{f['false']}, first option right in {len(f['multiple_first'])}/{f['multiple']} MR")
