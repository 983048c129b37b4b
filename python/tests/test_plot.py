"""plot() draws the report's charts with matplotlib: a run's trajectories, a what-if's baseline
against its plans, a sweep's distribution and drivers; without matplotlib it says how to
install it."""

import math
import os
import subprocess
import sys

import pytest

import statecraft

matplotlib = pytest.importorskip("matplotlib")


def _lines(axis):
    return {line.get_label(): line for line in axis.get_lines()}


def test_run_plot_draws_each_actor_and_the_outcome(tmp_path):
    result = statecraft.run(model="eum", rounds=6)
    figure = result.plot()
    axes = figure.get_axes()
    assert len(axes) == len(result.issues)
    munitions = axes[result.issues.index("munitions")]
    lines = _lines(munitions)
    outcome = lines["model outcome"]
    assert list(outcome.get_ydata()) == list(result.round_outcomes[:, 0])
    with_stake = {actor for index, actor in enumerate(result.actors)
                  if not math.isnan(result.positions[0, index, 0])}
    assert {label for label in lines if label in result.actors} == with_stake
    assert munitions.get_ylim() == result.scenario.scales["munitions"]
    path = tmp_path / "run.png"
    figure.savefig(path)
    assert path.stat().st_size > 1000
    one = result.plot("sanctions")
    assert len(one.get_axes()) == 1 and "sanctions" in one.get_axes()[0].get_title()
    with pytest.raises(ValueError, match="issue: found 'nosuch', expected one of munitions"):
        result.plot("nosuch")


def test_whatif_plot_has_a_row_per_plan_and_model_and_the_target(tmp_path):
    result = statecraft.whatif(plans=["relief"], models=["compromise", "median"],
                               target="munitions<=25", draws=20, threads=2)
    figure = result.plot("munitions")
    (axis,) = figure.get_axes()
    labels = [label.get_text() for label in axis.get_yticklabels()]
    assert labels == ["baseline · compromise", "baseline · median", "relief · compromise",
                      "relief · median"]
    target = _lines(axis)["target <= 25"]
    assert list(target.get_xdata()) == [25, 25]
    assert axis.get_xlim() == statecraft.builtin().scales["munitions"]
    figure.savefig(tmp_path / "plans.png")
    assert len(result.plot().get_axes()) == len(statecraft.builtin().issues)


def test_sweep_plot_draws_distribution_and_drivers(tmp_path):
    result = statecraft.sweep(plan="relief", target="munitions<=25", draws=40, threads=2)
    figure = result.plot("munitions")
    histogram, tornado = figure.get_axes()
    counts = sum(patch.get_height() for patch in histogram.patches)
    assert counts == 40
    drivers = result.drivers("munitions", 8)
    assert [label.get_text() for label in tornado.get_yticklabels()] == [
        driver["input"] for driver in drivers]
    assert "target <= 25" in _lines(histogram)
    figure.savefig(tmp_path / "sweep.png")


def test_without_matplotlib_plot_says_how_to_install_it():
    """A python where `import matplotlib` fails (sys.modules entry None) gets an ImportError
    naming the Debian package and pip."""
    code = ("import sys; sys.modules['matplotlib'] = None; sys.modules['matplotlib.figure'] = "
            "None\nimport statecraft\ntry:\n    statecraft.run(model='mean').plot()\n"
            "except ImportError as error:\n    print(error)\n")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               env=dict(os.environ), timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert "apt-get install python3-matplotlib" in completed.stdout
    assert "pip install matplotlib" in completed.stdout
