#!/usr/bin/env python3
"""Writes the run-store fixture tests/store/store-0.1.0.sqlite with the `statecraft` of a release.

usage: make_fixture.py BINARY OUTPUT

BINARY is the release's program (0.1.0 for the fixture in this folder: commit f376237, built with
`cmake --build build --target statecraft_cli`). The store it writes holds, in this order:

  1  run       `run --model eum` on the built-in scenario
  2  sweep     `sweep --model compromise --draws 100 --seed 3 --target munitions<=25`, complete
  3  optimize  `optimize --target munitions<=25 --probability 0.8 --draws 40 --seed 4`
  4  sweep     `sweep --model eum --draws 1000 --seed 5 --target munitions<=25`, killed once a
               block of draws was saved: a running sweep for `runs resume` to complete

The store is then checkpointed into one file (no -wal beside it) and vacuumed, so that the
fixture is one file (about 380 KB: each saved block of draws keeps every sampled input).
tests/store/upgrade_test.py opens it with the current program.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

KILLED_SWEEP = ["sweep", "--model", "eum", "--draws", "1000", "--seed", "5",
                "--target", "munitions<=25", "--format", "json"]


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {result.returncode}\n{result.stderr}")


def saved_blocks(db, run_id):
    try:
        connection = sqlite3.connect(db, timeout=30)
        try:
            return connection.execute("SELECT COUNT(*) FROM sweep_blocks WHERE run_id = ?",
                                      (run_id,)).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


def main():
    binary, output = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "runs.sqlite")
        run(binary, "run", "--model", "eum", "--db", db)
        run(binary, "sweep", "--model", "compromise", "--draws", "100", "--seed", "3",
            "--target", "munitions<=25", "--db", db)
        run(binary, "optimize", "--target", "munitions<=25", "--probability", "0.8",
            "--draws", "40", "--seed", "4", "--db", db)
        sweep = subprocess.Popen([binary, *KILLED_SWEEP, "--db", db], stdout=subprocess.DEVNULL)
        try:
            deadline = time.time() + 1800
            while saved_blocks(db, 4) < 1:
                if sweep.poll() is not None or time.time() > deadline:
                    raise SystemExit("the sweep ended before a block was saved")
                time.sleep(0.01)
            os.kill(sweep.pid, signal.SIGKILL)
        finally:
            sweep.kill()
            sweep.wait()
        connection = sqlite3.connect(db)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
        statuses = connection.execute("SELECT id, kind, status FROM runs ORDER BY id").fetchall()
        connection.close()
        print(statuses)
        with open(db, "rb") as source, open(output, "wb") as target:
            target.write(source.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
