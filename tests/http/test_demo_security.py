"""The workbench's ?student= cannot be used to act as a real account (and so as course staff)."""
import pytest
from django.contrib.auth import get_user_model

from tests.conftest import scenario

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("workbench_open")]


def test_student_name_of_a_real_account_needs_that_account_signed_in(http_session):
    get_user_model().objects.create_user("facilitator", password="pw", is_staff=True)
    scenario_id, usage_id = scenario("LMD case study")
    assert http_session.get(f"/scenario/{scenario_id}/?student=facilitator")[0] == 403
    assert http_session.get(f"/handler/{usage_id}/facilitator_csv/?student=facilitator")[0] == 403
    status, _ = http_session.get(f"/scenario/{scenario_id}/?student=anonymous-tester")
    assert status == 200  # other names stay anonymous test learners, without staff rights
    assert http_session.get(f"/handler/{usage_id}/facilitator_csv/?student=anonymous-tester")[0] == 403
