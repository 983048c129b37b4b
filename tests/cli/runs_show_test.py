#!/usr/bin/env python3
"""`runs show` prints a saved run with the very tables of the command that made it, for every kind
of saved run (with --explain, the meaning of each column), and its main table with --format csv;
`runs diff` compares two runs' inputs and outcomes as a table, JSON and CSV, and names a missing
run in one line (exit 2).

usage: runs_show_test.py BINARY
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile


def run(binary, *args, expect=0):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=600)
    if result.returncode != expect:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {result.returncode}, expected {expect}\n"
                         f"stdout: {result.stdout[:2000]}\nstderr: {result.stderr[:2000]}")
    if expect == 2 and (result.stdout or len(result.stderr.strip().splitlines()) != 1):
        raise SystemExit(f"FAIL {' '.join(args)}: bad input must print one line on stderr only")
    return result


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message)


# One command of every kind that is saved; small, so that the test takes seconds.
COMMANDS = [
    ["run", "--model", "eum"],
    ["run", "--model", "exchange", "--plan", "relief"],
    ["compare", "--model", "compromise", "--model", "smp"],
    ["whatif", "--draws", "40", "--model", "compromise", "--model", "eum",
     "--target", "munitions<=25", "--counter", "R2=20"],
    ["sweep", "--draws", "60", "--target", "munitions<=25", "--plan", "relief"],
    ["sweep", "--draws", "60", "--model", "eum"],
    ["optimize", "--target", "munitions<=25", "--draws", "20"],
    ["optimize", "--target", "munitions<=5", "--draws", "20", "--probability", "0.99"],
]


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "runs.sqlite")
        ids = []
        for args in COMMANDS:
            printed = run(binary, *args, "--db", db)
            match = re.search(r"saved as run (\d+)", printed.stderr)
            check(match is not None, f"`{' '.join(args)}` names the run it saved")
            run_id = match.group(1)
            ids.append(run_id)
            shown = run(binary, "runs", "show", run_id, "--db", db).stdout
            header, _, tables = shown.partition("\n\n")
            check(tables == printed.stdout,
                  f"runs show {run_id} prints the tables of `{' '.join(args)}`, byte for byte")
            check(re.search(r"^params \w+:", header, re.M) and "{" not in header,
                  f"runs show {run_id}: parameters as key=value, no raw JSON")
            check("(--explain says what each column means)" in printed.stdout,
                  f"`{' '.join(args)}` points at --explain under its tables")
            explained = run(binary, *args, "--no-save", "--explain").stdout
            shown_explained = run(binary, "runs", "show", run_id, "--db", db,
                                  "--explain").stdout.partition("\n\n")[2]
            check(shown_explained == explained and "--explain says" not in explained,
                  f"runs show {run_id} --explain prints `{' '.join(args)} --explain`, byte for byte")
            table_csv = run(binary, *args, "--no-save", "--format", "csv").stdout
            shown_csv = run(binary, "runs", "show", run_id, "--db", db, "--format", "csv").stdout
            check(shown_csv == table_csv and table_csv.count("\n") > 1,
                  f"runs show {run_id} --format csv equals `{' '.join(args)} --format csv`")
            rows = list(csv.reader(io.StringIO(table_csv)))
            check(len({len(row) for row in rows}) == 1, f"`{' '.join(args)}` CSV is rectangular")

        eum, exchange = ids[0], ids[1]
        table = run(binary, "runs", "diff", eum, exchange, "--db", db).stdout
        check("inputs" in table and "B-A" in table and "L3=40" in table,
              "runs diff: inputs (the plan) and outcomes as a table")
        diff = json.loads(run(binary, "runs", "diff", eum, exchange, "--db", db,
                              "--format", "json").stdout)
        changed = {row["input"] for row in diff["inputs"] if row["changed"]}
        check({"models", "plan"} <= changed and "seed" not in changed,
              "runs diff --format json: the changed inputs, and only those")
        eum_rows = [row for row in diff["outcomes"] if row["model"] == "eum"]
        check(eum_rows and all(row["b"] is None and row["difference"] is None for row in eum_rows),
              "runs diff: an outcome only one run has is null on the other side")
        same = json.loads(run(binary, "runs", "diff", eum, eum, "--db", db,
                              "--format", "json").stdout)
        check(all(row["difference"] == 0 for row in same["outcomes"])
              and not any(row["changed"] for row in same["inputs"]),
              "runs diff of a run with itself: nothing changed")
        sweeps = json.loads(run(binary, "runs", "diff", ids[4], ids[5], "--db", db,
                                "--format", "json").stdout)
        check(any(row["input"] == "target" and row["changed"] for row in sweeps["inputs"])
              and any(row["model"] == "compromise (median)" for row in sweeps["outcomes"]),
              "runs diff of two sweeps: the target and the medians")
        outcomes_csv = run(binary, "runs", "diff", eum, exchange, "--db", db,
                           "--format", "csv").stdout
        check(outcomes_csv.splitlines()[0] == "model,issue,A,B,B-A",
              "runs diff --format csv: the outcomes")
        missing = run(binary, "runs", "diff", eum, "999", "--db", db, expect=2)
        check("no run 999" in missing.stderr, "runs diff of a missing run names it")
        run(binary, "runs", "show", "999", "--db", db, "--format", "csv", expect=2)


if __name__ == "__main__":
    main()
