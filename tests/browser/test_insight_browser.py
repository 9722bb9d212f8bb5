"""The insight pages in real Chromium under the demo's Content-Security-Policy (no bypass): no
serious or critical axe violation, no policy violation, readable at 360 px wide (nothing wider
than the screen but a table that scrolls on its own), and keyboard-operable (the facilitator's
reset, the coordinator's confirmation)."""
import json

import pytest
from django.core.management import call_command
from django.test import Client

from lmd_access.models import EnrolmentRequest, GatedCourse
from tests.browser.axe import serious_violations
from tests.http.test_insight_demo import answers
from tests.licensing.test_national_server_demo import block_usage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server):
    """The demo's accounts; officer1 has failed, then passed, module 1's quiz and played some of
    the role-play."""
    call_command("lmd_demo_seed", verbosity=0)
    officer = Client(HTTP_HOST="127.0.0.1")
    assert officer.login(username="officer1", password="demo")
    officer.get("/course/module/1/")
    usage_id = block_usage("1", "lmd_quiz")
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("officer1").get_block(usage_id).questions
    for right in (False, True):
        officer.post(f"/course/handler/{usage_id}/submit/", json.dumps({"responses": answers(questions, right)}),
                     content_type="application/json")
    return {"url": live_server.url, "course": GatedCourse.objects.get().pk}


def sign_in(page, url, username):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def policy_violations(page):
    found = []
    page.on("console", lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None)
    return found


def fits_the_screen(page):
    """Nothing but a table's own scroll area is wider than the viewport."""
    return page.evaluate("""() => document.documentElement.scrollWidth <= window.innerWidth + 1""")


PAGES = {
    "facilitator": ["/access/staff/{course}/", "/access/staff/{course}/learners/officer1/",
                    "/access/staff/{course}/questions/?module=1", "/access/emails/?kind=rejected&lang=fr"],
    "coord_eastland": ["/access/coordinator/", "/access/coordinator/progress/"],
    "secretariat": ["/access/report/", "/access/emails/?kind=digest"],
}


@pytest.mark.parametrize("username", sorted(PAGES))
@pytest.mark.parametrize("viewport", [(1024, 800), (360, 740)])
def test_pages_are_accessible_and_fit_a_phone(browser, demo, username, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    try:
        reported = policy_violations(page)
        sign_in(page, demo["url"], username)
        for path in PAGES[username]:
            response = page.goto(demo["url"] + path.format(course=demo["course"]))
            assert response.status == 200, path
            assert serious_violations(page, "body") == [], path
            assert fits_the_screen(page), path
            for chart in page.locator("svg.chart").all():  # every chart comes with its numbers
                assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
            assert page.locator("svg.chart").count() <= page.locator("table").count(), path
        assert reported == []
    finally:
        context.close()


def test_facilitator_resets_attempts_with_the_keyboard(strict_page, demo):
    page = strict_page
    sign_in(page, demo["url"], "facilitator")
    page.goto(f"{demo['url']}/access/staff/{demo['course']}/learners/officer1/")
    button = page.locator("button", has_text="Reset the attempts at")
    assert button.count() == 1  # only the quiz the learner has taken
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.includes('Reset the attempts at')"):
            break
    else:
        pytest.fail("the reset button is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator(".messages", has_text="can take").wait_for()
    assert page.locator("button", has_text="Reset the attempts at").count() == 0  # nothing left to reset
    assert "gave officer1 the attempts of m01-quiz back" in page.inner_text("main")


def test_coordinator_confirms_a_bulk_rejection_with_the_keyboard(strict_page, demo):
    page = strict_page
    sign_in(page, demo["url"], "coord_eastland")
    page.goto(f"{demo['url']}/access/coordinator/")
    boxes = page.locator("input[name=ids]")
    assert boxes.count() == 2  # officer2 and officer3 are pending
    for index in range(2):
        boxes.nth(index).focus()
        page.keyboard.press("Space")
    page.locator("#f-reason").focus()
    page.keyboard.type("The cohort is full.")
    page.locator("button[value=reject]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Reject these 2 requests?" in page.inner_text("h1")
    assert serious_violations(page, "body") == []
    page.locator("button[value=reject]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator(".messages", has_text="2 requests decided").wait_for()
    assert EnrolmentRequest.objects.filter(status="rejected", reason="The cohort is full.").count() == 2
