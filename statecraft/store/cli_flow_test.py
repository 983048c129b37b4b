#!/usr/bin/env python3
"""The run store through the real command: saving never changes what is printed; runs list, show,
export, report --run and delete see the saved runs; bad ids and stores are bad input (exit 2).

usage: cli_flow_test.py BINARY
"""
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


def saved_line(result):
    """The id of the run a saving command names on standard error, its only line, or None."""
    match = re.fullmatch(r"saved as run (\d+) \(statecraft runs show \1\)\n", result.stderr)
    return int(match.group(1)) if match else None


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message)


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "store", "runs.sqlite")
        for args in (["run", "--model", "eum"], ["run", "--model", "smp", "--format", "json"],
                     ["compare"], ["compare", "--format", "json"]):
            unsaved = run(binary, *args, "--no-save")
            saved = run(binary, *args, "--db", db)
            check(saved.stdout == unsaved.stdout and saved_line(saved) is not None,
                  f"saving does not change what `{' '.join(args)}` prints")
        listed = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json").stdout)
        runs = listed["runs"]
        check([r["kind"] for r in runs] == ["compare", "compare", "run", "run"],
              "runs list: newest first, every saved run")
        check(len({r["scenario_hash"] for r in runs}) == 1, "one scenario hash for one scenario")
        table = run(binary, "runs", "list", "--db", db).stdout
        check("compare" in table and "eum" in table, "runs list as a table")
        smp = runs[2]
        shown = json.loads(run(binary, "runs", "show", str(smp["id"]), "--db", db,
                               "--format", "json").stdout)
        printed = json.loads(run(binary, "run", "--model", "smp", "--format", "json",
                                 "--no-save").stdout)
        check(shown["result"] == printed, "runs show returns the JSON the run printed")
        check(shown["params"]["smp"] == printed["params"], "the resolved parameters are saved")
        check("scenario sha256:" in run(binary, "runs", "show", str(smp["id"]), "--db", db).stdout,
              "runs show as text")
        export_path = os.path.join(folder, "export.json")
        run(binary, "runs", "export", str(runs[0]["id"]), "--db", db, "-o", export_path)
        with open(export_path, encoding="utf-8") as handle:
            exported = json.load(handle)
        check(len(exported["result"]["models"]) == len(exported["models"]) and exported["positions"],
              "runs export: every model's result and positions")
        report = os.path.join(folder, "run.html")
        printed_path = run(binary, "report", "--run", str(runs[0]["id"]), "--db", db,
                           "-o", report).stdout.strip()
        with open(report, encoding="utf-8") as handle:
            html = handle.read()
        check(printed_path == report and 'data-chart="trajectory"' in html,
              "report --run draws a saved comparison")
        run(binary, "runs", "delete", str(smp["id"]), "--db", db)
        after = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json").stdout)
        check(len(after["runs"]) == 3, "runs delete removes one run")
        run(binary, "runs", "show", str(smp["id"]), "--db", db, expect=2)
        run(binary, "runs", "delete", "999", "--db", db, expect=2)
        run(binary, "report", "--run", "999", "--db", db, "-o", report, expect=2)
        not_a_store = os.path.join(folder, "notes.txt")
        with open(not_a_store, "w", encoding="utf-8") as handle:
            handle.write("not a database, just text long enough to fill a header page\n" * 20)
        run(binary, "runs", "list", "--db", not_a_store, expect=2)
        run(binary, "run", "--db", not_a_store, expect=2)
        check(True, "bad ids and files that are not stores are bad input")

        # whatif saves like run: the same output, kind "whatif", the printed JSON, and the
        # central forecast of every plan and model.
        whatif = ["whatif", "--model", "compromise", "--model", "median", "--draws", "40",
                  "--seed", "3", "--format", "json"]
        unsaved = run(binary, *whatif, "--no-save")
        saved = run(binary, *whatif, "--db", db)
        check(saved.stdout == unsaved.stdout and saved_line(saved) is not None,
              "saving does not change what `whatif` prints")
        newest = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                                "-n", "1").stdout)["runs"][0]
        check(newest["kind"] == "whatif" and newest["models"] == ["compromise", "median"]
              and newest["seed"] == 3, "runs list shows the whatif with its models and seed")
        shown = json.loads(run(binary, "runs", "show", str(newest["id"]), "--db", db,
                               "--format", "json").stdout)
        check(shown["result"] == json.loads(unsaved.stdout),
              "runs show returns the JSON the whatif printed")
        check(shown["options"]["draws"] == 40, "the whatif's draws are saved")
        plans = [case["plan"] for case in shown["result"]["plans"]]
        check([item["plan"] for item in shown["plan"]] == plans, "the whatif's plans are saved")
        exported = json.loads(run(binary, "runs", "export", str(newest["id"]), "--db", db).stdout)
        names = {outcome["model"] for outcome in exported["outcomes"]}
        check(names == {f"{plan}/{model}" for plan in plans for model in ("compromise", "median")},
              "outcomes of every plan and model: " + ", ".join(sorted(names)))
        table = run(binary, "whatif", "--model", "compromise", "--draws", "20", "--db", db)
        check("baseline" in table.stdout and saved_line(table) is not None,
              "whatif as a table saves too")
        count = len(json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                                   "-n", "0").stdout)["runs"])
        run(binary, *whatif, "--no-save", "--db", db)
        check(len(json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                                 "-n", "0").stdout)["runs"]) == count,
              "whatif --no-save saves nothing")
        run(binary, "whatif", "--draws", "20", "--db", not_a_store, expect=2)

        # sweep and optimize save too: the same output, their kind, the printed JSON.
        def newest_run():
            return json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                                  "-n", "1").stdout)["runs"][0]

        def shown_run(run_id):
            return json.loads(run(binary, "runs", "show", str(run_id), "--db", db,
                                  "--format", "json").stdout)

        saved_runs = {}
        for command, kind in ((["sweep", "--model", "median", "--plan", "L2", "--draws", "300",
                                "--seed", "9", "--target", "munitions<=25"], "sweep"),
                              (["optimize", "--target", "munitions<=40", "--draws", "30",
                                "--probability", "0.6", "--seed", "2"], "optimize")):
            label = command[0]
            unsaved = run(binary, *command, "--format", "json", "--no-save")
            saved = run(binary, *command, "--format", "json", "--db", db)
            check(saved.stdout == unsaved.stdout and saved_line(saved) is not None,
                  f"saving does not change what `{label}` prints")
            newest = newest_run()
            check(newest["kind"] == kind and newest["status"] == "complete",
                  f"runs list shows the complete {kind}")
            shown = shown_run(newest["id"])
            saved_runs[kind] = shown
            check(shown["result"] == json.loads(unsaved.stdout),
                  f"runs show returns the JSON `{label}` printed")
            table = run(binary, *command, "--db", db)
            check(saved_line(table) == newest["id"] + 1 and newest_run()["id"] == newest["id"] + 1,
                  f"`{label}` as a table saves too")
            run(binary, *command, "--no-save", "--db", db)
            check(newest_run()["id"] == newest["id"] + 1, f"`{label} --no-save` saves nothing")
            run(binary, *command, "--db", not_a_store, expect=2)
        check(saved_runs["sweep"]["draws_saved"] == 300
              and saved_runs["sweep"]["draws_planned"] == 300,
              "a saved sweep keeps its per-draw outcomes")
        optimize_run = saved_runs["optimize"]
        check(optimize_run["options"]["target"] == "munitions<=40"
              and optimize_run["options"]["probability"] == 0.6
              and optimize_run["models"] == ["compromise"],
              "a saved optimisation keeps its target, probability and models")
    return 0


if __name__ == "__main__":
    sys.exit(main())
