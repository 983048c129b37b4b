"""Booleans are booleans on every path a parameter takes: run's keyword arguments, compare's,
whatif's, sweep's and optimize's (name, {params}) models, backtest's (label, model, {params});
the resolved parameters and the JSON hold True/False, and the CLI's on/off spellings mean the
same."""

import numpy
import pytest

import statecraft
from conftest import cli_json


def boolean_params():
    return [(info["name"], spec) for info in statecraft.models() for spec in info["params"]
            if spec["type"] == "boolean"]


def test_every_switch_is_a_boolean_parameter():
    """A two-valued switch is declared as a boolean, not as a choice of on/off."""
    for info in statecraft.models():
        for spec in info["params"]:
            if spec["type"] == "choice":
                assert sorted(spec["choices"]) not in (["off", "on"], ["false", "true"],
                                                       ["no", "yes"]), (info["name"], spec)
    names = {(model, spec["name"]) for model, spec in boolean_params()}
    assert ("eum", "capitulation") in names
    eum = statecraft.model_info("eum")
    capitulation = next(spec for spec in eum["params"] if spec["name"] == "capitulation")
    assert capitulation["default"] == "true"


@pytest.mark.parametrize("value", [True, False, numpy.bool_(True), numpy.bool_(False)])
def test_run_takes_real_booleans(value):
    result = statecraft.run(model="eum", rounds=5, capitulation=value)
    assert result.params["capitulation"] is bool(value)
    assert result.to_dict()["params"]["capitulation"] is bool(value)
    expected = cli_json("run", "--model", "eum", "--param", "rounds=5", "--param",
                        "capitulation=%s" % ("on" if value else "off"), "--no-save")
    assert result.to_dict() == expected


def test_every_boolean_parameter_takes_true_and_false():
    for model, spec in boolean_params():
        for value in (True, False):
            result = statecraft.run(model=model, **{spec["name"]: value})
            assert result.params[spec["name"]] is value, (model, spec["name"])


def test_capitulation_changes_the_forecast():
    """The switch reaches the model (docs/models/eum.md §3.6): on the built-in scenario the
    two settings give different trajectories."""
    on = statecraft.run(model="eum", rounds=10, capitulation=True)
    off = statecraft.run(model="eum", rounds=10, capitulation=False)
    assert on.params["capitulation"] is True and off.params["capitulation"] is False
    assert not numpy.array_equal(on.positions, off.positions, equal_nan=True)


def test_models_with_boolean_params_in_every_analysis():
    eum_off = ("eum", {"rounds": 3, "capitulation": False})
    compared = statecraft.compare(models=[eum_off])
    assert compared["eum"].params["capitulation"] is False
    assert compared.to_dict() == cli_json("compare", "--model", "eum:rounds=3,capitulation=false",
                                          "--no-save")
    whatif = statecraft.whatif(plans=["relief"], models=[eum_off], draws=5, threads=2)
    assert whatif.to_dict() == cli_json("whatif", "--plan", "relief", "--model",
                                        "eum:rounds=3,capitulation=off", "--draws", "5",
                                        "--threads", "2")
    sweep = statecraft.sweep(model=eum_off, draws=5, threads=2)
    assert sweep.to_dict() == cli_json("sweep", "--model", "eum:rounds=3,capitulation=false",
                                       "--draws", "5", "--threads", "2")
    scores = statecraft.backtest([statecraft.builtin()], [("eum off", "eum", {"capitulation":
                                                                             False})],
                                 min_actors=1)
    assert scores.labels == ["eum off"]


def test_a_boolean_where_a_number_is_expected_is_refused():
    with pytest.raises(statecraft.InputError, match="rounds"):
        statecraft.run(model="eum", rounds=True)
    with pytest.raises(statecraft.InputError, match="capitulation"):
        statecraft.run(model="eum", capitulation="maybe")
