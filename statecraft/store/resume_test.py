#!/usr/bin/env python3
"""A sweep killed with SIGKILL mid-way leaves a consistent store, and `statecraft runs resume`
completes it without computing its finished models again; the result equals uninterrupted
`statecraft sweep` runs, model by model.

usage: resume_test.py BINARY
"""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

MODELS = ["compromise", "median", "eum", "smp", "exchange"]
DRAWS = 1000
SEED = 5


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message)


def request(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read())


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "runs.sqlite")
        server = subprocess.Popen([binary, "serve", "--port", "0", "--db", db],
                                  stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            url = re.search(r"(http://127\.0\.0\.1:\d+)/", line).group(1)
            started = request(url + "/api/sweep",
                              {"models": MODELS, "draws": DRAWS, "seed": SEED})
            run_id, job = started["run_id"], started["job"]
            deadline = time.time() + 300
            while time.time() < deadline:
                status = request(f"{url}/api/jobs/{job}")
                if status["status"] != "running" or status["steps_done"] >= 2:
                    break
                time.sleep(0.005)
            check(status["status"] == "running",
                  f"the sweep is still running after {status['steps_done']} model(s)")
            os.kill(server.pid, signal.SIGKILL)
        finally:
            server.kill()
            server.wait()

        connection = sqlite3.connect(db)
        check(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              "integrity_check after SIGKILL")
        check(connection.execute("PRAGMA foreign_key_check").fetchall() == [],
              "foreign_key_check after SIGKILL")
        check(connection.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()[0]
              == "running", "the killed sweep is marked running")
        saved = [row[0] for row in connection.execute(
            "SELECT part FROM run_parts WHERE run_id = ?", (run_id,))]
        check(0 < len(saved) < len(MODELS), f"{len(saved)} finished model(s) saved: {saved}")
        draws = dict(connection.execute(
            "SELECT model, COUNT(*) FROM draws WHERE run_id = ? GROUP BY model", (run_id,)))
        check(draws == {model: DRAWS for model in saved},
              "the draws of exactly the finished models, whole")
        before = dict(connection.execute(
            "SELECT model || ':' || draw, outcomes_json FROM draws WHERE run_id = ?", (run_id,)))
        connection.close()

        resumed = run(binary, "runs", "resume", str(run_id), "--db", db)
        expected = (f"{len(MODELS) - len(saved)} model(s) computed, {len(saved)} already saved "
                    "(not computed again)")
        check(expected in resumed, "runs resume computes only the missing models: " + expected)
        shown = json.loads(run(binary, "runs", "show", str(run_id), "--db", db,
                               "--format", "json"))
        check(shown["status"] == "complete", "the resumed sweep is complete")
        results = shown["result"]["models"]
        check([item["model"] for item in results] == MODELS, "every model, in order")
        for item in results:
            alone = json.loads(run(binary, "sweep", "--model", item["model"], "--draws",
                                   str(DRAWS), "--seed", str(SEED), "--format", "json"))
            check(item == alone, f"{item['model']}: equal to an uninterrupted `statecraft sweep`")
        connection = sqlite3.connect(db)
        after = dict(connection.execute(
            "SELECT model || ':' || draw, outcomes_json FROM draws WHERE run_id = ?", (run_id,)))
        check(len(after) == DRAWS * len(MODELS), "every draw of every model is saved")
        check(all(after[key] == value for key, value in before.items()),
              "the draws saved before the kill are unchanged")
        check(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              "integrity_check after resuming")
        connection.close()
        again = run(binary, "runs", "resume", str(run_id), "--db", db)
        check("0 model(s) computed" in again, "resuming a complete sweep computes nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
