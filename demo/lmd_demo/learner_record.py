"""Where a learner stands in the demo's course, from the blocks' own state: the course page's
overall progress and "continue where you left off", and the completion summary (modules, quiz
results, role-play profiles, and the learner's action plan, or else their reflections), which
the learner prints or saves as PDF.

The blocks are read as the module pages render them (one module block per module, its children
the activities), so the figures are the ones the learner saw on those pages."""
from .models import BlockActivity

ACTION_PLAN_SUFFIX = "-action-plan"  # a case study whose url_name ends so is the course's action plan


def _title(block):
    """The block's title in the learner's language (English where it has no translation)."""
    localized = getattr(block, "localized_display_name", None)
    return localized() if callable(localized) else block.display_name


def _content(block):
    localized = getattr(block, "localized", None)
    return localized() if callable(localized) else block.content_data()


def _url_names(module, block):
    """{child usage id: its url_name in the course source}: the workbench names the blocks it
    makes from a module's XML by position, so a child's url_name is that of the module's part at
    the same place."""
    children = [str(child) for child in block.children]
    parts = list(getattr(module, "parts", []))
    if len(parts) != len(children):
        return {}
    return {child: part.url_name for child, part in zip(children, parts)}


def course_progress(username, modules):
    """modules: [(course model module, module block)] in programme order ->
    {"rows": [{module, progress}], "done", "total", "percent", "complete", "resume"}.
    `resume` is where the learner left off: the module of the block they last worked on (or, once
    that one is complete, the next module with something left to do), with the anchor of the
    next activity to do there; None before they start or once everything is done."""
    rows = [{"module": module, "progress": block.progress(), "block": block} for module, block in modules]
    done = sum(row["progress"]["done"] for row in rows)
    total = sum(row["progress"]["total"] for row in rows)
    owner = {}
    for index, (_module, block) in enumerate(modules):
        owner[str(block.scope_ids.usage_id)] = index
        for child in block.children:
            owner[str(child)] = index
    resume = None
    if done:
        recent = (BlockActivity.objects.filter(username=username, usage_id__in=list(owner))
                  .order_by("-modified").values_list("usage_id", flat=True).first())
        start = owner.get(recent, 0)
        order = list(range(start, len(rows))) + list(range(0, start))
        target = next((i for i in order if not rows[i]["progress"]["complete"]), None)
        if target is not None:
            row = rows[target]
            resume = {"module": row["module"], "anchor": row["progress"]["next"]}
    return {"rows": rows, "done": done, "total": total,
            "percent": round(100 * done / total) if total else 0,
            "complete": bool(total) and done == total, "resume": resume}


def completion_summary(modules):
    """The learner's record of the course, from the module blocks (module, block) in order."""
    summary = {"modules": [], "quizzes": [], "role_plays": [], "action_plan": [], "reflections": [],
               "has_action_plan": False}
    for module, block in modules:
        progress = block.progress()
        url_names = _url_names(module, block)
        summary["modules"].append({"module": module, "progress": progress,
                                   "scored": any(a["score"] is not None for a in progress["activities"])})
        for child in block.child_blocks():
            kind = child.scope_ids.block_type
            if kind == "lmd_quiz":
                summary["quizzes"].append({
                    "module": module, "title": _title(child), "purpose": getattr(child, "purpose", "") or "",
                    "attempts": child.attempts, "best": child.raw_score, "passed": bool(child.passed),
                    "pass_mark": round(child.pass_threshold * 100)})
            elif kind == "lmd_role_play":
                summary["role_plays"].append(_role_play(module, child))
                if child.reflection_prompt and child.reflection.strip():
                    summary["reflections"].append({"module": module, "title": _title(child),
                                                   "prompt": _content(child).get("reflection_prompt") or child.reflection_prompt,
                                                   "text": child.reflection})
            elif kind == "lmd_case_study" and url_names.get(str(child.scope_ids.usage_id), "").endswith(ACTION_PLAN_SUFFIX):
                summary["has_action_plan"] = True
                questions = _content(child)["questions"]
                summary["action_plan"].extend(
                    {"module": module, "prompt": q["prompt"], "text": child.answers.get(q["id"], "")}
                    for q in questions if child.answers.get(q["id"], "").strip())
    quizzes = [q for q in summary["quizzes"] if not q["purpose"]]
    summary["quizzes_passed"] = sum(1 for q in quizzes if q["passed"])
    summary["quiz_count"] = len(quizzes)
    summary["modules_complete"] = sum(1 for m in summary["modules"] if m["progress"]["complete"])
    summary["complete"] = bool(summary["modules"]) and summary["modules_complete"] == len(summary["modules"])
    return summary


def _role_play(module, block):
    """The role-play's best run: its ending, score and competency profile, named in the learner's
    language (the stored profile keeps the names of when it was played)."""
    content = _content(block)
    best = block.best or None
    entry = {"module": module, "title": _title(block), "runs": block.runs, "best": None}
    if best:
        names = {c["id"]: c["name"] for c in content.get("competencies", [])}
        endings = {e["id"]: e for e in content.get("endings", [])}
        ending = endings.get(best.get("ending"), {})
        entry["best"] = {
            "score": best.get("score"), "ending": ending.get("title", ""), "outcome": ending.get("outcome", ""),
            "profile": [{"name": names.get(p.get("id"), p.get("name", "")), "points": p.get("points"), "max": p.get("max")}
                        for p in best.get("profile", [])]}
    return entry
