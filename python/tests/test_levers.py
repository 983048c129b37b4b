"""whatif, sweep and optimize on the built-in scenario's levers equal the CLI's JSON; the sweep's
numpy arrays agree with its summary; lever errors raise the CLI's messages."""

import numpy
import pytest

import statecraft
from conftest import CliError, cli_json, run_cli

PREFIX = "statecraft: error: "


def test_declared_levers_and_plans():
    levers = statecraft.builtin().levers
    names = [lever["name"] for lever in levers["levers"]]
    assert names[:5] == ["L1", "L2", "L3", "L4", "L5"]
    assert levers["plans"] and levers["counter_levers"]["owner"]
    for lever in levers["levers"]:
        low, central, high = lever["magnitude"]
        assert low <= central <= high
    # Formats without lever sections have none.
    bdm = statecraft.load("data/bdm/sultan_bdm1997.csv").levers
    assert bdm["levers"] == [] and bdm["plans"] == []


def test_whatif_equals_cli():
    result = statecraft.whatif(draws=40, threads=2)
    assert result.to_dict() == cli_json("whatif", "--draws", "40", "--threads", "2")
    assert result.plans[0] == "baseline"


def test_whatif_plans_models_target_and_thread_independence():
    plan = statecraft.builtin().levers["plans"][0]["name"]
    arguments = dict(plans=[plan, "L2+L5"], models=["compromise", ("mean", {"weights": "salience"})],
                     target="munitions<=25", draws=30, seed=3)
    one = statecraft.whatif(**arguments, threads=1)
    two = statecraft.whatif(**arguments, threads=2)
    assert one.to_dict() == two.to_dict()
    expected = cli_json("whatif", "--plan", plan, "--plan", "L2+L5", "--model", "compromise",
                        "--model", "mean:weights=salience", "--target", "munitions<=25",
                        "--draws", "30", "--seed", "3")
    assert one.to_dict() == expected
    pandas = pytest.importorskip("pandas")
    frame = one.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == 3 * 2 * len(statecraft.builtin().issues)
    assert frame["probability"].between(0, 1).all()


@pytest.mark.parametrize("model", ["compromise", "eum"])
def test_sweep_equals_cli(model):
    if model not in statecraft.model_names():
        pytest.skip(model + " is not registered")
    plan = statecraft.builtin().levers["plans"][0]["name"]
    result = statecraft.sweep(model=model, plan=plan, target="munitions<=25", draws=60, seed=5)
    assert result.to_dict() == cli_json("sweep", "--model", model, "--plan", plan, "--target",
                                        "munitions<=25", "--draws", "60", "--seed", "5")


def test_sweep_arrays_agree_with_the_summary():
    # The arrays are the draws' point forecasts: without model error the summary is theirs.
    result = statecraft.sweep(target="munitions<=25", draws=80, threads=2, model_error=False)
    data = result.to_dict()
    outcomes = result.outcomes
    assert outcomes.shape == (80, len(result.issues))
    assert result.inputs.shape == (80, len(result.input_labels))
    for column, issue in enumerate(result.issues):
        assert numpy.mean(outcomes[:, column]) == pytest.approx(data["issues"][issue]["mean"],
                                                               abs=1e-9)
        assert numpy.quantile(outcomes[:, column], 0.5) == pytest.approx(
            data["issues"][issue]["median"], abs=1e-9)
    munitions = result.issues.index("munitions")
    assert numpy.mean(outcomes[:, munitions] <= 25) == pytest.approx(data["probability"])
    assert result.drivers("munitions", 10) == data["drivers"]["munitions"]
    # With model error the summary is wider than the points and its probability higher.
    with_error = statecraft.sweep(target="munitions<=25", draws=80, threads=2).to_dict()
    assert with_error["model_error"]["entry"] == "compromise"
    assert with_error["probability"] > data["probability"]
    assert (with_error["issues"]["munitions"]["q10"] < data["issues"]["munitions"]["q10"])
    pytest.importorskip("pandas")
    frame = result.to_pandas()
    assert list(frame.columns) == result.issues + result.input_labels


def test_optimize_equals_cli():
    result = statecraft.optimize(target="munitions<=25", probability=0.6, draws=30)
    assert result.to_dict() == cli_json("optimize", "--target", "munitions<=25", "--probability",
                                        "0.6", "--draws", "30")
    assert repr(result).startswith("statecraft.OptimizeResult: munitions<=25 with probability")


def _cli_message(*args):
    with pytest.raises(CliError) as failed:
        run_cli(*args)
    assert failed.value.code == 2
    return failed.value.stderr.strip()[len(PREFIX):]


@pytest.mark.parametrize("call,cli", [
    (lambda: statecraft.whatif(plans=["nosuch"], draws=5), ["whatif", "--plan", "nosuch"]),
    (lambda: statecraft.whatif(target="nosuch<=3", draws=5), ["whatif", "--target", "nosuch<=3"]),
    (lambda: statecraft.sweep(plan="L2=1000", draws=5), ["sweep", "--plan", "L2=1000"]),
    (lambda: statecraft.sweep(model="nosuch", draws=5), ["sweep", "--model", "nosuch"]),
    (lambda: statecraft.optimize(target="munitions<=25", probability=1.5, draws=5),
     ["optimize", "--target", "munitions<=25", "--probability", "1.5"]),
    (lambda: statecraft.optimize(target="munitions=25", draws=5),
     ["optimize", "--target", "munitions=25"]),
    (lambda: statecraft.whatif(distribution="normal", draws=5), None),
], ids=["unknown plan", "unknown target issue", "magnitude out of range", "unknown model",
        "probability", "target syntax", "distribution"])
def test_lever_errors_raise_the_cli_message(call, cli):
    with pytest.raises(ValueError) as raised:
        call()
    if cli is not None:
        assert str(raised.value) == _cli_message(*cli, "--draws", "5")


def test_optimize_needs_levers():
    with pytest.raises(ValueError, match="declares no levers"):
        statecraft.optimize("tests/scenarios/two_actors.json", target="price<=5", draws=5)
    with pytest.raises(ValueError, match=r"draws: found 0, expected an integer from 1 to 1000000"):
        statecraft.sweep(draws=0)
