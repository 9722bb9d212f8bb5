"""Bytes a learner's browser transfers for module pages of the demo (issue 14, item 2), measured
in Chromium on the demo as `make demo` serves it (waitress): the first module page of a visit
(nothing cached), then the next module (the browser's cache as the first left it). Goals: at most
60 KB for the first, 20 KB for the next. Baseline, side by side: the same pages with the browser's
cache disabled (every script and style fetched again), which is what the next page would cost
without cacheable files."""
import os
import shutil
import subprocess
import sys

from common import report
from server import BIN, MAKE_DEMO, ROOT, demo_database, demo_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def transferred(page, url):
    """Bytes on the wire (headers and encoded bodies) for loading `url` until the network is idle."""
    sizes = []

    def on_finished(request):
        try:
            size = request.sizes()
            sizes.append(size["responseBodySize"] + size["responseHeadersSize"])
            if os.environ.get("LMD_BENCH_VERBOSE"):
                print(f"    {sizes[-1]:>8} {request.url}")
        except Exception:  # noqa: BLE001  (a request the page abandoned)
            pass

    page.on("requestfinished", on_finished)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("requestfinished", on_finished)
    return sum(sizes), len(sizes)


def measure(base, cache):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        devtools = context.new_cdp_session(page)  # kept: the setting lasts as long as the session
        devtools.send("Network.enable")
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "officer1")
        page.fill("#id_password", "demo")
        page.click("button[type=submit], input[type=submit]")
        page.wait_for_load_state("networkidle")
        devtools.send("Network.clearBrowserCache")  # the first module page finds nothing cached
        if not cache:
            devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        first = transferred(page, f"{base}/course/module/1/")
        following = transferred(page, f"{base}/course/module/2/")
        browser.close()
    return first, following


def main():
    with demo_database():
        subprocess.run([str(BIN / "django-admin"), "lmd_demo_seed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        with demo_server(MAKE_DEMO, ready_path="/") as base:
            (first, n1), (following, n2) = measure(base, cache=True)
            (_first_nc, _), (following_nc, _) = measure(base, cache=False)
    print(f"  first module page: {first} bytes in {n1} responses; next module: {following} bytes in {n2} responses")
    print(f"  first module page at most 60 KB: {'met' if first <= 60_000 else 'NOT met'} ({first / 1000:.1f} KB)")
    print(f"  next module page at most 20 KB: {'met' if following <= 20_000 else 'NOT met'} ({following / 1000:.1f} KB)")
    report("next module page, bytes transferred with the browser's cache against without it",
           following, following_nc, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
