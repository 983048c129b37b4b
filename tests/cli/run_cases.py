#!/usr/bin/env python3
"""Runs statecraft command-line cases: a command, its exit code, and text its output must hold.

A .cases file holds cases separated by blank lines:

    # what the case checks (a comment; the first one names the case)
    $ statecraft run --model nosuch          command; "statecraft" is the binary under test,
                                             $TMP a fresh temp dir; paths are relative to the
                                             repository root (data/, tests/)
    ? 2                                      expected exit code (default 0)
    > text                                   standard output must contain this line's text
    ! text                                   standard error must contain this line's text
    < text                                   standard output must NOT contain this text
    @ path                                   this file must exist afterwards ($TMP allowed)
    ~ path                                   this file or folder must not exist afterwards

Whatever the case says, a command that exits with code 2 (bad input) must print nothing on
standard output and exactly one line on standard error: the one clear message.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile


def parse_cases(path):
    cases, current = [], None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                if current and current.get("command"):
                    cases.append(current)
                current = None
                continue
            if current is None:
                current = {"name": None, "line": number, "exit": 0, "stdout": [], "stderr": [],
                           "absent": [], "files": [], "no_files": [], "command": None}
            tag, text = line[:1], line[2:]
            if tag == "#":
                current["name"] = current["name"] or text.strip()
            elif tag == "$":
                current["command"] = text
            elif tag == "?":
                current["exit"] = int(text)
            elif tag == ">":
                current["stdout"].append(text)
            elif tag == "!":
                current["stderr"].append(text)
            elif tag == "<":
                current["absent"].append(text)
            elif tag == "@":
                current["files"].append(text)
            elif tag == "~":
                current["no_files"].append(text)
            else:
                raise SystemExit(f"{path}:{number}: unknown line tag {tag!r}")
    if current and current.get("command"):
        cases.append(current)
    return cases


def run_case(case, binary, path):
    with tempfile.TemporaryDirectory() as temporary:
        words = [word.replace("$TMP", temporary)
                 for word in shlex.split(case["command"])]
        if words[0] != "statecraft":
            return [f"command must start with 'statecraft': {case['command']}"]
        # Runs are saved to the run store under XDG_DATA_HOME: keep them in the case's temp dir.
        environment = dict(os.environ, XDG_DATA_HOME=temporary)
        result = subprocess.run([binary] + words[1:], capture_output=True, text=True,
                                timeout=600, env=environment)
        failures = []
        if result.returncode != case["exit"]:
            failures.append(f"exit code {result.returncode}, expected {case['exit']}")
        for text in case["stdout"]:
            if text not in result.stdout:
                failures.append(f"stdout lacks: {text}")
        for text in case["stderr"]:
            if text not in result.stderr:
                failures.append(f"stderr lacks: {text}")
        for text in case["absent"]:
            if text in result.stdout:
                failures.append(f"stdout holds: {text}")
        for name in case["files"]:
            if not os.path.exists(name.replace("$TMP", temporary)):
                failures.append(f"missing file: {name}")
        for name in case["no_files"]:
            if os.path.exists(name.replace("$TMP", temporary)):
                failures.append(f"left behind: {name}")
        if result.returncode == 2:
            if result.stdout:
                failures.append("bad input wrote to stdout")
            if len(result.stderr.strip().splitlines()) != 1:
                failures.append("bad input: expected exactly one line on stderr")
        if failures:
            failures.append(f"stdout was:\n{result.stdout[:3000]}")
            failures.append(f"stderr was:\n{result.stderr[:3000]}")
        return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    passed = failed = 0
    for path in args.files:
        for case in parse_cases(path):
            failures = run_case(case, os.path.abspath(args.binary), path)
            label = f"{path}:{case['line']}: {case['name'] or case['command']}"
            if failures:
                failed += 1
                print(f"FAIL {label}\n  $ {case['command']}\n  " + "\n  ".join(failures))
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
