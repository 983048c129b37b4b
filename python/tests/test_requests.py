"""The request layer seen from Python: the answer to a scenario's question, errors with their
codes and locations, and the saved runs, each equal to the CLI's."""

import os
import subprocess

import pytest

import statecraft
from conftest import CLI, cli_json

TRUCE = "tests/scenarios/truce_question.yaml"


def test_answer_equals_the_cli():
    answer = statecraft.answer(TRUCE, models=["median", "compromise"], draws=20,
                               optimize_draws=10)
    assert answer.to_dict() == cli_json("answer", TRUCE, "--model", "median", "--model",
                                        "compromise", "--draws", "20", "--optimize-draws", "10")
    assert answer.question.startswith("Can the mediator")
    assert answer.disagreements
    assert set(answer.cheapest_plans()) == {"median", "compromise"}


def test_the_report_carries_the_answer_of_the_same_settings():
    answer = statecraft.answer(TRUCE, models=["median", "compromise"], draws=20,
                               optimize_draws=10)
    data = statecraft.report_data(TRUCE, draws=8, answer_models=["median", "compromise"],
                                  answer_draws=20, optimize_draws=10)
    assert data["answer"] == answer.to_dict()
    found = data["answer"]["found_plan"]
    assert set(found["models"]) == {"median", "compromise"}
    assert found["model"] in found["chosen_under"]


def test_answer_needs_a_question():
    with pytest.raises(statecraft.InputError) as raised:
        statecraft.answer("tests/scenarios/two_actors.json")
    assert raised.value.code == "bad_input"
    assert raised.value.location == {"key": "question"}
    assert isinstance(raised.value, ValueError)


def test_errors_carry_code_and_location():
    with pytest.raises(statecraft.InputError) as raised:
        statecraft.sweep(draws=0)
    assert str(raised.value) == "draws: found 0, expected an integer from 1 to 1000000"
    assert raised.value.location == {"key": "draws"}
    with pytest.raises(statecraft.InputError) as file_error:
        statecraft.validate("tests/bad_inputs/salience_above_one.yaml")
    location = file_error.value.location
    assert location["file"] == "tests/bad_inputs/salience_above_one.yaml"
    assert location["line"] > 0 and location["column"] > 0
    assert location["key"].endswith("salience")


def test_saved_runs(tmp_path):
    db = str(tmp_path / "runs.sqlite")
    subprocess.run([CLI, "run", "--model", "median", "--db", db], check=True,
                   capture_output=True)
    listed = statecraft.list_runs(db=db)
    assert listed == cli_json("runs", "list", "--db", db)
    run_id = listed["runs"][0]["id"]
    for key in ("scenario_hash", "program_version", "finished_at"):
        assert listed["runs"][0][key]
    assert statecraft.show_run(run_id, db=db) == cli_json("runs", "show", str(run_id), "--db", db)
    assert statecraft.export_run(run_id, db=db)["result"]["model"] == "median"
    with pytest.raises(statecraft.NotFoundError) as missing:
        statecraft.show_run(999, db=db)
    assert isinstance(missing.value, LookupError)
    assert missing.value.code == "not_found"
    assert statecraft.delete_run(run_id, db=db) == {"deleted": run_id}
    assert statecraft.list_runs(db=db)["runs"] == []
    assert os.path.exists(db)


def test_models_write_no_unbounded_limit():
    for model in statecraft.models():
        for param in model["params"]:
            for key in ("min", "max"):
                assert abs(param.get(key, 0)) < 1e299, (model["name"], param["name"])
    assert {"models": statecraft.models()} == cli_json("models")
