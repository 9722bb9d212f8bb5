"""A demo server of our own for the HTTP benchmarks: fresh SQLite in a temp folder, migrated,
started on a free loopback port, stopped when done."""
import contextlib
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def demo_database():
    """A fresh, migrated demo database in a temp folder, used by this process and its server."""
    with tempfile.TemporaryDirectory() as var:
        os.environ.update(LMD_VAR_DIR=var, DJANGO_SETTINGS_MODULE="lmd_demo.settings", LMD_DEBUG="0",
                          LMD_WORKBENCH="1")  # the benchmarks post to the workbench's ?student= handlers
        subprocess.run([str(BIN / "django-admin"), "migrate", "--run-syncdb", "--noinput", "-v", "0"],
                       cwd=ROOT, check=True)
        yield var


MAKE_DEMO = ("lmd_demo_serve",)  # the demo served as `make demo` serves it (waitress)


@contextlib.contextmanager
def demo_server(command=("runserver", "--noreload"), ready_path="/workbench/"):
    """The demo served on a free loopback port, on the database of demo_database(), by the
    django-admin `command` (MAKE_DEMO: as `make demo` serves it); -> its base URL once
    `ready_path` answers."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "django-admin"), command[0], f"127.0.0.1:{port}", *command[1:]],
                            env=dict(os.environ), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + ready_path, timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("the demo server stopped") from None
                time.sleep(0.1)
        else:
            raise RuntimeError("the demo server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def signed_in(base, username="officer1", password="demo"):
    """(opener, cookie jar) of `username` signed in through the demo's login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    opener.open(urllib.request.Request(f"{base}/accounts/login/", data.encode(), headers={"Referer": base + "/"}),
                timeout=30).read()
    return opener, jar
