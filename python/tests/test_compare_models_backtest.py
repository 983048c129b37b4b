"""models(), compare() and the backtests against the CLI's JSON."""

import numpy
import pytest

import statecraft
from conftest import cli_json


def test_models_equal_cli_models_json():
    assert statecraft.models() == cli_json("models")["models"]
    names = statecraft.model_names()
    for name in ["mean", "median", "weighted_median", "compromise"]:
        assert name in names
    assert statecraft.model_info(names[0]) == statecraft.models()[0]


@pytest.mark.parametrize("path", [None, "tests/scenarios/rescaled_issue.yaml",
                                  "data/bdm/sultan_bdm1997.csv"],
                         ids=lambda p: p or "builtin")
def test_compare_equals_cli_compare_json(path):
    comparison = statecraft.compare(path)
    assert comparison.to_dict() == cli_json("compare", *([path] if path else []))
    assert comparison.models == statecraft.model_names()
    array = comparison.to_array()
    assert array.shape == (len(comparison), len(comparison.scenario.issues))
    for row, result in zip(array, comparison):
        assert list(row) == list(result.outcome_array)


def test_compare_to_pandas_is_the_cli_table():
    pytest.importorskip("pandas")
    comparison = statecraft.compare()
    frame = comparison.to_pandas()
    assert list(frame.columns) == comparison.models + ["status quo", "known"]
    assert list(frame.index) == comparison.scenario.issues
    for model in comparison.models:
        assert frame[model].tolist() == [comparison[model].outcome[i] for i in frame.index]


def test_flagship_backtest_equals_cli():
    flagship = statecraft.backtest_flagship()
    assert flagship.to_dict() == cli_json("backtest", "flagship")


def test_backtest_issue_scores_give_the_mae():
    flagship = statecraft.backtest_flagship().with_decision_rules
    scores = flagship.to_dict()["models"]
    assert flagship.labels == list(scores)
    for label in flagship.labels:
        issues = flagship.issues(label)
        errors = numpy.abs(issues["predicted"] - issues["known"])
        assert len(errors) == flagship.issues_scored
        assert errors.mean() == pytest.approx(scores[label]["mae"], abs=1e-12)


def test_deu_backtest_equals_cli():
    path = "data/deu/deu_i_ii_iii_combined_blksv.tsv"
    models = ["median", "compromise", "exchange:rounds=1"]
    models = [m for m in models if m.split(":")[0] in statecraft.model_names()]
    result = statecraft.backtest_deu(path, models=models)
    args = ["backtest", "deu", path]
    for model in models:
        args += ["--model", model]
    assert result.to_dict() == cli_json(*args)
    assert result.issues_scored > 100


def test_backtest_models_as_tuples_and_to_pandas():
    pytest.importorskip("pandas")
    scenario = statecraft.builtin()
    result = statecraft.backtest(scenario, [("weighted", "mean", {"weights": "salience"}),
                                            "mean:weights=salience"], min_actors=1)
    data = result.to_dict()["models"]
    assert data["weighted"] == data["mean:weights=salience"]
    summary = result.to_pandas()
    assert list(summary.index) == ["weighted", "mean:weights=salience"]
    assert summary.loc["weighted", "mae"] == data["weighted"]["mae"]
    issues = result.issues_to_pandas()
    assert len(issues) == 2 * result.issues_scored
    assert set(issues.columns) == {"model", "scenario", "issue", "known", "predicted", "error"}
    with pytest.raises(ValueError, match="no backtest scores for 'nosuch'"):
        result.issues("nosuch")
    with pytest.raises(ValueError, match="unknown model 'nosuch'"):
        statecraft.backtest(scenario, ["nosuch"])
