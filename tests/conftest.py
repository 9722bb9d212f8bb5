"""Fixtures shared by the suites: the workbench scenarios, HTTP sessions with CSRF, and a real
Chromium driven by Playwright (Debian's chromium; Playwright never downloads a browser)."""
import http.cookiejar
import json
import os
import shutil
import urllib.error
import urllib.request

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop beside Django's ORM
# tests/platform/ runs on the Open edX platform's own venv and settings (scripts/platform_tests.sh),
# not in this suite's workbench environment.
collect_ignore = ["platform"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def scenario(description):
    """(scenario id, usage id) of the workbench scenario with this description."""
    from workbench.scenarios import get_scenarios
    for scenario_id, item in get_scenarios().items():
        if item.description == description:
            return scenario_id, item.usage_id
    raise LookupError(f"no workbench scenario {description!r}")


class HttpSession:
    """A browser-like HTTP client: cookies kept, CSRF header sent, errors returned not raised."""

    def __init__(self, base_url):
        self.base = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, method, path, body=None, headers=None):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Content-Type": "application/json", "X-CSRFToken": self.csrf(), "Referer": self.base + "/",
            **(headers or {})})
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def get(self, path):
        return self.request("GET", path)

    def post_json(self, path, payload=None, raw=None):
        status, body = self.request("POST", path, raw if raw is not None else (payload or {}))
        try:
            return status, json.loads(body)
        except ValueError:
            return status, body.decode(errors="replace")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many users; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_workbench_scenarios(request):
    """The workbench keeps block content in the database, which transactional tests empty after
    each test: parse the scenarios again for every test that serves pages."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from django.db import transaction
        from workbench.scenarios import init_scenarios
        with transaction.atomic():  # one commit instead of one per block: 13 modules x 3 runs
            init_scenarios()


@pytest.fixture
def http_session(live_server):
    return HttpSession(live_server.url)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()
