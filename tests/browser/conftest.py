"""Browser tests of the blocks' behaviour: the workbench's ?student= pages opened by its
development flag (LMD_WORKBENCH=1, as a developer's demo), and pages whose Content-Security-
Policy Playwright bypasses, because its string predicates (wait_for_function("...")) are
evaluated in the page with eval, which the policy forbids. The policy itself is tested in real
Chromium, without bypass, by test_csp_browser.py."""
import pytest


@pytest.fixture(autouse=True)
def workbench_open(settings):
    settings.LMD_WORKBENCH = True


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page that obeys the Content-Security-Policy, as every learner's browser does."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()
