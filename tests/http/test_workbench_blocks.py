"""The demo's workbench holds the product's blocks only: the benchmark baselines installed beside
them (xblock-poll, drag-and-drop-v2) and the SDK's samples are neither imported nor served."""
import subprocess
import sys

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)


def test_only_the_products_blocks_have_scenarios(admin_user):
    from workbench.scenarios import get_scenarios
    kinds = {scenario_id.split(".")[0] for scenario_id in get_scenarios()}
    assert kinds == {"lmd_course", "lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"}
    staff = Client(HTTP_HOST="127.0.0.1")
    staff.force_login(admin_user)
    index = staff.get("/workbench/").content.decode()
    assert "LMD quiz" in index and "Poll" not in index and "drag" not in index.lower()
    assert staff.get("/scenario/poll.0/").status_code == 404


def test_the_baselines_are_never_imported_by_the_demo(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "lmd_demo.settings", "LMD_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = ("import django, sys; django.setup(); from django.core.management import call_command; "
            "call_command('migrate', run_syncdb=True, verbosity=0); "
            "from workbench.scenarios import get_scenarios; get_scenarios(); "
            "print(sorted(m for m in ('poll', 'drag_and_drop_v2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, timeout=300)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_classes_loaded_for_the_scenarios_are_the_ones_xblock_finds():
    from workbench.scenarios import get_scenarios
    from xblock.core import XBlock

    from xblocks.lmd_quiz.block import LmdQuizBlock
    get_scenarios()
    assert XBlock.load_class("lmd_quiz") is LmdQuizBlock and LmdQuizBlock.plugin_name == "lmd_quiz"
    assert XBlock.load_class("html").__module__ == "xblocks.common.html_section"
