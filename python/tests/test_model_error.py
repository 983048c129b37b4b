"""Model error in Python's probabilities (docs/calibration.md): on by default with the shipped
calibration, off with model_error=False, another calibration as a path or a dict; every bad
option is a ValueError that names what was wrong, as the CLI's message does."""

import json

import pytest

import statecraft
from conftest import CliError, run_cli

PREFIX = "statecraft: error: "

SHIPPED = "data/calibration.json"


def _sweep(**options):
    return statecraft.sweep(target="munitions<=25", draws=40, seed=3, **options).to_dict()


def test_the_shipped_calibration_is_the_default_and_a_path_or_dict_gives_the_same_numbers():
    default = _sweep()
    assert default["model_error"] is not None
    with open(SHIPPED, encoding="utf-8") as file:
        document = json.load(file)
    for given in (SHIPPED, document):
        other = _sweep(calibration=given)
        assert other["probability"] == default["probability"]
        assert other["issues"] == default["issues"]


def test_without_model_error_the_summary_is_the_inputs_alone():
    without = _sweep(model_error=False)
    assert without["model_error"] is None
    assert without["probability"] != _sweep()["probability"]
    answered = statecraft.answer(draws=20, optimize_draws=10, model_error=False).to_dict()
    assert answered["model_error"] is None


def _message(call):
    with pytest.raises(ValueError) as failed:
        call()
    return str(failed.value)


def test_model_error_must_be_a_boolean():
    message = _message(lambda: _sweep(model_error="off"))
    assert "model_error" in message and "expected true or false" in message


@pytest.mark.parametrize("value", [5, [1, 2]])
def test_calibration_of_the_wrong_type_is_named(value):
    message = _message(lambda: _sweep(calibration=value))
    assert "calibration" in message and "expected a calibration document" in message


def test_a_missing_calibration_file_is_named_as_the_cli_names_it():
    message = _message(lambda: _sweep(calibration="nosuch/calibration.json"))
    assert "nosuch/calibration.json" in message
    with pytest.raises(CliError) as failed:
        run_cli("sweep", "--no-save", "--calibration", "nosuch/calibration.json")
    assert failed.value.code == 2
    assert "nosuch/calibration.json" in failed.value.stderr
    assert failed.value.stderr.startswith(PREFIX)


def test_a_broken_calibration_file_names_the_file_and_the_key(tmp_path):
    with open(SHIPPED, encoding="utf-8") as file:
        document = json.load(file)
    label = next(iter(document["models"]))
    document["models"][label]["scale_intercept"] = -1
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    message = _message(lambda: _sweep(calibration=str(path)))
    assert str(path) in message and "models." + label in message
    assert "expected a positive intercept" in message
    # The same document given as a dict: the request names its field instead of a file.
    message = _message(lambda: _sweep(calibration=document))
    assert "models." + label in message and "expected a positive intercept" in message


def test_a_calibration_file_that_is_not_json_is_an_error(tmp_path):
    path = tmp_path / "notjson.json"
    path.write_text("{ not json", encoding="utf-8")
    message = _message(lambda: statecraft.whatif(draws=5, calibration=path))
    assert str(path) in message
