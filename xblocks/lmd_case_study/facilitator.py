"""What the workshop facilitator (course staff) sees of a case study: every learner's submitted
answers, on the page and as a CSV file for the debrief.

Learner text is data, never markup: the page escapes it (Django autoescape) and the CSV quotes
cells that a spreadsheet would otherwise run as a formula (CSV injection)."""
import csv
import io
import math
from collections import OrderedDict
from datetime import datetime, timezone

from ..common.csv_cells import csv_cell
from ..common.sanitize import sanitize_text


def now_iso():
    """The submission time as the facilitator's CSV shows it: ISO 8601, UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def percent(score):
    """The score as a whole percent, as the learner was shown it (case_study.js: Math.round, which
    rounds halves up; Python's round() would show 62.5 as 62); None before the self-assessment."""
    return None if score is None else math.floor(score * 100 + 0.5)


def submitted(user_states):
    """(username, state) of the learners who submitted, from user states as Open edX's user
    state client lists them (objects with `username` and `state`)."""
    for user_state in user_states:
        state = user_state.state or {}
        if state.get("submitted"):
            yield user_state.username, state


def answer_of(state, question):
    """The learner's answer to `question` as the facilitator reads it: cleaned as on input, so
    that text stored before the input rule (a lone surrogate...) never breaks the page or CSV."""
    return sanitize_text((state.get("answers") or {}).get(question["id"], ""))


def rows(user_states, questions):
    """Submitted answers in submission order, each answer beside its question: what the
    facilitator panel lists."""
    records = sorted(submitted(user_states), key=lambda r: (r[1].get("submitted_at", ""), r[0]))
    return [{
        "name": username,
        "submitted_at": state.get("submitted_at", ""),
        "percent": percent(state.get("raw_score")),
        "answers": [{"number": n, "prompt": q["prompt"], "text": answer_of(state, q)}
                    for n, q in enumerate(questions, 1)],
    } for username, state in records]


def report_rows(user_states, questions, limit=None):
    """(username, row) for Open edX's problem-responses report: one row per answer."""
    count = 0
    for username, state in submitted(user_states):
        for n, question in enumerate(questions, 1):
            if limit is not None and count >= limit:
                return
            count += 1
            yield username, OrderedDict([
                ("Question", f"{n}. {question['prompt']}"),
                ("Answer", answer_of(state, question)),
                ("Submitted at", state.get("submitted_at", "")),
                ("Self-assessed score", "" if state.get("raw_score") is None else f"{percent(state['raw_score'])}%"),
            ])


def csv_text(listed, headings, questions):
    """The CSV for the debrief: one line per learner, one column per question. A byte-order mark
    lets spreadsheets read it as UTF-8 (learners write in French, Spanish, ...). `listed` comes
    from rows(); `headings` are the translated titles of the learner, time and score columns."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([csv_cell(h) for h in [*headings, *(f"{n}. {q['prompt']}" for n, q in enumerate(questions, 1))]])
    for row in listed:
        score = "" if row["percent"] is None else f"{row['percent']}%"
        writer.writerow([csv_cell(v) for v in [row["name"], row["submitted_at"], score]
                         + [answer["text"] for answer in row["answers"]]])
    return out.getvalue()
