"""Issue 12 item 17: bugs the suite let through in the access app. A coordinator registration
that starts in the future must not grant decisions yet; its first and last days do (both ends
are inclusive); the coordinator's CSV quotes every cell a spreadsheet would run as a formula,
including those starting with a tab or a carriage return."""
import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from lmd_access import services
from lmd_access.models import CoordinatorRegistration, EnrolmentRequest
from xblocks.common.csv_cells import csv_cell


def _register(world, starts_on, ends_on=None):
    from django.contrib.auth import get_user_model
    user = get_user_model().objects.create_user(f"coord_{starts_on}_{ends_on}", password="pw")
    CoordinatorRegistration.objects.create(user=user, administration=world.east, starts_on=starts_on, ends_on=ends_on)
    return user


def test_a_registration_starting_tomorrow_grants_nothing_today(world):
    today = timezone.localdate()
    future = _register(world, today + timedelta(days=1))
    assert services.coordinated_administrations(future) == set()
    with pytest.raises(services.NotAllowed):
        services.decide(future, [world.request.pk], True, "")
    assert EnrolmentRequest.objects.get(pk=world.request.pk).status == EnrolmentRequest.PENDING


@pytest.mark.parametrize("starts, ends", [(0, None), (0, 0), (-30, 0), (-1, 5)], ids=["first-day-open", "one-day",
                                                                                    "last-day", "in-the-middle"])
def test_the_first_and_last_day_of_a_registration_grant_decisions(world, starts, ends):
    today = timezone.localdate()
    user = _register(world, today + timedelta(days=starts), None if ends is None else today + timedelta(days=ends))
    assert services.coordinated_administrations(user) == {world.east.pk}
    decided = services.decide(user, [world.request.pk], True, "")
    assert [d.status for d in decided] == [EnrolmentRequest.APPROVED]


def test_the_day_after_the_last_grants_nothing(world):
    today = timezone.localdate()
    ended = _register(world, today - timedelta(days=30), today - timedelta(days=1))
    assert services.coordinated_administrations(ended) == set()
    with pytest.raises(services.NotAllowed):
        services.decide(ended, [world.request.pk], True, "")


def test_active_q_bounds_are_inclusive_on_both_ends(world):
    day = date(2026, 3, 15)
    reg = CoordinatorRegistration.objects.filter(user=world.coord).first()
    reg.starts_on, reg.ends_on = day, day
    reg.save()
    active = lambda d: CoordinatorRegistration.objects.filter(CoordinatorRegistration.active_q(d), pk=reg.pk).exists()
    assert [active(day - timedelta(days=1)), active(day), active(day + timedelta(days=1))] == [False, True, False]


FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_csv_cells_a_spreadsheet_would_run_are_quoted(start):
    assert csv_cell(f"{start}HYPERLINK(\"http://evil\")") == f"'{start}HYPERLINK(\"http://evil\")"


@pytest.mark.parametrize("text", ["Head of unit", "a=b", "1+1", "", "'already", " =space first", "\n=x"])
def test_csv_cells_that_are_not_formulas_are_left_alone(text):
    assert csv_cell(text) == text


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_the_coordinators_csv_quotes_formulas_in_every_officer_field(world, client, start):
    world.request.position, world.request.unit = f"{start}cmd|' /C calc'!A0", f"{start}SUM(A1:A9)"
    world.request.save()
    client.force_login(world.coord)
    response = client.get("/access/coordinator/export.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    row = next(r for r in rows[1:] if "cmd|" in "".join(r))
    assert f"'{start}cmd|' /C calc'!A0" in row and f"'{start}SUM(A1:A9)" in row
    for cell in row:
        assert cell[:1] not in FORMULA_STARTS, row


def test_coordinators_see_a_learners_percent_as_the_learner_was_shown_it():
    """A quiz score of 0.625 was shown to the learner as 63 % (halves up, as in JavaScript):
    the coordinator's CSV and charts must not say 62 % (Python's round())."""
    from lmd_access.coordinator import _percent
    from lmd_access.insight.charts import bar_chart

    assert [_percent(s) for s in (None, 0.625, 0.125, 0.9949)] == ["", 63, 13, 99]
    assert "63 %" in bar_chart("Quiz", [("m01", 0.625, "")], percent=True)
