"""`make demo` ends with the address and every account it seeded (issue 14, item 8): the list it
prints is the accounts that exist, each of which signs in with the printed password; the seed
itself prints nothing that would push the address up the screen."""
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from lmd_demo.accounts import ACCOUNTS, PASSWORD, banner

pytestmark = pytest.mark.django_db


def test_the_banner_names_every_seeded_account_and_each_signs_in():
    out = io.StringIO()
    call_command("lmd_demo_seed", stdout=out)
    assert out.getvalue() == ""
    seeded = set(get_user_model().objects.values_list("username", flat=True))
    listed = {name for name, _what in ACCOUNTS}
    # officer3 and officer4 are named in officer2's line (the same kind of account)
    assert seeded - listed == {"officer3", "officer4"} and listed <= seeded
    text = banner("http://127.0.0.1:8000/")
    assert text.splitlines()[1] == "The LMD demo is running on http://127.0.0.1:8000/  (Ctrl-C to stop)"
    for name in seeded:
        assert name in text
        assert Client(HTTP_HOST="127.0.0.1").login(username=name, password=PASSWORD), name


def test_the_sign_in_page_names_every_kind_of_account():
    page = Client(HTTP_HOST="127.0.0.1").get("/accounts/login/").content.decode()
    for name, _what in ACCOUNTS:
        assert name in page, name
