"""Fixtures of the HTTP tests: the workbench opened by its development flag, and a browser-like
session signed in as course staff."""
import urllib.parse

import pytest


@pytest.fixture
def workbench_open(settings):
    """The workbench's ?student= pages for anyone, as with LMD_WORKBENCH=1 (a developer's demo)."""
    settings.LMD_WORKBENCH = True


@pytest.fixture
def staff_session(http_session):
    from django.contrib.auth import get_user_model
    get_user_model().objects.create_user("staff_tester", password="pw-staff-tester", is_staff=True)
    http_session.get("/accounts/login/")
    body = urllib.parse.urlencode({"username": "staff_tester", "password": "pw-staff-tester"}).encode()
    status, _ = http_session.request("POST", "/accounts/login/", body,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200  # the redirect to the home page, followed
    return http_session
