"""Throughput of the quiz `submit` handler over HTTP against xblock-poll's `vote` handler, on
the same demo server, requests interleaved so both see the same machine. Goal: >= 1.0x."""
import http.cookiejar
import json
import os
import time
import urllib.request

from common import report, setup_django
from server import demo_database, demo_server

ROUNDS, PER_ROUND = 5, 40
RIGHT = {"q1": "a", "q2": ["a", "b"], "q3": "true", "q4": ["a", "b", "c", "d"]}


def usage_of(description):
    from workbench.scenarios import get_scenarios
    return next((sid, s.usage_id) for sid, s in get_scenarios().items() if s.description == description)


def client(base, scenario_id):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/scenario/{scenario_id}/").read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    return opener, token


def post(opener, token, url, payload):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers={
        "Content-Type": "application/json", "X-CSRFToken": token, "Referer": url})
    with opener.open(request) as response:
        assert response.status == 200
        return response.read()


def main():
    os.environ["LMD_WORKBENCH_ALL_BLOCKS"] = "1"  # the poll's scenario, served beside ours
    with demo_database():
        setup_django()
        run()


def run():
    quiz_scenario, quiz_usage = usage_of("LMD quiz")
    poll_scenario, poll_usage = usage_of("Default Poll")
    with demo_server() as base:
        quiz_client, poll_client = client(base, quiz_scenario), client(base, poll_scenario)
        timings = {"quiz": 0.0, "poll": 0.0}
        counter = 0
        for _ in range(ROUNDS):
            for kind, (opener, token), usage, payload in (
                    ("quiz", quiz_client, quiz_usage, {"responses": RIGHT}),
                    ("poll", poll_client, poll_usage, {"choice": "R"})):
                start = time.perf_counter()
                for _ in range(PER_ROUND):
                    counter += 1  # a new learner each time: a first submission / a first vote
                    post(opener, token, f"{base}/handler/{usage}/{'submit' if kind == 'quiz' else 'vote'}/?student=b{counter}", payload)
                timings[kind] += time.perf_counter() - start
        total = ROUNDS * PER_ROUND
        ours, baseline = total / timings["quiz"], total / timings["poll"]
        report("submit handler over HTTP vs poll vote (requests/s)", ours, baseline, "req/s", 1.0,
               lower_is_better=False)


if __name__ == "__main__":
    main()
