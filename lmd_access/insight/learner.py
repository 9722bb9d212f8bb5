"""One learner's work, as a facilitator reads it: each activity's block state (the adapter's
states()) put beside the activity's content, so that answers show with their questions."""
from .source import CASE_STUDY, QUIZ, ROLE_PLAY


def _quiz(activity, state):
    questions = {q["id"]: q for q in activity.content.get("questions", [])}
    results = state.get("results") if isinstance(state.get("results"), dict) else {}
    return {
        "attempts": state.get("attempts") or 0, "max_attempts": activity.content.get("max_attempts"),
        "last_score": state.get("last_score"), "best_score": state.get("raw_score"),
        "passed": bool(state.get("passed")),
        "questions": [{"id": qid, "prompt": questions[qid].get("prompt", ""),
                       "score": (results.get(qid) or {}).get("score"), "correct": (results.get(qid) or {}).get("correct")}
                      for qid in questions if qid in results],
    }


def _role_play(activity, state):
    endings = {e["id"]: e for e in activity.content.get("endings", [])}
    best = state.get("best") if isinstance(state.get("best"), dict) else {}
    ending = endings.get(best.get("ending"), {})
    return {
        "runs": state.get("runs") or 0, "best_score": best.get("score"),
        "ending": ending.get("title", ""), "outcome": ending.get("outcome", ""),
        "profile": [p for p in best.get("profile") or [] if isinstance(p, dict)],
        "steps": len(state.get("path") or []), "reflection": state.get("reflection") or "",
    }


def _case_study(activity, state):
    answers = state.get("answers") if isinstance(state.get("answers"), dict) else {}
    ticked = set(state.get("assessment") or [])
    return {
        "submitted": bool(state.get("submitted")), "submitted_at": state.get("submitted_at") or "",
        "score": state.get("raw_score"),
        "answers": [{"prompt": q.get("prompt", ""), "text": answers.get(q["id"], "")}
                    for q in activity.content.get("questions", [])],
        "assessment": [p.get("text", "") for p in activity.content.get("rubric", []) if p.get("id") in ticked],
    }


READERS = {QUIZ: _quiz, ROLE_PLAY: _role_play, CASE_STUDY: _case_study}


def learner_work(outline, states):
    """[{"module", "activities": [{"activity", "kind", "data" (None: not started)}]}] in course order."""
    mine = {s.url_name: s.state for s in states}
    return [{"module": module, "activities": [
        {"activity": a, "kind": a.kind, "data": READERS[a.kind](a, mine[a.url_name]) if a.url_name in mine else None}
        for a in module.activities]} for module in outline.modules]
