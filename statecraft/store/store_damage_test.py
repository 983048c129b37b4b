#!/usr/bin/env python3
"""A run store with damaged pages, through the command line (issue 15, class 8).

1. The page headers in the middle of the file overwritten: every `statecraft runs` command
   (list, show, export, resume, delete) checks the store's structure first and ends with exit 2
   and one line naming the store, saying it is damaged and how to recover what is left; nothing
   on standard output.
1b. The contents of those pages overwritten (the structure intact, so no check short of reading
   every run finds it): the commands that read a damaged run (list, show) say so in the same way,
   in valid UTF-8 however garbled the stored bytes are.
2. The header of every page but the first overwritten: run, compare and sweep do their work,
   then meet the damage when they save and end with exit 2 and that line, instead of a warning
   and exit 0. (Saving does not check the whole store, which would make it as slow as the store
   is large: damage in pages a save does not touch is found by the next `runs` command.)
3. The runs commands never change the file.

usage: store_damage_test.py BINARY
"""
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

PAGE = 4096


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message, flush=True)


def command(binary, *args):
    # errors="strict": a message that echoes damaged bytes fails the test.
    return subprocess.run([binary, *args], capture_output=True, text=True, errors="strict",
                          timeout=600)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def damage(path, pages, seed, offset=100, length=300):
    """Overwrites `length` bytes at `offset` in each of `pages` (numbered from 0) with random
    bytes."""
    generator = random.Random(seed)
    with open(path, "r+b") as handle:
        for page in pages:
            handle.seek(page * PAGE + offset)
            handle.write(bytes(generator.getrandbits(8) for _ in range(length)))


def check_damaged(result, db, label, stdout_allowed=False):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    ok = result.returncode == 2
    check(ok, f"{label}: exit 2" + ("" if ok else f" (got {result.returncode}: {lines})"))
    ok = len(lines) == 1 and lines[-1].startswith("statecraft: error: ")
    check(ok, f"{label}: one error line" + ("" if ok else f" ({lines})"))
    line = lines[-1]
    check(os.path.basename(db) in line and "damaged" in line and ".recover" in line,
          f"{label}: names the store, says it is damaged and what to do")
    if not stdout_allowed:
        check(result.stdout == "", f"{label}: nothing on standard output")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        seeded = os.path.join(folder, "seeded.sqlite")
        for args in (["run", "--model", "compromise"], ["compare"],
                     ["sweep", "--draws", "40", "--model", "compromise"]):
            result = command(binary, *args, "--db", seeded)
            check(result.returncode == 0, f"{' '.join(args)} saves into a new store")
        # The store keeps its latest commits in the write-ahead log beside it (it does not wait
        # for the disk on close); fold them into the file, so that copies of the file alone hold
        # every run.
        with sqlite3.connect(seeded) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        check(not os.path.exists(seeded + "-wal") or os.path.getsize(seeded + "-wal") == 0,
              "the seeded store has no pending write-ahead log")
        pages = os.path.getsize(seeded) // PAGE

        # 1. Damaged structure in the middle: the runs commands check the store first.
        middle = os.path.join(folder, "middle.sqlite")
        shutil.copy(seeded, middle)
        damage(middle, range(2, pages), seed=1, offset=0, length=16)
        before = digest(middle)
        for args in (["list"], ["show", "1"], ["export", "1"], ["resume", "3"], ["delete", "1"]):
            result = command(binary, "runs", *args, "--db", middle)
            check_damaged(result, middle, "runs " + " ".join(args))
        check(digest(middle) == before, "the runs commands leave the damaged store as it was")

        # 1b. Damaged contents: found where a run is read.
        contents = os.path.join(folder, "contents.sqlite")
        shutil.copy(seeded, contents)
        damage(contents, range(2, pages), seed=1)
        before = digest(contents)
        for args in (["list"], ["show", "1"]):
            result = command(binary, "runs", *args, "--db", contents)
            check_damaged(result, contents, "damaged contents: runs " + " ".join(args))
        check(digest(contents) == before, "reading leaves the damaged store as it was")

        # 2. Every page header but the first page's: saving meets the damage and says so.
        everywhere = os.path.join(folder, "everywhere.sqlite")
        for args in (["run", "--model", "compromise"], ["compare"],
                     ["sweep", "--draws", "20", "--model", "compromise"]):
            shutil.copy(seeded, everywhere)
            damage(everywhere, range(1, pages), seed=2, offset=0, length=16)
            result = command(binary, *args, "--db", everywhere)
            # run and compare print their result first, then meet the damage when saving; a
            # sweep saves as it goes, so it stops before printing.
            check_damaged(result, everywhere, " ".join(args), stdout_allowed=args[0] != "sweep")
    return 0


if __name__ == "__main__":
    sys.exit(main())
