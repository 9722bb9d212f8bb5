"""Lighthouse mobile performance of every module page of the demo, as `make demo` serves it
(waitress, `lmd_demo_serve`) to the seeded, signed-in learner officer1. Lighthouse 12 (the npm
dev dependency, node_modules/.bin/lighthouse) in headless Chromium with its default mobile
settings: a Moto G Power screen, simulated slow 4G and a 4x slower CPU. Goal: a performance
score of at least 95 on every module page.

Lighthouse's figures move from run to run with what else the machine is doing (its Total
Blocking Time is the page's own main-thread work, timed on this machine and multiplied by 4), so
each page is measured LMD_LIGHTHOUSE_RUNS times (3 unless told; the pages taken in turn, not one
page's runs back to back) and its median run counts, as Lighthouse's documentation advises. Per
page: the median run's score and the metrics it is made of (First Contentful Paint, Largest
Contentful Paint, Total Blocking Time, Cumulative Layout Shift), the bytes transferred, and
every run's score. A first run, not counted, warms the browser's files.

LMD_LIGHTHOUSE_PAGES=1,9 measures those module pages only; LMD_BENCH_VERBOSE=1 also lists the
median run's opportunities and diagnostics that cost something; LMD_LIGHTHOUSE_KEEP=<dir> keeps
the JSON reports there; CHROME_PATH: the browser (system Chromium unless told)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from server import BIN, MAKE_DEMO, ROOT, demo_database, demo_server, signed_in

MODULES = [*(str(n) for n in range(1, 9)), "8A", *(str(n) for n in range(9, 13))]
GOAL = 95
RUNS = int(os.environ.get("LMD_LIGHTHOUSE_RUNS", "3"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")


def session_cookie(base):
    """Sign officer1 in through the login form; the Cookie header a browser then sends."""
    opener, jar = signed_in(base)
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit("officer1 could not sign in")
    for number in MODULES:  # each page once, as the server's caches have them after a first visit
        if b"lmd-module" not in opener.open(f"{base}/course/module/{number}/", timeout=60).read():
            raise SystemExit(f"officer1 does not see module {number}")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def lighthouse(url, cookie, out):
    """One Lighthouse run (mobile: its defaults) of `url`, performance only; its JSON report."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance",
               f"--extra-headers={json.dumps({'Cookie': cookie})}", f"--chrome-flags={CHROME_FLAGS}",
               "--output=json", f"--output-path={out}"]
    for attempt in range(3):  # a browser slow to start on a busy machine: "Unable to connect to Chrome"
        done = subprocess.run(command, cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if done.returncode == 0:
            break
        print(f"  Lighthouse failed on {url} (exit {done.returncode}), trying again", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    report = json.loads(Path(out).read_text())
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse, {url}: {report['runtimeError'].get('message')}")
    final = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
    if "/accounts/login/" in final:
        raise SystemExit(f"Lighthouse was sent to the sign-in page ({final}): the cookie did not reach the server")
    return report


def figures(report):
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    return {
        "score": round(score * 100) if score is not None else 0,
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def costs(report):
    """The opportunities and diagnostics that cost this page something (LMD_BENCH_VERBOSE)."""
    lines = []
    for ref in report["categories"]["performance"]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("group") != "metrics" and audit.get("score") is not None and audit["score"] < 0.9 \
                and audit.get("scoreDisplayMode") in ("metricSavings", "numeric", "binary"):
            lines.append(f"      {audit['id']}: {audit.get('displayValue', '')} {audit.get('metricSavings') or ''}")
    return lines


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make setup` (npm install) first")
    pages = [p.strip().upper() for p in os.environ.get("LMD_LIGHTHOUSE_PAGES", "").split(",") if p.strip()] or MODULES
    keep = os.environ.get("LMD_LIGHTHOUSE_KEEP")
    runs = {number: [] for number in pages}
    with demo_database(), tempfile.TemporaryDirectory() as reports:
        subprocess.run([str(BIN / "django-admin"), "lmd_demo_seed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        with demo_server(MAKE_DEMO, ready_path="/") as base:
            cookie = session_cookie(base)
            version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
            print(f"  Lighthouse {version}, mobile (simulated slow 4G, 4x CPU slowdown), {CHROMIUM}; "
                  f"{len(pages)} module pages, median of {RUNS} runs each", flush=True)
            # Not counted: the first run of a session also pays for the browser's own files coming
            # back from the disk (seen: one module page at 58 on its first run, 99 and 100 after).
            lighthouse(f"{base}/course/module/{pages[0]}/", cookie, Path(reports) / "warm-up.json")
            for run in range(1, RUNS + 1):
                for number in pages:
                    out = Path(reports) / f"module-{number}-run{run}.json"
                    report = lighthouse(f"{base}/course/module/{number}/", cookie, out)
                    if keep:
                        os.makedirs(keep, exist_ok=True)
                        shutil.copy(out, Path(keep) / out.name)
                    runs[number].append((figures(report), report))
                print(f"  run {run} of {RUNS} done", flush=True)
    print(f"  {'page':<20} {'score':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'bytes':>8}  runs")
    scores = {}
    for number in pages:
        ordered = sorted(runs[number], key=lambda run: run[0]["score"])
        f, report = ordered[(len(ordered) - 1) // 2]  # the median run (the lower middle one of an even number)
        scores[number] = f["score"]
        print(f"  /course/module/{number}/".ljust(22) + f"{f['score']:>5} {f['fcp']:>7.0f} {f['lcp']:>7.0f} "
              f"{f['tbt']:>7.0f} {f['cls']:>6.3f} {f['bytes']:>8.0f}  {[run[0]['score'] for run in runs[number]]}")
        if os.environ.get("LMD_BENCH_VERBOSE"):
            print("\n".join(costs(report)))
    worst = min(scores, key=scores.get)
    print(f"  lowest median score: {scores[worst]} (module {worst}); mean {sum(scores.values()) / len(scores):.1f}; "
          f"lowest against the goal: {scores[worst] / GOAL:.3f}x")
    print(f"  goal: performance at least {GOAL} on every module page: {'met' if scores[worst] >= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
