"""The Content-Security-Policy in real Chromium, which obeys it (no bypass): the demo's pages, a
module with all four blocks and a workbench quiz work under it with no violation reported, the
language menu still switches without an inline handler, and a script injected inline does not
run."""
import pytest
from django.contrib.auth import get_user_model

from tests.browser.quiz_driver import answer
from tests.conftest import scenario

pytestmark = pytest.mark.django_db(transaction=True)
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true"}


def violations(page):
    found = []
    page.on("console", lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None)
    return found


def test_pages_and_blocks_work_under_the_policy(strict_page, live_server):
    page = strict_page
    get_user_model().objects.create_user("staff1", password="pw", is_staff=True)
    reported = violations(page)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "staff1")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.evaluate("() => getComputedStyle(document.querySelector('header.site')).display") == "flex"  # demo.css
    with page.expect_navigation():
        page.select_option("#lmd-lang", "fr")  # demo.js sends the form: no inline onchange
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.select_option("#lmd-lang", "en")

    page.goto(f"{live_server.url}/course/module/1/")
    page.locator(".lmd-quiz .lmd-submit").first.wait_for()
    page.goto(f"{live_server.url}/access/")
    assert page.evaluate("() => getComputedStyle(document.querySelector('header')).display") == "flex"  # access.css

    scenario_id, _usage = scenario("LMD quiz")
    page.goto(f"{live_server.url}/scenario/{scenario_id}/?student=csp1")
    quiz = page.locator(".lmd-quiz").first
    quiz.locator(".lmd-submit").wait_for()
    answer(quiz, RIGHT, ["a", "b", "c", "d"])
    quiz.locator(".lmd-submit").click()  # the block's script, its handler call and its rendering
    page.wait_for_function("() => document.querySelector('.lmd-quiz .lmd-status').textContent.includes('You passed')")

    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
                             document.body.appendChild(s); }""")
    assert page.evaluate("() => window.injected") is None  # an inline script added to the page does not run
    assert len(reported) == 1 and "inline script" in reported[0], reported  # only that one was refused
