"""Issue 12 item 16 at a small scale: the server `make demo` runs (lmd_demo_serve: waitress) keeps
the demo's static files, security headers and Content-Security-Policy, and a few learners saving
case-study drafts at the same moment get no error and lose nothing, on SQLite and on MariaDB.
The full figures (50 learners for 60 s, p50/p99) come from benchmarks/bench_classroom_load.py,
which prints them; no timing is asserted here."""
import importlib.util
import os
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("bench_classroom_load", ROOT / "benchmarks/bench_classroom_load.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_the_make_demo_server_is_waitress_with_headers_and_static_files():
    makefile = (ROOT / "Makefile").read_text()
    demo_target = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "lmd_demo_serve 127.0.0.1:8000" in demo_target and "runserver" not in demo_target
    with bench.database("sqlite") as env:
        bench.django_admin(env, "migrate", "--run-syncdb", "--noinput", "-v", "0")
        with bench.server(env, "make-demo") as (base, _log, _pid):
            with urllib.request.urlopen(base + "/accounts/login/", timeout=10) as response:
                headers = response.headers
                assert response.status == 200
            assert headers["Server"] == "lmd-demo"  # waitress, under the ident lmd_demo_serve gives it
            csp = headers["Content-Security-Policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "same-origin"
            with urllib.request.urlopen(base + "/static/lmd_demo/demo.css", timeout=10) as response:
                assert response.status == 200 and b"{" in response.read()
            for path in ("/var/lmd-demo.db", "/static/../settings.py", "/.git/config"):
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(base + path, timeout=10)
                assert refused.value.code == 404, path


@pytest.mark.parametrize("database", ["sqlite", "mariadb"])
def test_a_few_learners_saving_at_once_get_no_error_and_lose_nothing(database):
    result = bench.run(learners=6, duration=3, think=0, db=database, server_kind="make-demo")
    assert result["sign_in_failures"] == 0, result
    assert result["requests"] >= 6 and result["learners_acknowledged"] == 6, result
    assert result["errors"] == 0 and result["answers_lost"] == 0 and result["duplicate_rows"] == 0, result
    assert result["server_errors_logged"] == 0, result
