"""Twenty coordinators at once on the demo's own database, a SQLite file as `make demo` makes it
(the test database is in memory, where SQLite locks differently): one decision wins, the others
get 409, never a 500 ("database is locked"); twenty copies of one officer's request make one."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_twenty_racing_coordinators_on_sqlite_get_one_win_and_409s(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LMD_")}
    env.update(LMD_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="lmd_demo.settings")
    subprocess.run([str(BIN / "django-admin"), "migrate", "--run-syncdb", "--noinput", "-v", "0"],
                   env=env, cwd=ROOT, check=True)
    out = subprocess.run([sys.executable, "-m", "tests.access.racing_requests", "20"], env=env, cwd=ROOT,
                         check=True, capture_output=True, text=True, timeout=300).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result == {"vendor": "sqlite", "decided": {"200": 1, "409": 19}, "decisions": 1,
                      "asked": {"200": 1, "409": 19}, "pending": 1}, result
