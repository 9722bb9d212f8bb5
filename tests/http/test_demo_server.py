"""The demo as `make demo` starts it (django-admin runserver on a fresh var/), tried from outside:
it serves its routes and static assets and nothing else of the repository, and its settings are
safe without any environment variable. A subprocess, because the test runner forces DEBUG off
and would hide what a real start serves."""
import contextlib
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import uuid
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SDK_SECRET_KEY = "5ftdd9(@p)tg&amp;bqv$(^d!63psz9+g+_i5om_e%!32%po2_+%l7"


def _env(var, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LMD_")}
    env.update(LMD_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="lmd_demo.settings", **extra)
    return env


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, host=None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers


@contextlib.contextmanager
def demo_server(var, **extra):
    env = _env(var, **extra)
    subprocess.run([str(BIN / "django-admin"), "migrate", "--run-syncdb", "--noinput", "-v", "0"],
                   env=env, cwd=ROOT, check=True)
    port = _free_port()
    proc = subprocess.Popen([str(BIN / "django-admin"), "runserver", f"127.0.0.1:{port}", "--noreload"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the demo server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def var_in_repo():
    """A var/ folder inside the clone, where `make demo` keeps its database and secret key."""
    var = ROOT / "var" / f"test-server-{uuid.uuid4().hex[:8]}"
    try:
        yield var
    finally:
        shutil.rmtree(var, ignore_errors=True)


@pytest.fixture(scope="module")
def debug_server(var_in_repo):
    """The worst case a newcomer may run: DEBUG asked for."""
    with demo_server(var_in_repo, LMD_DEBUG="1") as base:
        yield base


def test_database_and_secret_key_are_not_served(debug_server, var_in_repo):
    relative = var_in_repo.relative_to(ROOT).as_posix()
    for name in ("lmd-demo.db", "secret_key", "workbench.log"):
        assert (var_in_repo / name).exists()
        for path in (f"/{relative}/{name}", f"/static/../{relative}/{name}"):
            assert fetch(debug_server + path)[0] == 404, path


@pytest.mark.parametrize("path", [ "/.git/config", "/.git/HEAD", "/settings.py", "/setup.py",
    "/demo/lmd_demo/settings.py", "/README.md", "/Makefile", "/static/../setup.py", "/static/%2e%2e/setup.py",
    "/static/lmd_demo/../../settings.py", "/resource/lmd_quiz/../block.py", "/media/setup.py",
])
def test_repository_files_are_not_served_even_with_debug(debug_server, path):
    status, body, _headers = fetch(debug_server + path)
    assert status == 404, (path, status, body[:200])


def test_static_assets_and_block_resources_are_served(debug_server, tmp_path):
    for path in ("/static/workbench/js/runtime/1.js", "/static/lmd_demo/demo.css", "/static/lmd_demo/demo.js"):
        status, body, headers = fetch(debug_server + path)
        assert status == 200 and body, path
        assert headers["X-Content-Type-Options"] == "nosniff"
    # and without DEBUG: the same assets, served by the demo's own route
    with demo_server(tmp_path) as base:
        assert fetch(base + "/static/lmd_demo/demo.css")[0] == 200
        assert fetch(base + "/static/../setup.py")[0] == 404


def _settings(var, **extra):
    code = ("from django.conf import settings as s; import json; "
            "print(json.dumps([s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS, s.LMD_WORKBENCH]))")
    import json
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], env=_env(var, **extra),
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_safe_settings_without_any_environment(tmp_path):
    debug, key, hosts, workbench = _settings(tmp_path)
    assert debug is False and workbench is False
    assert hosts == ["127.0.0.1", "localhost"]
    assert key != SDK_SECRET_KEY and len(key) >= 50
    stored = tmp_path / "secret_key"
    assert stored.read_text().strip() == key
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert _settings(tmp_path)[1] == key  # kept across restarts (sessions survive)
    assert _settings(tmp_path.parent / (tmp_path.name + "-other"))[1] != key  # one per installation
    debug, _key, hosts, workbench = _settings(tmp_path, LMD_DEBUG="1", LMD_ALLOWED_HOSTS="lmd.example.org")
    assert debug is True and workbench is True and hosts == ["lmd.example.org"]
    assert _settings(tmp_path, LMD_WORKBENCH="1")[3] is True


def test_unknown_host_is_refused(debug_server):
    assert fetch(debug_server + "/", host="evil.example")[0] == 400
