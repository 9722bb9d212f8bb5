"""The role-play graph: checks that make every play-through end well, the best totals a
learner can reach (the denominators of the score), and which ending a path reaches. The graph
must be acyclic: every path ends.

A choice leads to a node or to an ending. An ending may set a band: `min_points`, the least
competency points a path must have earned to end there, and `otherwise`, the ending reached
instead with fewer (which may have its own band). So what a learner earned on the way decides
the ending, not the last choice alone."""
from ..common.errors import ContentError, _


def validate(data):
    nodes = {n["id"]: n for n in data["nodes"]}
    endings = {e["id"] for e in data["endings"]}
    clash = sorted(set(nodes) & endings)
    if clash:
        raise ContentError(_("{element}: an ending has the same id."), element=f'<node id="{clash[0]}">')
    if data["start_node"] not in nodes:
        raise ContentError(_("{element}: {attribute} is not a node."), element="<lmd_role_play>",
                           attribute=f'start_node="{data["start_node"]}"')
    for node in data["nodes"]:
        for choice in node["choices"]:
            if choice["target"] not in nodes and choice["target"] not in endings:
                raise ContentError(_("{element}: choice {choice} leads to {target}, which does not exist."),
                                   element=f'<node id="{node["id"]}">', choice=repr(choice["id"]),
                                   target=repr(choice["target"]))
    order = _topological_order(nodes)
    _validate_bands(data)
    _validate_passages(data, nodes)
    reached = _reachable(nodes, data["start_node"])
    for node_id in nodes:
        if node_id not in reached:
            raise ContentError(_("{element} cannot be reached from the start node."), element=f'<node id="{node_id}">')
    fallbacks = {e.get("otherwise") for e in data["endings"] if e.get("otherwise")}
    for ending in sorted(endings):
        if ending not in reached and ending not in fallbacks:
            raise ContentError(_("{element} cannot be reached from the start node."), element=f'<ending id="{ending}">')
    return order


def _validate_bands(data):
    by_id = {e["id"]: e for e in data["endings"]}
    for ending in data["endings"]:
        current, trail = ending, [ending["id"]]
        while current.get("min_points") is not None:
            target = by_id.get(current["otherwise"])
            if target is None:
                raise ContentError(_("{element}: {attribute} is not an ending."), element=f'<ending id="{current["id"]}">',
                                   attribute=f'otherwise="{current["otherwise"]}"')
            if target.get("min_points") is not None and target["min_points"] >= current["min_points"]:
                raise ContentError(_("{element}: {attribute} needs a lower min_points ({lower} is not below {upper})."),
                                   element=f'<ending id="{current["id"]}">', attribute=f'otherwise="{target["id"]}"',
                                   lower=target["min_points"], upper=current["min_points"])
            if target["id"] in trail:  # unreachable given the strictly lower minimums; kept as a guard
                raise ContentError(_("{element}: the otherwise chain loops."), element=f'<ending id="{current["id"]}">')
            trail.append(target["id"])
            current = target


def _validate_passages(data, nodes):
    for ending in data["endings"]:
        for passage in ending.get("passages", []):
            for node_id, choice_id in passage["when"] + passage["unless"]:
                node = nodes.get(node_id)
                if node is None or choice_id not in {c["id"] for c in node["choices"]}:
                    raise ContentError(_("{element} in {ending}: {pair} is not a choice of the role-play."),
                                       element=f'<debrief id="{passage["id"]}">', ending=f'<ending id="{ending["id"]}">',
                                       pair=f"{node_id}:{choice_id}")


def ending_for(data, target, points):
    """The ending a run reaches when its last choice leads to `target` with `points` earned."""
    by_id = {e["id"]: e for e in data["endings"]}
    ending = by_id[target]
    while ending.get("min_points") is not None and points < ending["min_points"]:
        ending = by_id[ending["otherwise"]]
    return ending["id"]


def path_points(data, path):
    """Total competency points of a path [[node, choice], ...]."""
    choices = {(n["id"], c["id"]): c for n in data["nodes"] for c in n["choices"]}
    return sum(sum(choices[(node, choice)]["points"].values()) for node, choice in path)


def every_path(data):
    """Every complete run: (path as [(node, choice), ...], points earned, ending reached)."""
    nodes = {n["id"]: n for n in data["nodes"]}

    def walk(node_id, path, points):
        for choice in nodes[node_id]["choices"]:
            step, gain = path + [(node_id, choice["id"])], points + sum(choice["points"].values())
            if choice["target"] in nodes:
                yield from walk(choice["target"], step, gain)
            else:
                yield step, gain, ending_for(data, choice["target"], gain)

    yield from walk(data["start_node"], [], 0)


def _reachable(nodes, start):
    seen, stack = set(), [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in nodes:
            stack.extend(c["target"] for c in nodes[current]["choices"])
    return seen


def _topological_order(nodes):
    """Depth-first order; a back edge is a cycle, i.e. a path that might never end."""
    state, order = {}, []

    def visit(node_id, trail):
        if state.get(node_id) == "done" or node_id not in nodes:
            return
        if state.get(node_id) == "open":
            raise ContentError(_("{element} is on a cycle ({cycle}): every path must reach an ending."),
                               element=f'<node id="{node_id}">', cycle=" -> ".join(trail + [node_id]))
        state[node_id] = "open"
        for choice in nodes[node_id]["choices"]:
            visit(choice["target"], trail + [node_id])
        state[node_id] = "done"
        order.append(node_id)

    for node_id in nodes:
        visit(node_id, [])
    return order  # children before parents


def best_totals(data):
    """(best total over any path from start, {competency: best points over any path})."""
    nodes = {n["id"]: n for n in data["nodes"]}
    order = _topological_order(nodes)
    competencies = [c["id"] for c in data["competencies"]]

    def best(score_of):
        value = {}
        for node_id in order:
            value[node_id] = max(score_of(c) + value.get(c["target"], 0) for c in nodes[node_id]["choices"])
        return value[data["start_node"]]

    total = best(lambda c: sum(c["points"].values()))
    per = {comp: best(lambda c, comp=comp: c["points"].get(comp, 0)) for comp in competencies}
    return total, per
