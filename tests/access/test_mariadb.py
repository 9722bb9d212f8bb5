"""The concurrency guarantee on a real MariaDB server (Open edX's production database family),
which scripts/mariadb.sh installs from Debian's packages and starts on loopback."""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_on_mariadb_two_coordinators_one_wins_and_a_double_request_makes_one():
    port = subprocess.run(["bash", str(ROOT / "scripts/mariadb.sh")], check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    name = f"lmd_test_{uuid.uuid4().hex[:8]}"
    socket = os.environ.get("LMD_MARIADB_DIR", "/tmp/lmd-mariadb") + "/mysqld.sock"
    subprocess.run(["mariadb", f"--socket={socket}", "-uroot", "-e", f"CREATE DATABASE {name} CHARACTER SET utf8mb4"],
                   check=True)
    env = dict(os.environ, LMD_MARIADB_PORT=port, LMD_MARIADB_NAME=name, DJANGO_SETTINGS_MODULE="lmd_demo.settings")
    try:
        subprocess.run([str(BIN / "django-admin"), "migrate", "--run-syncdb", "--noinput", "-v", "0"],
                       env=env, cwd=ROOT, check=True)
        out = subprocess.run([sys.executable, "-m", "tests.access.concurrent_decisions"], env=env, cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout
    finally:
        subprocess.run(["mariadb", f"--socket={socket}", "-uroot", "-e", f"DROP DATABASE IF EXISTS {name}"], check=True)
    result = json.loads(out.strip().splitlines()[-1])
    assert result == {"vendor": "mysql", "outcomes": ["conflict", "won"], "decisions": 1,
                      "requests": ["conflict", "created"], "pending": 1}
