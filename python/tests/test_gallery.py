"""The gallery of classic cases: built-in scenarios by name and the gallery backtest."""

import glob
import os

import pytest

import statecraft
from conftest import cli_json, source_path


def test_scenarios_lists_every_file_the_flagship_first():
    listed = statecraft.scenarios()
    files = sorted(os.path.basename(path)[:-len(".yaml")]
                   for path in glob.glob(source_path("scenarios", "*.yaml")))
    assert listed[0]["name"] == "russia-dprk-2024"
    assert sorted(item["name"] for item in listed) == files
    china = [item for item in listed if item["case"] == "china-oil-reform-2014"]
    assert len(china) == 3
    emissions = next(item for item in listed if item["name"] == "ec-car-emissions")
    assert emissions["actors"] == 10 and emissions["issues"] == 1 and emissions["known_outcome"]
    assert not next(item for item in listed if item["name"] == "cop15-copenhagen-2009")[
        "known_outcome"]


def test_a_builtin_case_by_name_is_its_file():
    by_name = statecraft.scenario("cop21-paris-2015")
    from_file = statecraft.load(source_path("scenarios", "cop21-paris-2015.yaml"))
    assert by_name.to_dict() == from_file.to_dict()
    assert (statecraft.run(by_name, model="exchange").to_dict()["outcome"]
            == statecraft.run(from_file, model="exchange").to_dict()["outcome"])


def test_an_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match="^scenario: found 'nosuch', expected a built-in "
                                         "scenario: russia-dprk-2024, "):
        statecraft.scenario("nosuch")


def test_backtest_gallery_equals_cli():
    result = statecraft.backtest_gallery(models=["compromise", "eum"])
    assert result == cli_json("backtest", "gallery", "-m", "compromise", "-m", "eum")
    assert result["cases"] == 5
    assert [case["case"] for case in result["per_case"]][0] == "russia-dprk-2024"


def test_backtest_gallery_scores_distributions_as_the_deu_backtest():
    with_error = statecraft.backtest_gallery(models=["compromise"])
    score = with_error["models"]["compromise"]
    assert set(score) == {"mae", "mae_ci", "within", "crps", "coverage", "pit", "vs_compromise",
                          "out_of_sample", "model_error"}
    # the shipped calibration is fitted on DEU, not on the gallery
    assert score["out_of_sample"] is True
    assert score["crps"] < score["mae"]
    points = statecraft.backtest_gallery(models=["compromise"], model_error=False)
    assert points["models"]["compromise"]["crps"] == pytest.approx(score["mae"])
    assert points == cli_json("backtest", "gallery", "-m", "compromise", "--model-error", "off")
