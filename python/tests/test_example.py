"""The worked example (examples/python/flagship.py) runs end to end on few draws."""

import os
import subprocess
import sys

from conftest import SOURCE_DIR


def test_flagship_example_runs(tmp_path):
    script = os.path.join(SOURCE_DIR, "examples", "python", "flagship.py")
    completed = subprocess.run(
        [sys.executable, script, "--draws", "10", "--optimize-draws", "5", "--threads", "2",
         "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    for heading in ["1. Baseline forecast", "2. Plans", "3. Cheapest plan", "4. Backtest",
                    "5. Where the models disagree"]:
        assert heading in completed.stdout
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib is not installed" in completed.stdout
    else:
        for chart in ["baseline.png", "plans.png", "trajectories.png"]:
            assert (tmp_path / chart).stat().st_size > 0
