#!/usr/bin/env python3
"""Sweeps killed with SIGKILL at several points (after a few blocks of draws, mid-model, between
models; through `statecraft serve` and through `statecraft sweep`) leave a consistent store, and
`statecraft runs resume` completes them computing only the draws no saved block holds; the
result is byte for byte the JSON of an uninterrupted sweep. So does a `statecraft sweep` whose
store fills up mid-way, once the store can be written again.

usage: resume_test.py BINARY
"""
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

MODELS = ["eum", "smp", "compromise"]
DRAWS = 2000
BLOCK = 250  # kDefaultBlockDraws
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
    return result


def saved_state(db, run_id):
    """(blocks per model, finished models, draws in blocks), read as another process would."""
    connection = sqlite3.connect(db, timeout=30)
    try:
        blocks = dict(connection.execute(
            "SELECT model, COUNT(*) FROM sweep_blocks WHERE run_id = ? GROUP BY model", (run_id,)))
        parts = [row[0] for row in connection.execute(
            "SELECT part FROM run_parts WHERE run_id = ?", (run_id,))]
        draws = connection.execute(
            "SELECT COALESCE(SUM(draw_count), 0) FROM sweep_blocks WHERE run_id = ?",
            (run_id,)).fetchone()[0]
        return blocks, parts, draws
    finally:
        connection.close()


def wait_until(db, run_id, reached, process):
    deadline = time.time() + 600
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("FAIL the sweep ended before the kill point")
        try:
            state = saved_state(db, run_id)
        except sqlite3.OperationalError:
            state = None  # the store is being created
        if state and reached(*state):
            return
        time.sleep(0.002)
    raise SystemExit("FAIL the kill point was not reached")


def check_consistent(db, run_id, label):
    connection = sqlite3.connect(db)
    check(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
          f"{label}: integrity_check after SIGKILL")
    check(connection.execute("PRAGMA foreign_key_check").fetchall() == [],
          f"{label}: foreign_key_check after SIGKILL")
    check(connection.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()[0]
          == "running", f"{label}: the killed sweep is marked running")
    per_model_draws = dict(connection.execute(
        "SELECT model, COUNT(*) FROM draws WHERE run_id = ? GROUP BY model", (run_id,)))
    per_model_blocks = dict(connection.execute(
        "SELECT model, SUM(draw_count) FROM sweep_blocks WHERE run_id = ? GROUP BY model",
        (run_id,)))
    check(per_model_draws == per_model_blocks,
          f"{label}: the per-draw outcomes are those of the whole saved blocks {per_model_blocks}")
    before = dict(connection.execute(
        "SELECT model || ':' || draw, outcomes_json FROM draws WHERE run_id = ?", (run_id,)))
    connection.close()
    return before


def resume_and_compare(binary, db, run_id, expected, total_draws, label):
    blocks, parts, saved = saved_state(db, run_id)
    before = check_consistent(db, run_id, label)
    resumed = run(binary, "runs", "resume", str(run_id), "--db", db, "--format", "json")
    counts = re.search(r"draws_computed (\d+), draws_reused (\d+)", resumed.stderr)
    check(counts is not None, f"{label}: runs resume reports its counts: {resumed.stderr.strip()}")
    computed, reused = int(counts.group(1)), int(counts.group(2))
    check(reused == saved and computed == total_draws - saved,
          f"{label}: only the missing draws are computed ({computed} computed, {reused} reused, "
          f"{saved} saved before)")
    check(resumed.stdout == expected,
          f"{label}: the resumed JSON equals the uninterrupted sweep's byte for byte")
    connection = sqlite3.connect(db)
    after = dict(connection.execute(
        "SELECT model || ':' || draw, outcomes_json FROM draws WHERE run_id = ?", (run_id,)))
    check(len(after) == total_draws, f"{label}: every draw is saved")
    check(all(after[key] == value for key, value in before.items()),
          f"{label}: the draws saved before the kill are unchanged")
    check(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
          f"{label}: integrity_check after resuming")
    connection.close()
    again = run(binary, "runs", "resume", str(run_id), "--db", db)
    check("draws_computed 0," in again.stdout, f"{label}: resuming a complete sweep computes nothing")
    return blocks, parts


def start_server(binary, db):
    server = subprocess.Popen([binary, "serve", "--port", "0", "--db", db],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    return server, re.search(r"(http://127\.0\.0\.1:\d+)/", line).group(1)


def api_sweep_killed(binary, folder, name, reached):
    db = os.path.join(folder, name + ".sqlite")
    server, url = start_server(binary, db)
    try:
        started = request(url + "/api/sweep", {"models": MODELS, "draws": DRAWS, "seed": SEED})
        run_id = started["run_id"]
        wait_until(db, run_id, reached, server)
        os.kill(server.pid, signal.SIGKILL)
    finally:
        server.kill()
        server.wait()
    return db, run_id


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        # The uninterrupted sweep, through the same server route, printed by `runs resume` of the
        # complete run (the printer every case below uses).
        db = os.path.join(folder, "whole.sqlite")
        server, url = start_server(binary, db)
        try:
            started = request(url + "/api/sweep", {"models": MODELS, "draws": DRAWS, "seed": SEED})
            deadline = time.time() + 600
            while request(f"{url}/api/jobs/{started['job']}")["status"] == "running":
                check(time.time() < deadline, "the uninterrupted sweep finishes")
                time.sleep(0.05)
        finally:
            server.terminate()
            server.wait()
        expected = run(binary, "runs", "resume", str(started["run_id"]), "--db", db,
                       "--format", "json").stdout
        items = json.loads(expected)["models"]
        check([item["model"] for item in items] == MODELS, "every model, in order")
        for item in items:
            alone = json.loads(run(binary, "sweep", "--model", item["model"], "--draws",
                                   str(DRAWS), "--seed", str(SEED), "--format", "json",
                                   "--no-save").stdout)
            check(item == alone, f"{item['model']}: the saved sweep equals `statecraft sweep`")

        total = DRAWS * len(MODELS)
        first, second = MODELS[0], MODELS[1]
        # Each kill lands when the store shows the point reached; the process may save a block
        # more before the signal arrives (a block of eum or smp takes a few hundred ms), which the
        # checks of where it was killed allow.
        cases = [
            ("after a few blocks", lambda blocks, parts, draws: blocks.get(first, 0) >= 2),
            ("between models", lambda blocks, parts, draws: len(parts) >= 1),
            ("mid-model", lambda blocks, parts, draws: blocks.get(second, 0) >= 2),
        ]
        for label, reached in cases:
            db, run_id = api_sweep_killed(binary, folder, label.replace(" ", "_"), reached)
            blocks, parts = resume_and_compare(binary, db, run_id, expected, total, label)
            if label == "after a few blocks":
                check(not parts and 2 <= blocks.get(first, 0) < DRAWS // BLOCK,
                      f"{label}: killed inside the first model ({blocks})")
            elif label == "between models":
                check(parts == [first] and blocks.get(second, 0) <= 2,
                      f"{label}: killed as the second model began ({parts}, {blocks})")
            else:
                check(parts == [first] and 2 <= blocks.get(second, 0) < DRAWS // BLOCK,
                      f"{label}: killed inside the second model ({parts}, {blocks})")

        # `statecraft sweep` saves block by block too: killed mid-way, `runs resume` completes it
        # to what the uninterrupted command prints.
        db = os.path.join(folder, "cli.sqlite")
        args = ["sweep", "--model", "smp", "--draws", str(DRAWS), "--seed", str(SEED),
                "--target", "munitions<=25", "--format", "json"]
        alone = run(binary, *args, "--no-save").stdout
        sweep = subprocess.Popen([binary, *args, "--db", db], stdout=subprocess.DEVNULL)
        try:
            wait_until(db, 1, lambda blocks, parts, draws: blocks.get("smp", 0) >= 2, sweep)
            os.kill(sweep.pid, signal.SIGKILL)
        finally:
            sweep.kill()
            sweep.wait()
        listed = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json").stdout)
        check([(r["id"], r["kind"], r["status"]) for r in listed["runs"]] == [(1, "sweep", "running")],
              "the killed `statecraft sweep` is listed as a running sweep")
        blocks, _ = resume_and_compare(binary, db, 1, alone, DRAWS, "statecraft sweep")
        check(2 <= blocks.get("smp", 0) < DRAWS // BLOCK, f"killed mid-way ({blocks})")
        saved = run(binary, *args, "--db", db).stdout
        check(saved == alone, "a saved `statecraft sweep` prints what an unsaved one prints")

        # A store that fills up mid-sweep (a file-size limit, as a full disk): the sweep still
        # prints its result with one warning naming the run to resume, and once the store can be
        # written again `runs resume` completes it to the same JSON.
        db = os.path.join(folder, "full.sqlite")
        args = ["sweep", "--model", "compromise", "--draws", "20000", "--seed", str(SEED),
                "--format", "json"]

        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, 1_500_000))

        full = subprocess.run([binary, *args, "--db", db], capture_output=True, text=True,
                              timeout=900, preexec_fn=small_disk)
        alone = run(binary, *args, "--no-save").stdout
        check(full.returncode == 0 and full.stdout == alone,
              "a sweep whose store fills up prints its whole result")
        check(len(full.stderr.splitlines()) == 1
              and "statecraft runs resume 1" in full.stderr,
              "with one warning naming the run to resume: " + full.stderr.strip())
        blocks, _, saved = saved_state(db, 1)
        check(0 < saved < 20000, f"whole blocks were saved before the store filled up ({saved})")
        resumed = run(binary, "runs", "resume", "1", "--db", db, "--format", "json")
        check(resumed.stdout == alone and f"draws_reused {saved}" in resumed.stderr,
              "runs resume completes it to the same JSON, reusing the saved blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
