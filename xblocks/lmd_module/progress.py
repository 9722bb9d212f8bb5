"""A module's progress: which activities are done, and the module result, from the children's
own `lmd_progress()` summaries (sections without activities do not count).

A course pre-test or post-test placed in a module (a quiz whose summary has a `purpose`) is one
of the module's activities: the learner is expected to take it there, the module is complete only
once it is done, and "continue" leads to it. It is not the module's quiz: its score measures where
the learner stands, so it counts neither in the module's score nor in "quiz passed"."""


def summarize(entries):
    """entries: [(usage_id, title, summary dict)] -> the summary the module shows."""
    activities = [(uid, title, s) for uid, title, s in entries if s.get("graded")]
    done = [a for a in activities if a[2].get("complete")]
    results = [s for _uid, _title, s in activities if not s.get("purpose")]  # the module's own
    scores = [s.get("score") or 0.0 for s in results]
    quizzes = [s for s in results if s.get("passed") is not None]
    next_up = next((uid for uid, _title, s in activities if not s.get("complete")), None)
    return {
        "total": len(activities),
        "done": len(done),
        "percent": round(100 * len(done) / len(activities)) if activities else 100,
        "score": round(sum(scores) / len(scores), 4) if scores else None,
        "quiz_passed": all(q.get("passed") for q in quizzes) if quizzes else None,
        "complete": bool(activities) and len(done) == len(activities),
        "next": next_up,
        "activities": [{"id": uid, "title": title, "complete": bool(s.get("complete")),
                        "score": s.get("score"), **({"purpose": s["purpose"]} if s.get("purpose") else {})}
                       for uid, title, s in activities],
    }
