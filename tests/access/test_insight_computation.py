"""The insight pages' arithmetic on known data: small-group suppression, item analysis,
role-play frequencies, learning gain, time series and the SVG charts."""
import re
from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.utils import timezone

from lmd_access.insight import charts, gain, items, progress, suppress
from lmd_access.insight.source import Activity, Module, Outline, State, Summary

QUIZ = Activity("lmd_quiz", "m01-quiz", "Quiz", "1", {"pass_threshold": 0.7, "questions": [
    {"id": "q1", "type": "single", "prompt": "Works", "options": [
        {"id": "a", "text": "key", "correct": True}, {"id": "b", "text": "d1", "correct": False},
        {"id": "c", "text": "never chosen", "correct": False}]},
    {"id": "q2", "type": "single", "prompt": "Backwards", "options": [
        {"id": "a", "text": "key", "correct": True}, {"id": "b", "text": "d1", "correct": False}]},
    {"id": "q3", "type": "multiple", "prompt": "Pick", "options": [
        {"id": "a", "text": "k1", "correct": True}, {"id": "b", "text": "k2", "correct": True},
        {"id": "c", "text": "d", "correct": False}]},
    {"id": "q4", "type": "ordering", "prompt": "Order", "items": [{"id": "x", "text": "1"}, {"id": "y", "text": "2"},
                                                                   {"id": "z", "text": "3"}]},
]})


def learner(name, q1, q2, q3, q4):
    return State(name, "m01-quiz", {"best_responses": {"q1": q1, "q2": q2, "q3": q3, "q4": q4}, "attempts": 1})


# Strong learners get q1, q3 and q4 right and q2 wrong; weak ones the other way round.
STRONG = [learner(f"s{i}", "a", "b", ["a", "b"], ["x", "y", "z"]) for i in range(4)]
WEAK = [learner(f"w{i}", "b", "a", ["c"], ["z", "y", "x"]) for i in range(3)]


def test_item_analysis_finds_the_question_that_works_backwards():
    rows = {row.id: row for row in items.quiz_analysis(QUIZ, STRONG + WEAK)}
    assert rows["q1"].answered == 7 and rows["q1"].right == pytest.approx(4 / 7)
    assert rows["q1"].discrimination > 0.9 and "low" not in rows["q1"].flags
    assert rows["q2"].discrimination < 0 and "negative" in rows["q2"].flags
    assert "unused" in rows["q1"].flags  # nobody chose option c
    counts = {o.id: o.count for o in rows["q3"].options}
    assert counts == {"a": 4, "b": 4, "c": 3}
    placed = {o.id: o.count for o in rows["q4"].options}
    assert placed == {"x": 4, "y": 7, "z": 4}  # y is in the middle either way
    assert rows["q4"].difficulty == pytest.approx((4 * 1 + 3 * (1 / 3)) / 7)


def test_too_few_learners_give_no_discrimination_and_no_flags():
    rows = items.quiz_analysis(QUIZ, STRONG[:2] + WEAK[:2])
    assert all(row.discrimination is None and row.flags == [] for row in rows)
    assert items.quiz_analysis(QUIZ, [State("x", "m01-quiz", {})])[0].answered == 0  # opened, never submitted


def test_role_play_counts_choices_of_latest_runs_and_endings_of_best_runs():
    rp = Activity("lmd_role_play", "m01-rp", "RP", "1", {
        "nodes": [{"id": "n1", "text": "", "choices": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
        "endings": [{"id": "good", "title": "Good", "outcome": "success"}, {"id": "bad", "title": "Bad", "outcome": "failure"}]})
    states = [State("u1", "m01-rp", {"path": [["n1", "a"]], "runs": 2, "best": {"ending": "good"}}),
              State("u2", "m01-rp", {"path": [["n1", "a"]], "runs": 1, "best": {"ending": "bad"}}),
              State("u3", "m01-rp", {"path": [["n1", "b"]], "runs": 0}),
              State("u4", "m01-rp", {"path": "garbage", "runs": "x", "best": None})]
    nodes, endings, finished, runs = items.role_play_analysis(rp, states)
    assert [(c.id, c.count) for c in nodes[0].choices] == [("a", 2), ("b", 1)] and nodes[0].reached == 3
    assert [(e.id, e.count, e.share) for e in endings] == [("good", 1, 0.5), ("bad", 1, 0.5)]
    assert (finished, runs) == (2, 3)


@pytest.mark.parametrize("n,suppressed", [(0, False), (1, True), (4, True), (5, False), (50, False)])
def test_counts_below_the_minimum_group_are_suppressed(n, suppressed):
    cell = suppress.count(n, 5)
    assert cell.suppressed == suppressed and cell.shown == (None if suppressed else n)


def test_one_suppressed_part_of_a_shown_total_takes_another_with_it():
    parts = suppress.protect([suppress.count(n, 5) for n in (12, 3, 0, 7)])
    assert [c.suppressed for c in parts] == [False, True, False, True]  # 3, and the smallest other (7)
    parts = suppress.protect([suppress.count(n, 5) for n in (12, 3, 2)])
    assert [c.suppressed for c in parts] == [False, True, True]  # two already: nothing to add
    assert [c.suppressed for c in suppress.protect([suppress.count(n, 5) for n in (3, 0)])] == [True, False]


def test_means_over_few_learners_are_suppressed(settings):
    settings.LMD_ACCESS_MIN_GROUP_SIZE = 3
    assert suppress.mean([0.5, 1.0]).suppressed and suppress.mean([0.5, 1.0]).shown is None
    assert suppress.mean([0.5, 1.0, None]).suppressed  # None is no learner
    assert suppress.mean([0.5, 1.0, 0.0]).shown == 0.5
    settings.LMD_ACCESS_MIN_GROUP_SIZE = 1
    assert suppress.min_group() == 2  # a group of one is one officer


def test_learning_gain_per_cohort():
    pre = Activity("lmd_quiz", "lmd-pretest", "Pre", "0", {})
    post = Activity("lmd_quiz", "lmd-posttest", "Post", "13", {})
    summaries = [Summary("a", "lmd-pretest", 0.4), Summary("a", "lmd-posttest", 0.8),
                 Summary("b", "lmd-pretest", 0.6), Summary("b", "lmd-posttest", 0.8),
                 Summary("c", "lmd-pretest", 0.2),  # no post-test: not counted
                 Summary("d", "lmd-pretest", 0.5), Summary("d", "lmd-posttest", 0.5)]
    cohorts = {"a": "East", "b": "East", "c": "East", "d": "West"}
    found = {g.cohort: g for g in gain.learning_gain([(pre, post)], summaries, cohorts.get)}
    east = found["East"]
    assert east.learners == 2 and east.pre.value == pytest.approx(0.5) and east.post.value == pytest.approx(0.8)
    assert east.gain.value == pytest.approx(0.3) and east.normalized.value == pytest.approx(0.6)
    assert found["West"].normalized.value == 0
    suppressed = {g.cohort: g for g in gain.learning_gain([(pre, post)], summaries, cohorts.get, k=5)}
    assert suppressed["East"].normalized.suppressed and suppressed["East"].normalized.shown is None


def test_outline_pairs_pre_and_post_tests_by_url_name():
    outline = Outline([Module("0", "Start", [Activity("lmd_quiz", "lmd-pretest", "Pre", "0", {}),
                                             Activity("lmd_quiz", "x-pretest", "Alone", "0", {})]),
                       Module("1", "One", [Activity("lmd_quiz", "m01-quiz", "Q", "1", {}),
                                           Activity("lmd_quiz", "lmd-posttest", "Post", "1", {})])])
    assert [(a.url_name, b.url_name) for a, b in outline.test_pairs()] == [("lmd-pretest", "lmd-posttest")]
    assert [a.url_name for a in outline.regular_quizzes()] == ["m01-quiz"]


def test_weeks_without_events_are_kept_and_the_total_runs_on():
    monday = datetime(2026, 1, 5, 12, tzinfo=dt_timezone.utc)
    series = progress.over_time([monday, monday + timedelta(days=1), monday + timedelta(days=15)], "week", last=500)
    assert [(d.isoformat(), n, total) for d, n, total in series[:3]] == [
        ("2026-01-05", 2, 2), ("2026-01-12", 0, 2), ("2026-01-19", 1, 3)]
    assert series[-1][0] == progress.period_start(timezone.now(), "week")  # up to this week
    assert progress.over_time([], "week") == []
    assert len(progress.over_time([monday], "week")) == 26  # the last half year, the total still counting before


def test_standings_count_modules_whose_every_activity_is_complete():
    pretest = Activity("lmd_quiz", "m01-pretest", "Pre", "1", {"pass_threshold": 0.7})
    outline = Outline([Module("1", "One", [pretest, QUIZ, Activity("lmd_case_study", "m01-case", "Case", "1", {})])])
    now = timezone.now()
    found = progress.standings(outline, [Summary("a", "m01-quiz", 0.7, now, now), Summary("a", "m01-case", None, now, now),
                                         Summary("a", "m01-pretest", 0.1, now, now),
                                         Summary("b", "m01-quiz", 0.69, None, now)], ["a", "b", "c"])
    assert (found["a"].modules_done, found["a"].quizzes_passed, found["a"].quiz_mean) == (1, 1, 0.7)  # not the pre-test's
    assert (found["b"].modules_done, found["b"].quizzes_passed) == (0, 0)  # 69 % is below the 70 % pass mark
    assert not found["c"].started and found["c"].last_activity is None


def test_charts_are_plain_svg_with_escaped_labels():
    svg = charts.bar_chart('A "chart" <script>', [("<b>q1</b>", 0.5, "flag"), ("q2", None, "")])
    assert svg.startswith('<svg class="chart"') and 'role="img"' in svg and "<script>" not in svg
    assert "&lt;b&gt;q1" in svg and "–" in svg and "style=" not in svg
    assert re.search(r'<rect class="bar flag" x="92" y="7" width="92.0"', svg)
    line = charts.line_chart("Over time", [("2026-01-05", 1), ("2026-01-12", 4)])
    assert "<polyline" in line and "style=" not in line
