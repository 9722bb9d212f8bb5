"""A demo server of our own for the HTTP benchmarks: fresh SQLite in a temp folder, migrated,
started on a free loopback port, stopped when done."""
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
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


@contextlib.contextmanager
def demo_server():
    """The demo served on a free loopback port, on the database of demo_database()."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "django-admin"), "runserver", f"127.0.0.1:{port}", "--noreload"],
                            env=dict(os.environ), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/workbench/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the demo server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
