"""The role-play graph: checks that make every play-through end well, and the best totals a
learner can reach (the denominators of the score). The graph must be acyclic: every path ends."""
from ..common.errors import ContentError


def validate(data):
    nodes = {n["id"]: n for n in data["nodes"]}
    endings = {e["id"] for e in data["endings"]}
    clash = sorted(set(nodes) & endings)
    if clash:
        raise ContentError(f'<node id="{clash[0]}">: an ending has the same id')
    if data["start_node"] not in nodes:
        raise ContentError(f'<lmd_role_play>: start_node="{data["start_node"]}" is not a node')
    for node in data["nodes"]:
        for choice in node["choices"]:
            if choice["target"] not in nodes and choice["target"] not in endings:
                raise ContentError(f'<node id="{node["id"]}">: choice {choice["id"]!r} leads to '
                                   f'{choice["target"]!r}, which does not exist')
    order = _topological_order(nodes)
    reached = _reachable(nodes, data["start_node"])
    for node_id in nodes:
        if node_id not in reached:
            raise ContentError(f'<node id="{node_id}"> cannot be reached from the start node')
    for ending in sorted(endings):
        if ending not in reached:
            raise ContentError(f'<ending id="{ending}"> cannot be reached from the start node')
    return order


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
            raise ContentError(f'<node id="{node_id}"> is on a cycle ({" -> ".join(trail + [node_id])}): '
                               "every path must reach an ending")
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
