"""Cold start of the demo (issue 14, item 3): from the server process's start (as `make demo`
starts it: waitress, `lmd_demo_serve`) to a signed-in learner's first module page, in seconds.
Goal: at most 2 s. Baseline, side by side in the same run: the same start when the course must
be read and localized from its files (the first start after the course or its catalogs change:
the demo's course cache emptied first). Medians of several starts each."""
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import report
from server import BIN, ROOT, demo_database, free_port, signed_in

STARTS = 5


def first_module_page(base):
    """Sign in as the seeded officer and open module 1: the learner's first page."""
    opener, _jar = signed_in(base)
    body = opener.open(f"{base}/course/module/1/", timeout=60).read()
    assert b"lmd-module" in body, "the module page did not come"


def one_start(var, empty_cache):
    if empty_cache:
        shutil.rmtree(Path(var) / "course-cache", ignore_errors=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "django-admin"), "lmd_demo_serve", f"127.0.0.1:{port}"], env=dict(os.environ),
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("the demo server stopped")
                time.sleep(0.02)
        first_module_page(base)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main():
    with demo_database() as var:
        subprocess.run([str(BIN / "django-admin"), "lmd_demo_seed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        one_start(var, empty_cache=True)  # fills the cache, as the first `make demo` does
        ours, baseline = [], []
        for _ in range(STARTS):  # interleaved: both see the same machine
            baseline.append(one_start(var, empty_cache=True))
            ours.append(one_start(var, empty_cache=False))
    print(f"  starts: ours {[round(x, 2) for x in ours]}, course read from its files {[round(x, 2) for x in baseline]}")
    ratio = report("cold start to the first module page (s), against reading the course from its files",
                   statistics.median(ours), statistics.median(baseline), "s")
    print(f"  goal: first module page at most 2 s after the server starts: "
          f"{'met' if statistics.median(ours) <= 2.0 else 'NOT met'} ({statistics.median(ours):.2f} s)")
    return 0 if ratio else 1


if __name__ == "__main__":
    sys.exit(main())
