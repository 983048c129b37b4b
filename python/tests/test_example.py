"""The examples under examples/python run end to end on few draws. Each example has its quick
arguments here; an example added without them fails test_every_example_is_run."""

import glob
import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR

EXAMPLES_DIR = os.path.join(SOURCE_DIR, "examples", "python")

# example file -> (arguments for a quick run, the output folder's option, expected text)
EXAMPLES = {
    "flagship.py": (["--draws", "10", "--optimize-draws", "5", "--threads", "2"], "--out",
                    ["1. Baseline forecast", "2. Plans", "3. Cheapest plan", "4. Backtest",
                     "5. Where the models disagree"]),
    "levers_tour.py": (["--draws", "20", "--threads", "2"], "--out",
                       ["statecraft.Result: eum", "statecraft.Comparison",
                        "statecraft.WhatifResult", "With Russia's counter-lever",
                        "statecraft.SweepResult"]),
}
CHARTS = {"flagship.py": ["baseline.png", "plans.png", "trajectories.png"],
          "levers_tour.py": ["trajectories.png", "whatif.png", "sweep.png"]}


def test_every_example_is_run():
    found = sorted(os.path.basename(path) for path in glob.glob(os.path.join(EXAMPLES_DIR,
                                                                             "*.py")))
    assert found == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs(name, tmp_path):
    arguments, out_option, expected = EXAMPLES[name]
    completed = subprocess.run(
        [sys.executable, os.path.join(EXAMPLES_DIR, name), *arguments, out_option, str(tmp_path)],
        capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    for text in expected:
        assert text in completed.stdout
    assert " object at 0x" not in completed.stdout
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib" in completed.stdout
    else:
        for chart in CHARTS[name]:
            assert (tmp_path / chart).stat().st_size > 0
