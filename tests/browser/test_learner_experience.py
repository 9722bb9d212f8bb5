"""A learner's course, finished with care (issue 14 items 4-7), in real Chromium under the demo's
Content-Security-Policy (no bypass), on a phone (360 px) and on a desktop:

- every page has a title, one h1 and a skip link, no serious axe violation, nothing wider than the
  screen, and the access pages share the course's header;
- quiz boxes hold their questions, the ordering question shows no empty bar and its buttons do not
  cover the items; tables show every column on a phone;
- the focus goes somewhere sensible after each action; typed work saves itself and survives a
  reload, even when a save fails; a submit that cannot be undone is confirmed in the page;
- ticks, progress, "continue where you stopped", and a printable completion summary.

Screenshots go to var/screenshots/ (lx-*.png), looked at by a person when the layout changes."""
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from lmd_access.models import EnrolmentRequest, GatedCourse
from tests.browser.axe import serious_violations
from tests.conftest import scenario
from tests.http.test_insight_demo import answers

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PHONE, DESKTOP = (360, 740), (1280, 860)


@pytest.fixture
def demo(live_server):
    call_command("lmd_demo_seed", verbosity=0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return live_server.url


@pytest.fixture
def open_page(browser):
    """open_page(size, username=None) -> a page that obeys the policy, signed in as `username`.
    Every page records the policy violations it reports (page.csp)."""
    contexts = []

    def opener(size, username=None, url=None):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        contexts.append(context)
        page = context.new_page()
        page.csp = []
        page.on("console", lambda msg: page.csp.append(msg.text) if "Content Security Policy" in msg.text else None)
        if username:
            page.goto(f"{url}/accounts/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", "demo")
            page.click("button[type=submit]")
            page.wait_for_url(f"{url}/")
        return page

    yield opener
    for context in contexts:
        context.close()


def shot(target, name):
    target.screenshot(path=str(SHOTS / f"lx-{name}.png"))


def focused(page):
    """A description of the focused element: tag, classes and text."""
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), cls: e.className || '', text: (e.textContent || '').trim().slice(0, 200),
                id: e.id}; }""")


def fits_the_screen(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def module_quiz(page):
    """The module's own quiz (modules 1 and 12 may also hold the course's pre-test or post-test)."""
    return page.locator(".lmd-quiz").filter(has_text="Check your understanding").first


# ---- Item 4: every page ----------------------------------------------------------------------
PAGES = {
    None: ["/", "/accounts/login/"],
    "officer1": ["/", "/course/", "/course/module/1/", "/course/module/12/", "/course/summary/", "/access/"],
    "officer2": ["/access/", "/course/"],
    "coord_eastland": ["/access/coordinator/", "/access/coordinator/progress/"],
    "facilitator": ["/access/staff/{course}/", "/access/staff/{course}/learners/officer1/",
                    "/access/staff/{course}/questions/?module=1", "/exports/"],
    "secretariat": ["/access/report/", "/access/emails/?kind=digest"],
}


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_every_page_has_a_title_one_h1_and_a_skip_link(demo, open_page, size):
    course = GatedCourse.objects.get().pk
    for username, paths in PAGES.items():
        page = open_page(size, username, demo)
        for path in paths:
            response = page.goto(demo + path.format(course=course))
            assert response.status in (200, 403), path  # 403: officer2's "no access yet" page
            title = page.title()
            assert title.strip() and not title.startswith(" ·"), (path, title)
            assert page.locator("h1").count() == 1, (path, page.locator("h1").all_inner_texts())
            # The skip link is the first stop of the keyboard and leads to the page's main content.
            page.keyboard.press("Tab")
            assert focused(page)["cls"] == "lmd-skip", (path, focused(page))
            page.keyboard.press("Enter")
            assert focused(page)["id"] == "main", (path, focused(page))
            assert serious_violations(page, "body") == [], path
            assert fits_the_screen(page), path
            if path in ("/course/", "/access/coordinator/", "/access/"):
                name = f"page-{username}-{path.strip('/').replace('/', '-')}-{size[0]}"
                page.screenshot(path=str(SHOTS / f"lx-{name}.png"), full_page=True)
        assert page.csp == [], (username, page.csp)


def test_access_pages_share_the_course_header_and_language(demo, open_page):
    page = open_page(DESKTOP, "coord_eastland", demo)
    page.goto(f"{demo}/access/coordinator/")
    header = page.locator("header.site")
    assert header.locator("#lmd-lang").count() == 1 and header.locator("button", has_text="Sign out").count() == 1
    assert header.locator('a[aria-current="page"]').inner_text() == "Access requests"
    assert page.locator(".lmd-subnav a[aria-current=page]").inner_text() == "Requests"
    with page.expect_navigation():
        page.select_option("#lmd-lang", "fr")
    assert page.url.endswith("/access/coordinator/") and page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("header.site #lmd-lang").count() == 1
    with page.expect_navigation():
        page.select_option("#lmd-lang", "en")


# ---- Item 4: quiz boxes, the ordering question, tables on a phone ------------------------------
def _boxes(locator):
    return locator.evaluate_all("""nodes => nodes.map(n => { const r = n.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height}; })""")


def _overlap(a, b):
    return not (a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_quiz_boxes_hold_their_questions_and_the_ordering_question_is_tidy(demo, open_page, size):
    page = open_page(size, "officer1", demo)
    page.goto(f"{demo}/course/module/1/")
    quiz = module_quiz(page)
    quiz.scroll_into_view_if_needed()
    for fieldset in quiz.locator(".lmd-question").all():
        box, legend = _boxes(fieldset)[0], _boxes(fieldset.locator("legend"))[0]
        # the question sits inside its box, below the box's top border (a legend over several
        # lines used to straddle it)
        assert legend["top"] >= box["top"] + 1 and legend["bottom"] <= box["bottom"], (box, legend)
        assert legend["left"] >= box["left"] and legend["right"] <= box["right"] + 0.5
    ordering = quiz.locator('.lmd-question[data-type="ordering"]').first
    assert ordering.count() == 1
    for item in ordering.locator(".lmd-order-item").all():
        assert item.locator(".lmd-item-feedback").is_hidden()  # no empty bar under the item
        text, buttons = _boxes(item.locator(".lmd-item-text"))[0], _boxes(item.locator(".lmd-order-buttons"))[0]
        assert not _overlap(text, buttons), (text, buttons)
        assert buttons["right"] <= _boxes(item)[0]["right"] + 0.5
        for button in _boxes(item.locator("button")):
            assert button["width"] >= 44 and button["height"] >= 44  # a finger's target
    ordering.scroll_into_view_if_needed()
    shot(ordering, f"ordering-{size[0]}")
    shot(quiz.locator(".lmd-question").first, f"question-{size[0]}")
    assert serious_violations(page, ".lmd-quiz") == []


def _cells_inside(page, table):
    """Every cell of `table` lies within the page's width (nothing hidden off-screen)."""
    width = page.evaluate("() => window.innerWidth")
    return all(box["right"] <= width + 0.5 and box["left"] >= -0.5
               for box in _boxes(table.locator("tbody td, tbody th")) if box["width"] > 0)


def test_tables_show_every_column_on_a_phone(demo, open_page):
    # the exhibits of a case study (author content)
    page = open_page(PHONE, "officer1", demo)
    page.goto(f"{demo}/course/module/1/")
    exhibit = page.locator(".lmd-exhibit table").first
    exhibit.scroll_into_view_if_needed()
    assert "lmd-stacked" in exhibit.get_attribute("class")
    assert _cells_inside(page, exhibit)
    first_row = exhibit.locator("tbody tr").first
    assert first_row.locator("td").first.get_attribute("data-label")  # each value under its column's name
    shot(page.locator(".lmd-exhibit").first, "exhibit-360")
    # the officer's own requests: a pending request and its Withdraw button on screen
    page = open_page(PHONE, "officer2", demo)
    page.goto(f"{demo}/access/")
    withdraw = page.locator("summary", has_text="Withdraw")
    assert withdraw.is_visible() and _boxes(withdraw)[0]["right"] <= 360
    # the coordinator's queue: every column of every request, the status too
    page = open_page(PHONE, "coord_eastland", demo)
    page.goto(f"{demo}/access/coordinator/")
    queue = page.locator("form[action$='/decide/'] table")
    assert "lmd-stacked" in queue.get_attribute("class") and _cells_inside(page, queue)
    status = queue.locator("tbody tr").first.locator("td").nth(6)
    assert status.get_attribute("data-label") == "Status" and status.is_visible()
    queue.locator("tbody tr").first.scroll_into_view_if_needed()
    shot(queue.locator("tbody tr").first, "queue-row-360")
    # the insight tables (the Secretariat's report, the facilitator's analysis with merged cells)
    page = open_page(PHONE, "secretariat", demo)
    page.goto(f"{demo}/access/report/")
    for table in page.locator("main table").all():
        assert _cells_inside(page, table), table.inner_text()[:80]
    page.goto(f"{demo}/access/staff/{GatedCourse.objects.get().pk}/questions/?module=1")
    for table in page.locator("main table").all():
        assert _cells_inside(page, table), table.inner_text()[:80]


def test_desktop_tables_stay_tables(demo, open_page):
    page = open_page(DESKTOP, "coord_eastland", demo)
    page.goto(f"{demo}/access/coordinator/")
    queue = page.locator("form[action$='/decide/'] table")
    assert "lmd-stacked" not in queue.get_attribute("class")
    assert page.evaluate("() => getComputedStyle(document.querySelector('form[action$=\"/decide/\"] thead')).position") != "absolute"


# ---- Item 4: the focus after each action ------------------------------------------------------
def test_focus_after_quiz_actions_and_the_last_attempt_is_confirmed(demo, open_page):
    scenario_id, _usage = scenario("LMD quiz")
    page = open_page(DESKTOP)
    page.goto(f"{demo}/scenario/{scenario_id}/?student=focus1")
    quiz = page.locator(".lmd-quiz").first
    quiz.locator(".lmd-submit").click()  # nothing answered: the first question to answer takes the focus
    assert "lmd-question" in page.evaluate("() => document.activeElement.closest('.lmd-question').className")
    for attempt in range(2):
        for fieldset in quiz.locator(".lmd-question").all():
            inputs = fieldset.locator("input")
            if inputs.count():
                inputs.last.check()
        quiz.locator(".lmd-submit").click()
        quiz.locator(".lmd-status", has_text=f"Attempts left: {2 - attempt}").wait_for()
        assert "lmd-status" in focused(page)["cls"] and "Your score" in focused(page)["text"]
    quiz.locator(".lmd-submit").click()  # the last attempt: confirmed in the page first
    confirm = quiz.locator(".lmd-confirm")
    confirm.wait_for()
    assert "last attempt" in focused(page)["text"]
    assert serious_violations(page, ".lmd-quiz") == []
    shot(confirm, "quiz-last-attempt-confirm")
    page.keyboard.press("Escape")
    assert confirm.count() == 0 and "lmd-submit" in focused(page)["cls"]
    quiz.locator(".lmd-submit").click()
    quiz.locator(".lmd-confirm .lmd-button").first.click()
    quiz.locator(".lmd-status", has_text="You have used all your attempts").wait_for()
    assert "lmd-status" in focused(page)["cls"] and quiz.locator(".lmd-submit").is_hidden()


def play_to_an_ending(role_play, page):
    for step in range(40):
        if role_play.locator(".lmd-ending").is_visible():
            break
        role_play.locator(".lmd-choice").first.click()
        role_play.locator(".lmd-path li").nth(step).wait_for()
        # the feedback on the choice takes the focus; the next step or the ending follows it
        assert "lmd-last-feedback" in focused(page)["cls"], focused(page)
    role_play.locator(".lmd-ending-title").wait_for()


def test_focus_after_role_play_actions(demo, open_page):
    page = open_page(PHONE, "officer1", demo)
    page.goto(f"{demo}/course/module/2/")
    role_play = page.locator(".lmd-role-play").first
    play_to_an_ending(role_play, page)
    shot(role_play.locator(".lmd-ending"), "role-play-ending-360")
    assert "lmd-stack" in role_play.locator(".lmd-profile").get_attribute("class")
    role_play.locator(".lmd-restart").click()
    role_play.locator(".lmd-node:not([hidden])").wait_for()
    assert "lmd-speaker" in focused(page)["cls"]
    assert serious_violations(page, ".lmd-role-play") == []


def test_case_study_submit_is_confirmed_in_the_page_and_moves_the_focus(demo, open_page):
    page = open_page(DESKTOP, "officer1", demo)
    page.goto(f"{demo}/course/module/2/")
    case = page.locator(".lmd-case").first
    for area in case.locator("textarea").all():
        area.fill("A considered answer drawing on the exhibits.")
    case.locator(".lmd-submit").click()
    confirm = case.locator(".lmd-confirm")
    confirm.wait_for()
    assert focused(page)["tag"] == "p" and "cannot change them afterwards" in focused(page)["text"]
    assert confirm.get_attribute("role") == "group"
    assert serious_violations(page, ".lmd-case") == []
    shot(case.locator(".lmd-case-form"), "case-submit-confirm")
    confirm.locator("button", has_text="Keep editing").click()  # nothing is submitted
    assert confirm.count() == 0 and "lmd-submit" in focused(page)["cls"]
    assert case.locator(".lmd-analysis").is_hidden() and case.locator("textarea").first.is_editable()
    case.locator(".lmd-submit").click()
    case.locator(".lmd-confirm button", has_text="Yes, submit my answers").click()
    case.locator(".lmd-analysis").wait_for()
    assert focused(page)["tag"] == "h4" and focused(page)["text"] == "Expert analysis"
    assert not case.locator("textarea").first.is_editable()
    case.locator(".lmd-assess-form input").first.check()
    case.locator(".lmd-assess-form button").click()
    case.locator(".lmd-status", has_text="Self-assessment recorded").wait_for()
    assert "lmd-status" in focused(page)["cls"]
    assert serious_violations(page, ".lmd-case") == []


def test_coordinator_decision_and_officer_withdrawal_put_the_focus_on_the_message(demo, open_page):
    page = open_page(PHONE, "coord_eastland", demo)
    page.goto(f"{demo}/access/coordinator/")
    page.locator("input[name=ids]").first.check()
    with page.expect_navigation():
        page.locator("button[value=approve]").click()
    assert "messages" in focused(page)["cls"] and "decided" in focused(page)["text"]
    # an officer withdraws a pending request: confirmed in the page (no JavaScript needed), then
    # the message has the focus and the request form is back
    page = open_page(PHONE, "officer4", demo)
    page.goto(f"{demo}/access/")
    assert page.locator("form[action$='/access/request/']").count() == 0  # pending: no second request
    page.locator("summary", has_text="Withdraw").focus()
    page.keyboard.press("Enter")
    yes = page.locator("button", has_text="Yes, withdraw my request")
    assert yes.is_visible()
    shot(page.locator(".request-card").first, "withdraw-confirm-360")
    yes.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "messages" in focused(page)["cls"] and "withdrawn" in focused(page)["text"]
    assert page.locator("form[action$='/access/request/']").count() == 1


def test_an_officer_with_access_or_a_pending_request_is_not_offered_the_form(demo, open_page):
    page = open_page(DESKTOP, "officer1", demo)  # approved
    page.goto(f"{demo}/access/")
    assert page.locator("form[action$='/access/request/']").count() == 0
    go = page.locator("a", has_text="Go to the course")
    assert go.get_attribute("href") == "/course/"
    page = open_page(DESKTOP, "officer2", demo)  # pending
    page.goto(f"{demo}/access/")
    assert page.locator("form[action$='/access/request/']").count() == 0
    assert "pending" in page.locator(".request-card .lmd-badge").inner_text().lower()
    shot(page.locator("main"), "officer-pending-desktop")


# ---- Item 5: typed work is never lost ---------------------------------------------------------
def test_case_study_answers_save_themselves_and_survive_a_reload(demo, open_page):
    page = open_page(DESKTOP, "officer1", demo)
    page.goto(f"{demo}/course/module/3/")
    case = page.locator(".lmd-case").first
    first, second = case.locator("textarea").nth(0), case.locator("textarea").nth(1)
    first.click()
    page.keyboard.type("Typed, never lost.")
    state = case.locator(".lmd-save-state")
    state.locator(".lmd-save-live", has_text="Draft saved at").wait_for()
    assert state.locator("[role=status]").count() == 1  # announced by screen readers
    shot(case.locator(".lmd-actions"), "autosave-saved")
    page.reload()
    assert page.locator(".lmd-case textarea").first.input_value() == "Typed, never lost."
    # a save that fails (the connection drops): the text stays in the tab, through a reload
    page.route(re.compile(r"/save_draft/"), lambda route: route.abort())
    case = page.locator(".lmd-case").first
    second = case.locator("textarea").nth(1)
    second.click()
    page.keyboard.type("Written offline.")
    case.locator(".lmd-save-state[data-state=error]").wait_for()
    assert "Not saved" in case.locator(".lmd-save-state").inner_text()
    shot(case.locator(".lmd-actions"), "autosave-offline")
    page.reload()
    case = page.locator(".lmd-case").first
    assert case.locator("textarea").nth(1).input_value() == "Written offline."
    page.unroute(re.compile(r"/save_draft/"))
    case.locator(".lmd-save-state .lmd-save-live", has_text="Draft saved at").wait_for(timeout=20000)
    page.reload()
    assert page.locator(".lmd-case textarea").nth(1).input_value() == "Written offline."


def test_role_play_reflection_saves_itself_and_survives_a_reload(demo, open_page):
    page = open_page(PHONE, "officer1", demo)
    page.goto(f"{demo}/course/module/4/")
    role_play = page.locator(".lmd-role-play").first
    play_to_an_ending(role_play, page)
    area = role_play.locator(".lmd-reflection textarea")
    area.click()
    page.keyboard.type("What I will do differently.")
    role_play.locator(".lmd-reflection .lmd-save-live", has_text="Reflection saved at").wait_for()
    shot(role_play.locator(".lmd-reflection"), "reflection-saved-360")
    page.reload()
    assert page.locator(".lmd-role-play .lmd-reflection textarea").first.input_value() == "What I will do differently."


# ---- Item 6: where the learner is -------------------------------------------------------------
def test_ticks_and_no_module_result_before_there_is_one(demo, open_page):
    page = open_page(DESKTOP, "officer1", demo)
    page.goto(f"{demo}/course/module/5/")
    text = page.locator(".lmd-progress-text").inner_text()
    assert "Module result" not in text and "Not started yet" in text
    case = page.locator(".lmd-case").first
    for area in case.locator("textarea").all():
        area.fill("An answer.")
    case.locator(".lmd-submit").click()
    case.locator(".lmd-confirm .lmd-button").first.click()
    case.locator(".lmd-assess-form").wait_for()
    case.locator(".lmd-assess-form input").first.check()
    case.locator(".lmd-assess-form button").click()
    page.locator(".lmd-progress-text", has_text="Module result").wait_for()
    done = page.locator(".lmd-activity-list a.lmd-done")
    assert done.count() == 1 and "(completed)" in done.inner_text()  # the tick, and words for screen readers
    shot(page.locator(".lmd-module-progress"), "module-progress-ticked")
    page.goto(f"{demo}/course/")
    resume = page.locator("a", has_text="Continue where you stopped")
    assert re.match(r"^/course/module/5/#.+-anchor$", resume.get_attribute("href")), resume.get_attribute("href")
    assert "Module 5" in resume.inner_text()
    shot(page.locator(".course-overview"), "course-overview")


def complete_the_course(username):
    """Every activity of every module done through the course's handlers, as the pages do."""
    from workbench.scenarios import get_scenarios

    from lmd_demo.course_block import demo_course, scenario_ids
    from lmd_demo.runtime import DemoRuntime
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(username=username, password="demo")

    def post(usage_id, handler, payload):
        response = client.post(f"/course/handler/{usage_id}/{handler}/", json.dumps(payload),
                               content_type="application/json")
        assert response.status_code == 200, (usage_id, handler, response.content[:300])
        return response.json()

    ids = scenario_ids("en")
    for module in demo_course("en"):
        block = DemoRuntime(username).get_block(get_scenarios()[ids[module.number]].usage_id)
        for child in block.get_children():
            usage = str(child.scope_ids.usage_id)
            kind = child.scope_ids.block_type
            if kind == "lmd_quiz":
                post(usage, "submit", {"responses": answers(child.questions, True)})
            elif kind == "lmd_case_study":
                text = "Two changes in my unit, first steps in week one, reviewed with my director."
                post(usage, "submit", {"answers": {q["id"]: text for q in child.questions}})
                post(usage, "assess", {"points": [p["id"] for p in child.rubric]})
            elif kind == "lmd_role_play":
                state = post(usage, "restart", {})
                while state["node"]:
                    state = post(usage, "choose", {"node": state["node"]["id"], "choice": state["node"]["choices"][0]["id"]})
                if child.reflection_prompt:
                    post(usage, "reflect", {"text": f"My reflection on module {module.number}."})


def test_finishing_the_course_gives_a_summary_to_print_or_save(demo, open_page):
    complete_the_course("officer1")
    page = open_page(DESKTOP, "officer1", demo)
    page.goto(f"{demo}/course/")
    assert "You have completed the course." in page.locator(".course-overview").inner_text()
    assert page.locator(".course-overview progress").get_attribute("value") == "100"
    module_count = page.locator("ol.modules li").count()
    assert page.locator("ol.modules li.lmd-done").count() == module_count
    with page.expect_navigation():
        page.locator("a", has_text="Your completion summary").click()
    summary = page.locator("article.summary")
    assert page.locator("h1").inner_text() == "Completion summary"
    modules = summary.locator("#modules-title ~ table tbody tr")
    assert modules.count() == module_count
    assert "Complete" in modules.first.inner_text()
    quizzes = summary.locator("#quizzes-title ~ table tbody tr")
    assert quizzes.count() >= module_count and "Passed" in summary.locator("#quizzes-title ~ table").inner_text()
    profiles = summary.locator("#profiles-title ~ table")
    assert profiles.count() == module_count and "of" in profiles.first.locator("tbody td").first.inner_text()
    plan = summary.locator("#plan-title")
    if plan.count():  # the course's own action plan (a case study whose url_name ends in -action-plan)
        assert "Two changes in my unit" in summary.inner_text()
    else:
        assert "My reflection on module 1." in summary.inner_text()
    print_button = page.locator("button[data-print]")
    assert print_button.is_visible()
    assert serious_violations(page, "body") == []
    page.screenshot(path=str(SHOTS / "lx-summary-desktop.png"), full_page=True)
    shot(page, "summary-desktop-top")
    summary.locator("#profiles-title").scroll_into_view_if_needed()
    shot(page, "summary-desktop-profiles")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and print_button.is_hidden()
    assert page.locator(".lmd-skip").is_hidden()
    page.screenshot(path=str(SHOTS / "lx-summary-print.png"), full_page=True)
    shot(page, "summary-print-top")
    pdf = page.pdf(format="A4")  # what "save as PDF" gives, through the same print stylesheet
    assert pdf.startswith(b"%PDF") and len(pdf) > 10000
    (SHOTS / "lx-summary.pdf").write_bytes(pdf)
    assert page.csp == []
    phone = open_page(PHONE, "officer1", demo)
    phone.goto(f"{demo}/course/summary/")
    assert fits_the_screen(phone) and serious_violations(phone, "body") == []
    phone.screenshot(path=str(SHOTS / "lx-summary-360.png"), full_page=True)
    shot(phone, "summary-360-top")


def test_no_completion_summary_claim_before_the_end(demo, open_page):
    page = open_page(DESKTOP, "officer1", demo)
    page.goto(f"{demo}/course/summary/")
    assert page.locator("h1").inner_text() == "Your record so far"
    assert EnrolmentRequest.objects.filter(officer__username="officer1", status="approved").exists()
