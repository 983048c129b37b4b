#!/usr/bin/env python3
"""The command line as a terminal user meets it: progress on standard error through a
pseudo-terminal (updated in place, erased at the end, never on standard output), --progress and
--quiet, the "saved as run N" line, runs list with its columns, filters and store size, and
runs gc.

usage: terminal_test.py BINARY
"""
import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

FAILED = []


def check(condition, message):
    print(("ok - " if condition else "FAIL ") + message)
    if not condition:
        FAILED.append(message)


def run(binary, *args, expect=0, env=None):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=600, env=env)
    if result.returncode != expect:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {result.returncode}, expected {expect}\n"
                         f"stdout: {result.stdout[:2000]}\nstderr: {result.stderr[:2000]}")
    return result


def run_on_terminal(binary, *args, env=None):
    """Runs with standard error on a pseudo-terminal and standard output on a pipe; returns
    (exit code, stdout, everything written to the terminal)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([binary, *args], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    terminal = b""
    while True:
        ready, _, _ = select.select([master], [], [], 600)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    stdout = process.stdout.read().decode()
    process.wait(timeout=600)
    os.close(master)
    return process.returncode, stdout, terminal.decode(errors="replace")


def visible_after_erase(terminal):
    """What a terminal shows on the progress line at the end: the text after the last carriage
    return, which the erasing leaves blank."""
    return terminal.split("\r")[-1]


def progress_cases(binary, env):
    commands = {
        "sweep": ["sweep", "--draws", "3000", "--target", "munitions<=25", "--no-save"],
        "whatif": ["whatif", "--draws", "300", "--model", "compromise", "--no-save"],
        "optimize": ["optimize", "--target", "munitions<=40", "--draws", "20", "--no-save"],
        "backtest": ["backtest", "flagship"],
    }
    units = {"sweep": "draws", "whatif": "draws", "optimize": "plans weighed",
             "backtest": "forecasts"}
    for label, args in commands.items():
        plain = run(binary, *args, env=env)
        code, stdout, terminal = run_on_terminal(binary, *args, env=env)
        check(code == 0, f"{label}: exit 0 on a terminal")
        check(stdout == plain.stdout, f"{label}: standard output is the same with progress shown")
        check("\r" not in stdout and "/s" not in stdout, f"{label}: no progress on standard output")
        shown = re.findall(label + r": (\d+)/(\d+) " + units[label], terminal)
        check(len(shown) >= 2, f"{label}: progress drawn on the terminal ({len(shown)} times)")
        if shown:
            done, total = shown[-1]
            check(done == total and int(total) > 0, f"{label}: the last update is {done}/{total}")
        check(re.search(units[label] + r"/s", terminal) is not None, f"{label}: the rate is shown")
        check(visible_after_erase(terminal).strip() == "", f"{label}: the line is erased at the end")
        check(plain.stderr == "", f"{label}: no progress when standard error is not a terminal")
        code, _, quiet = run_on_terminal(binary, *args, "--quiet", env=env)
        check(code == 0 and quiet == "", f"{label} --quiet: nothing on the terminal ({quiet!r})")
    forced = run(binary, *commands["sweep"], "--progress", env=env)
    # Read as text, each carriage return reads as a new line: the last one is the erased line.
    check(re.search(r"sweep: 3000/3000 draws \(100%\)", forced.stderr) is not None
          and forced.stderr.split("\n")[-2].strip() == "",
          "--progress: shown and erased on a pipe too")
    check("about" in run_on_terminal(binary, "sweep", "--draws", "200000", "--model", "compromise",
                                     "--no-save", "--threads", "1", env=env)[2],
          "a longer sweep says how long is left")


def store_cases(binary, env, folder):
    db = os.path.join(folder, "runs.sqlite")
    saved = run(binary, "run", "--model", "median", "--db", db, env=env)
    check(saved.stderr == "saved as run 1 (statecraft runs show 1)\n",
          f"run: saved as run 1 on standard error ({saved.stderr!r})")
    quiet = run(binary, "compare", "--db", db, "--quiet", env=env)
    check(quiet.stderr == "" and "issue" in quiet.stdout, "compare --quiet: the result alone")
    run(binary, "sweep", "--draws", "50", "--plan", "L2", "--target", "munitions<=25", "--db", db,
        "--quiet", env=env)
    run(binary, "whatif", "--draws", "20", "--model", "median", "--db", db, "--quiet", env=env)
    run(binary, "run", "--model", "mean", "tests/scenarios/two_actors.json", "--db", db,
        "--quiet", env=env)
    table = run(binary, "runs", "list", "--db", db, env=env).stdout
    header = [line for line in table.splitlines() if line.startswith("id")]
    check(header and header[0].split() == ["id", "kind", "status", "models", "plan", "target",
                                           "draws", "scenario", "age"],
          f"runs list: its columns ({header})")
    check(re.search(r"store: .*runs\.sqlite \([\d.]+ [kM]?B, 5 runs", table) is not None,
          "runs list: the store's size and run count")
    sweep_row = [line for line in table.splitlines() if " sweep " in line]
    check(sweep_row and "L2" in sweep_row[0] and "munitions<=25" in sweep_row[0]
          and " 50 " in sweep_row[0], f"runs list: a sweep's plan, target and draws ({sweep_row})")
    listed = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                            env=env).stdout)
    check(listed["store_runs"] == 5 and listed["store_bytes"] > 0, "runs list JSON: store size")
    kinds = json.loads(run(binary, "runs", "list", "--db", db, "--kind", "run", "--format",
                           "json", env=env).stdout)["runs"]
    check([item["kind"] for item in kinds] == ["run", "run"], "runs list --kind run")
    two = json.loads(run(binary, "runs", "list", "--db", db, "--scenario", "Two actors, JSON",
                         "--format", "json", env=env).stdout)["runs"]
    check(len(two) == 1 and two[0]["models"] == ["mean"], f"runs list --scenario ({two})")
    complete = json.loads(run(binary, "runs", "list", "--db", db, "--status", "complete",
                              "--format", "json", env=env).stdout)["runs"]
    check(len(complete) == 5, "runs list --status complete")
    bad = run(binary, "runs", "list", "--db", db, "--kind", "swep", expect=2, env=env)
    check("did you mean 'sweep'" in bad.stderr, f"runs list --kind: a suggestion ({bad.stderr!r})")
    none = run(binary, "runs", "list", "--db", db, "--status", "running", env=env).stdout
    check("no run matches" in none, "runs list: says when no run matches")

    dry = run(binary, "runs", "gc", "--keep", "2", "--dry-run", "--db", db, env=env).stdout
    check("would remove 3 runs (1-3)" in dry, f"runs gc --dry-run says what would go ({dry!r})")
    check(len(json.loads(run(binary, "runs", "list", "--db", db, "--format", "json",
                             env=env).stdout)["runs"]) == 5, "runs gc --dry-run removes nothing")
    removed = run(binary, "runs", "gc", "--keep", "2", "--db", db, env=env).stdout
    check("removed 3 runs (1-3); 2 runs kept" in removed and "->" in removed,
          f"runs gc --keep 2: a summary with the sizes ({removed!r})")
    left = json.loads(run(binary, "runs", "list", "--db", db, "--format", "json", env=env).stdout)
    check([item["id"] for item in left["runs"]] == [5, 4], "runs gc --keep 2 keeps the newest")
    run(binary, "runs", "show", "1", "--db", db, expect=2, env=env)
    later = run(binary, "runs", "gc", "--before", "2000-01-01", "--db", db, env=env).stdout
    check("no run to remove; 2 runs kept" in later, f"runs gc --before an old date ({later!r})")
    report = json.loads(run(binary, "runs", "gc", "--before", "2999-01-01T00:00", "--db", db,
                            "--format", "json", env=env).stdout)
    check(report["removed"] == [4, 5] and report["runs_left"] == 0,
          "runs gc --before a later date removes them all")
    for args, words in ((["runs", "gc"], "--keep N or --before DATE"),
                        (["runs", "gc", "--before", "yesterday"], "expected a UTC date"),
                        (["runs", "gc", "--before", "2026-13-01"], "expected a UTC date"),
                        (["runs", "gc", "--keep", "-3"], "--keep: found -3")):
        result = run(binary, *args, "--db", db, expect=2, env=env)
        check(words in result.stderr and result.stdout == ""
              and len(result.stderr.strip().splitlines()) == 1,
              f"{' '.join(args)}: one clear error ({result.stderr.strip()})")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, XDG_DATA_HOME=folder, COLUMNS="120")
        progress_cases(binary, env)
        store_cases(binary, env, folder)
    print(f"{len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
