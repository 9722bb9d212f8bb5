"""A coordinator approves in bulk, in real Chromium, with the keyboard-reachable form, confirming
the bulk decision on the page that lists what they selected."""
import pytest

from lmd_access.models import EnrolmentRequest
from tests.browser.axe import serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_approves_in_bulk(page, live_server, world):
    page.goto(f"{live_server.url}/accounts/login/?next=/access/")
    page.fill("#id_username", "coord_east")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/access/coordinator/")
    assert page.locator("tbody tr").count() == 2
    assert serious_violations(page, "main") == []
    for box in page.locator("input[name=ids]").all():
        box.check()
    page.click("button[value=approve]")
    page.locator("h1", has_text="Approve these 2 requests?").wait_for()
    assert set(EnrolmentRequest.objects.values_list("status", flat=True)) == {"pending"}  # not before confirming
    assert serious_violations(page, "main") == []
    page.click("button[value=approve]")
    page.locator(".messages", has_text="2 requests decided").wait_for()
    assert set(EnrolmentRequest.objects.values_list("status", flat=True)) == {"approved"}
    page.select_option("#f-status", "approved")
    page.click("text=Filter")
    assert page.locator("tbody tr").count() == 2 and page.locator("input[name=ids]").count() == 0
