#!/usr/bin/env python3
"""A run store written by statecraft 0.1.0 (tests/store/store-0.1.0.sqlite, made by
make_fixture.py) opens with the current program, which lists, shows and exports its runs, resumes
its interrupted sweep to what an uninterrupted sweep prints, and adds new runs to it. Upgrades
keep users' saved runs.

usage: upgrade_test.py BINARY
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "store-0.1.0.sqlite")
# The runs make_fixture.py saved, in order.
EXPECTED_RUNS = [(1, "run", "complete"), (2, "sweep", "complete"), (3, "optimize", "complete"),
                 (4, "sweep", "running")]
# make_fixture.py killed `sweep --model eum --draws 1000 --seed 5 --target munitions<=25`; this is
# that sweep as 0.1.0 started it: eum's settings of that release (the run records them, and a
# resumed run keeps them) and no model error (0.1.0 had none).
KILLED_SWEEP_AS_STARTED = ["sweep", "--model", "eum:rounds=10,stop=fixed_rounds", "--draws", "1000",
                           "--seed", "5", "--target", "munitions<=25", "--format", "json",
                           "--model-error", "off"]


def same_numbers(a, b, tolerance=1e-12):
    """Equal JSON, numbers within a relative tolerance."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_numbers(a[k], b[k], tolerance) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_numbers(x, y, tolerance) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            return False
        return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))
    return a == b


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message)


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result


def schema_version(db):
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    finally:
        connection.close()


def main():
    binary = os.path.abspath(sys.argv[1])
    latest = int(run(binary, "--version").stdout.split("run store schema ")[1].split()[0])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "runs.sqlite")
        shutil.copyfile(FIXTURE, db)
        check(schema_version(db) <= latest,
              f"the fixture's schema ({schema_version(db)}) is not newer than the program's")

        listed = json.loads(run(binary, "runs", "list", "--db", db, "-n", "0",
                                "--format", "json").stdout)["runs"]
        check(schema_version(db) == latest,
              f"opening the store brings its schema to the program's version {latest}")
        check(sorted((r["id"], r["kind"], r["status"]) for r in listed) == EXPECTED_RUNS,
              f"runs list shows the four saved runs: {[(r['id'], r['kind'], r['status']) for r in listed]}")
        check(all(r["program_version"] == "statecraft 0.1.0" for r in listed),
              "each run records the release that wrote it")

        for run_id, kind, _ in EXPECTED_RUNS:
            shown = run(binary, "runs", "show", str(run_id), "--db", db).stdout
            check(kind in shown and "statecraft 0.1.0" in shown,
                  f"runs show {run_id} prints the {kind}")
            exported = json.loads(run(binary, "runs", "export", str(run_id), "--db", db).stdout)
            check(exported.get("id") == run_id and exported.get("kind") == kind
                  and exported.get("scenario_json", {}).get("name"),
                  f"runs export {run_id} gives the run with its scenario")

        run_export = json.loads(run(binary, "runs", "export", "1", "--db", db).stdout)
        check(run_export["status"] == "complete" and run_export.get("result", {}).get("model")
              == "eum" and len(run_export["positions"]) > 0,
              "the saved eum run keeps its outcomes, positions and the JSON 0.1.0 printed")

        alone = run(binary, *KILLED_SWEEP_AS_STARTED, "--no-save").stdout
        resumed = run(binary, "runs", "resume", "4", "--db", db, "--format", "json")
        check("draws_reused" in resumed.stderr and "draws_reused 0," not in resumed.stderr,
              f"runs resume reuses the draws 0.1.0 saved: {resumed.stderr.strip()}")
        # The same draws, summed block by block when resumed: means may differ in the last bits.
        check(same_numbers(json.loads(resumed.stdout), json.loads(alone)),
              "the resumed sweep prints what an uninterrupted sweep of this program prints "
              "(to 1e-12)")
        statuses = {r["id"]: r["status"] for r in json.loads(
            run(binary, "runs", "list", "--db", db, "-n", "0", "--format", "json").stdout)["runs"]}
        check(statuses.get(4) == "complete", "the resumed sweep is complete")

        run(binary, "run", "--model", "compromise", "--db", db)
        after = json.loads(run(binary, "runs", "list", "--db", db, "-n", "0",
                               "--format", "json").stdout)["runs"]
        check(len(after) == 5 and max(r["id"] for r in after) == 5,
              "a new run is saved beside the old ones")
        connection = sqlite3.connect(db)
        check(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              "the upgraded store passes SQLite's integrity check")
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
