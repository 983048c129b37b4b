#!/usr/bin/env python3
"""Distributed sweeps print exactly what a single process prints.

Runs `statecraft sweep|optimize|whatif ... --format json` once as one process and once under
`mpirun -np N ... --mpi`, and requires byte-identical standard output, for several draw counts
(including fewer draws than ranks) and models. A bad input must fail the same way under MPI,
with its message written once.

usage: mpi_identity_test.py MPIEXEC STATECRAFT
"""
import os
import subprocess
import sys
import tempfile

MPIEXEC, BINARY = sys.argv[1], sys.argv[2]

# Runs are saved to the run store under XDG_DATA_HOME: keep them in a temporary folder.
STORE_HOME = tempfile.TemporaryDirectory()
# Open MPI refuses to run as root and to start more ranks than cores unless told so (CI runs as
# root on small machines); other MPIs ignore these variables. Open MPI's own allocations are not
# freed at exit, so LeakSanitizer (sanitizer builds) must not judge the MPI processes.
ENVIRONMENT = dict(os.environ,
                   OMPI_ALLOW_RUN_AS_ROOT="1",
                   OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
                   OMPI_MCA_rmaps_base_oversubscribe="1",
                   ASAN_OPTIONS="detect_leaks=0",
                   XDG_DATA_HOME=STORE_HOME.name)
failures = []


def run(command, ranks=None):
    if ranks is not None:
        command = [MPIEXEC, "-np", str(ranks), BINARY] + command + ["--mpi"]
    else:
        command = [BINARY] + command
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=ENVIRONMENT)


def check_identical(arguments, ranks):
    single = run(arguments)
    spread = run(arguments, ranks)
    name = " ".join(arguments) + f" on {ranks} ranks"
    if single.returncode != 0:
        failures.append(f"{name}: the single process failed: {single.stderr}")
    elif spread.returncode != 0:
        failures.append(f"{name}: exit code {spread.returncode}: {spread.stderr}")
    elif single.stdout != spread.stdout:
        failures.append(f"{name}: the output differs from the single process's")
    else:
        print(f"ok: {name} ({len(single.stdout)} bytes)")


SWEEP = ["sweep", "--plan", "L1+L3+L5", "--target", "munitions<=25", "--format", "json",
         "--seed", "5"]
for draws in (1, 3, 200, 1001):
    check_identical(SWEEP + ["--draws", str(draws)], 2)
check_identical(SWEEP + ["--draws", "2"], 3)  # one rank has no draw
# Past 100,000 draws the sweep runs in blocks and keeps inputs for the first 100,000 only.
check_identical(SWEEP + ["--draws", "100003"], 2)
check_identical(SWEEP + ["--draws", "41", "--model", "eum", "--threads", "2"], 2)
check_identical(SWEEP + ["--draws", "23", "--model", "exchange"], 2)
check_identical(["optimize", "--target", "munitions<=25", "--format", "json", "--draws", "60"], 2)
check_identical(["whatif", "--plan", "relief", "--plan", "L1+L3", "--target", "munitions<=60",
                 "--format", "json", "--draws", "99", "--model", "compromise", "--model", "eum"], 2)
check_identical(["optimize", "--target", "munitions<=40", "--format", "json", "--draws", "15",
                 "--model", "compromise", "--model", "eum", "--probability", "0.6"], 2)

# A bad input: the same exit code and message, written once (by rank 0 only).
single = run(["sweep", "--draws", "0"])
spread = run(["sweep", "--draws", "0"], 2)
message = single.stderr.strip()
if single.returncode != 2 or spread.returncode == 0:
    failures.append(f"--draws 0: exit codes {single.returncode} and {spread.returncode}")
elif spread.stderr.count(message) != 1 or spread.stdout:
    failures.append(f"--draws 0 under MPI: expected the message once, got: {spread.stderr}")
else:
    print("ok: a bad input fails once under MPI")

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
