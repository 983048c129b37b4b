#!/usr/bin/env python3
"""The run store under faults, through the command line (`statecraft run|compare --db PATH`):

1. A read-only store (file and folder not writable) and a folder where no store can be created:
   one clear error before any work (exit 2, one line naming the path and saying why). The runs
   commands that only read (list, show, export) work on such a store; `runs delete` says why it
   cannot (exit 2).
2. A full disk, two ways: a small tmpfs filled up (when this process may mount one, i.e. as root
   on Linux) and a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored, so writes past it fail
   with EFBIG as on a full volume) — always. The command still prints its result, warns once that
   the run was not saved, and the store keeps every earlier run and passes integrity_check; once
   space is back, saving works again.

Read-only permissions do not bind root, so as root the commands of case 1 run as user nobody
(setpriv) and, when possible, on a read-only tmpfs mount as well.

usage: store_faults_test.py BINARY
"""
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile

NOBODY = 65534


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message, flush=True)


def skip(message):
    print("skip - " + message, flush=True)


def command(binary, *args, as_nobody=False, file_size_limit=None):
    prefix = []
    if as_nobody:
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]

    def limit():
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the ignored disposition survives exec
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(prefix + [binary, *args], capture_output=True, text=True, timeout=600,
                          preexec_fn=limit)


def runs_of(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        runs = connection.execute("SELECT id, kind, status FROM runs ORDER BY id").fetchall()
    finally:
        connection.close()
    return integrity, runs


def stderr_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def saved_only(result):
    """True when standard error holds only the line naming the saved run."""
    lines = stderr_lines(result)
    return len(lines) == 1 and re.fullmatch(r"saved as run (\d+) \(statecraft runs show \1\)",
                                            lines[0]) is not None


def seed_store(binary, db):
    for args in (["run", "--model", "compromise"], ["compare"]):
        result = command(binary, *args, "--db", db)
        check(result.returncode == 0, f"{' '.join(args)} --db saves ({result.stderr.strip()})")
    integrity, runs = runs_of(db)
    check(integrity == "ok" and len(runs) == 2, f"the store holds two runs {runs}")
    return runs


def check_refused(result, db, label, words):
    lines = stderr_lines(result)
    check(result.returncode == 2, f"{label}: exit 2 (got {result.returncode})")
    check(len(lines) == 1 and lines[0].startswith("statecraft: error: ") and db in lines[0],
          f"{label}: one error line naming the store: {lines}")
    check(any(word in lines[0] for word in words), f"{label}: the error says why ({words})")
    check(result.stdout == "", f"{label}: nothing is computed or printed")


def read_only_cases(binary, folder):
    am_root = os.geteuid() == 0
    if am_root and shutil.which("setpriv") is None:
        skip("read-only cases: running as root without setpriv to drop privileges")
        return
    store_folder = os.path.join(folder, "read-only")
    os.mkdir(store_folder)
    db = os.path.join(store_folder, "runs.sqlite")
    runs = seed_store(binary, db)
    os.chmod(db, 0o444)
    os.chmod(store_folder, 0o555)
    os.chmod(folder, 0o755)
    try:
        result = command(binary, "run", "--model", "mean", "--db", db, as_nobody=am_root)
        check_refused(result, db, "read-only store", ["read-only", "readonly"])
        check(runs_of(db) == ("ok", runs), "read-only store: unchanged and intact")

        missing = os.path.join(store_folder, "new.sqlite")
        result = command(binary, "run", "--model", "mean", "--db", missing, as_nobody=am_root)
        check_refused(result, missing, "store in a read-only folder", ["ermission", "read-only"])
        check(not os.path.exists(missing), "store in a read-only folder: no file left behind")

        # Reading needs no write access: the runs commands that only read work, the one that
        # changes the store says why it cannot, and the store is left as it was.
        for mode, label in ((0o444, "read-only store in a read-only folder"),
                            (0o644, "writable store in a read-only folder")):
            os.chmod(db, mode)
            for args in (["list"], ["show", "1"], ["export", "1"]):
                result = command(binary, "runs", *args, "--db", db, as_nobody=am_root)
                check(result.returncode == 0 and result.stdout and not stderr_lines(result),
                      f"{label}: runs {' '.join(args)} works ({result.stderr.strip()})")
            result = command(binary, "runs", "delete", "1", "--db", db, as_nobody=am_root)
            check_refused(result, db, f"{label}: runs delete", ["read-only", "readonly"])
            check(runs_of(db) == ("ok", runs), f"{label}: unchanged and intact")
    finally:
        os.chmod(store_folder, 0o755)
        os.chmod(db, 0o644)


def check_not_saved(result, label):
    lines = stderr_lines(result)
    check(result.returncode == 0 and "outcome" in result.stdout,
          f"{label}: the result is still printed (exit {result.returncode})")
    check(len(lines) == 1 and "not saved" in lines[0],
          f"{label}: one warning that the run was not saved: {lines}")


def full_tmpfs_case(binary, folder):
    mount_point = os.path.join(folder, "small-volume")
    os.mkdir(mount_point)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount_point],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        skip(f"full tmpfs: cannot mount a tmpfs here ({mounted.stderr.strip()})")
        return
    try:
        db = os.path.join(mount_point, "runs.sqlite")
        runs = seed_store(binary, db)
        filler = os.path.join(mount_point, "filler")
        try:
            with open(filler, "wb") as out:
                while True:
                    out.write(b"\0" * 4096)
                    out.flush()
        except OSError:
            pass  # the volume is full
        result = command(binary, "compare", "--format", "json", "--db", db)
        check_not_saved(result, "full tmpfs")
        check(runs_of(db) == ("ok", runs), "full tmpfs: earlier runs intact, integrity ok")
        os.remove(filler)
        result = command(binary, "run", "--model", "mean", "--db", db)
        check(result.returncode == 0 and saved_only(result),
              f"full tmpfs: saving works again once space is back ({result.stderr.strip()})")
        integrity, after = runs_of(db)
        check(integrity == "ok" and len(after) == len(runs) + 1, "full tmpfs: the new run is saved")

        # A read-only volume, as root sees it: remounted read-only.
        remounted = subprocess.run(["mount", "-o", "remount,ro", mount_point],
                                   capture_output=True, text=True)
        if remounted.returncode != 0:
            skip(f"read-only volume: cannot remount ({remounted.stderr.strip()})")
            return
        result = command(binary, "run", "--model", "mean", "--db", db)
        check_refused(result, db, "read-only volume", ["read-only", "readonly"])
        check(runs_of(db) == ("ok", after), "read-only volume: unchanged and intact")
    finally:
        subprocess.run(["umount", mount_point], capture_output=True)


def file_size_limit_case(binary, folder):
    store_folder = os.path.join(folder, "file-size-limit")
    os.mkdir(store_folder)
    db = os.path.join(store_folder, "runs.sqlite")
    runs = seed_store(binary, db)
    # Opening needs the 32 kB shared-memory index; the write-ahead log starts empty, and a
    # comparison's rounds need far more than 64 kB of it.
    result = command(binary, "compare", "--format", "json", "--db", db, file_size_limit=65536)
    check_not_saved(result, "file-size limit")
    check(runs_of(db) == ("ok", runs), "file-size limit: earlier runs intact, integrity ok")
    result = command(binary, "run", "--model", "mean", "--db", db)
    check(result.returncode == 0 and saved_only(result),
          f"file-size limit: saving works again without the limit ({result.stderr.strip()})")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        read_only_cases(binary, folder)
        file_size_limit_case(binary, folder)
        full_tmpfs_case(binary, folder)


if __name__ == "__main__":
    sys.exit(main())
