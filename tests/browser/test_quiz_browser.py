"""The quiz in real Chromium: fail then pass, keyboard only, two on a page, axe, 360 px."""
import pytest

from tests.browser.axe import serious_violations
from tests.browser.quiz_driver import answer
from tests.conftest import scenario

pytestmark = pytest.mark.django_db(transaction=True)
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true"}
WRONG = {"q1": "b", "q2": ["c"], "q3": "false"}
ORDER = ["a", "b", "c", "d"]


def open_scenario(page, live_server, description, student):
    scenario_id, _ = scenario(description)
    page.goto(f"{live_server.url}/scenario/{scenario_id}/?student={student}")
    page.wait_for_selector(".lmd-quiz .lmd-submit")
    return page.locator(".lmd-quiz").first


def tab_to(page, selector, limit=60):
    """Press Tab until the focused element matches `selector`: reachable by keyboard alone."""
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} not reachable with Tab")


def test_learner_fails_then_passes_and_finds_it_after_reload(page, live_server):
    quiz = open_scenario(page, live_server, "LMD quiz", "browser1")
    answer(quiz, WRONG, list(reversed(ORDER)))
    quiz.locator(".lmd-submit").click()
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('Not passed')")
    assert "Attempts left: 2" in quiz.locator(".lmd-status").inner_text()
    assert quiz.locator(".lmd-incorrect").count() == 4
    assert quiz.locator(".lmd-key").count() == 0  # no answer key before the reveal
    answer(quiz, RIGHT, ORDER)
    quiz.locator(".lmd-submit").click()
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('You passed')")
    # Passed with an attempt left: the learner may try again to improve, so no key yet.
    assert quiz.locator(".lmd-correct").count() == 4
    assert quiz.locator(".lmd-key").count() == 0 and quiz.locator(".lmd-explanation").count() == 0
    assert "Attempts left: 1" in quiz.locator(".lmd-status").inner_text()
    assert quiz.locator(".lmd-submit").is_visible() and quiz.locator(".lmd-show-answers").is_visible()
    page.reload()
    quiz = page.locator(".lmd-quiz").first
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('You passed')")
    assert quiz.locator(".lmd-correct").count() == 4
    assert quiz.locator('.lmd-question[data-qid="q1"] input[value="a"]').is_checked()
    assert quiz.locator(".lmd-key").count() == 0
    assert quiz.locator(".lmd-submit").is_visible() and quiz.locator(".lmd-show-answers").is_visible()
    # The learner asks for the answers (confirmed in the page): key and explanations, no more attempts.
    quiz.locator(".lmd-show-answers").click()
    quiz.locator(".lmd-confirm button", has_text="Yes, show the answers").click()
    quiz.locator(".lmd-explanation").first.wait_for()
    assert quiz.locator(".lmd-key").count() == 4 and quiz.locator(".lmd-explanation").count() == 4
    assert quiz.locator(".lmd-submit").is_hidden() and quiz.locator(".lmd-show-answers").is_hidden()
    page.reload()
    quiz = page.locator(".lmd-quiz").first
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('You passed')")
    assert quiz.locator(".lmd-correct").count() == 4 and quiz.locator(".lmd-explanation").count() == 4
    assert quiz.locator(".lmd-submit").is_hidden() and quiz.locator(".lmd-show-answers").is_hidden()


def test_quiz_works_by_keyboard_alone(page, live_server):
    quiz = open_scenario(page, live_server, "LMD quiz", "keyboard1")
    for qid in ("q1", "q2", "q3"):  # Tab into each group, Space selects the focused choice
        tab_to(page, f'.lmd-question[data-qid="{qid}"] input')
        page.keyboard.press("Space")
    tab_to(page, '.lmd-question[data-qid="q4"] .lmd-down')
    page.keyboard.press("Enter")
    moved = quiz.locator('.lmd-question[data-qid="q4"] .lmd-sr').inner_text()
    assert "moved to position 2 of 4" in moved
    assert page.evaluate("document.activeElement.classList.contains('lmd-down')")  # focus stays with the item
    tab_to(page, ".lmd-submit")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('Your score')")
    assert quiz.locator(".lmd-qresult .lmd-verdict").count() == 4


def test_two_quizzes_on_one_page_do_not_interfere(page, live_server):
    open_scenario(page, live_server, "LMD quiz: two on one page", "twice1")
    first, second = page.locator(".lmd-quiz").nth(0), page.locator(".lmd-quiz").nth(1)
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    answer(first, RIGHT, ORDER)
    first.locator(".lmd-submit").click()
    page.wait_for_function("document.querySelectorAll('.lmd-quiz')[0].querySelector('.lmd-status').textContent.includes('You passed')")
    assert second.locator(".lmd-status").inner_text().startswith("Attempts left: 3")
    assert second.locator("input:checked").count() == 0
    # a label click in the second quiz ticks the second quiz's box, not the first's
    second.locator('.lmd-question[data-qid="q3"] label').first.click()
    assert second.locator('.lmd-question[data-qid="q3"] input:checked').count() == 1


def test_no_serious_accessibility_violations(page, live_server):
    open_scenario(page, live_server, "LMD quiz", "axe1")
    assert serious_violations(page, ".lmd-quiz") == []
    quiz = page.locator(".lmd-quiz").first
    answer(quiz, WRONG, ORDER)
    quiz.locator(".lmd-submit").click()
    page.wait_for_function("document.querySelector('.lmd-quiz .lmd-status').textContent.includes('Your score')")
    assert serious_violations(page, ".lmd-quiz") == []
