"""Scenarios: loading from files, text and dicts, building in code, saving, validating, and the
numpy views of their numbers."""

import json
import math

import numpy
import pytest

import statecraft
from conftest import run_cli, source_path


def test_builtin_is_what_run_without_a_file_uses():
    scenario = statecraft.builtin()
    assert statecraft.load().to_dict() == scenario.to_dict()
    assert scenario.actors == statecraft.run(None, "mean").actors
    assert "munitions" in scenario.issues
    assert repr(scenario).startswith("<statecraft.Scenario '")


def test_to_json_equals_cli_convert():
    for path in ["tests/scenarios/rescaled_issue.yaml", "data/bdm/sultan_bdm1997.csv",
                 "data/gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv"]:
        scenario = statecraft.load(path)
        assert scenario.to_json() == run_cli("convert", path, "--to", "json")
        assert scenario.to_yaml() == run_cli("convert", path, "--to", "yaml")
        assert scenario.to_dict() == json.loads(scenario.to_json())


def test_arrays_follow_the_stakes():
    scenario = statecraft.load("tests/scenarios/two_issues_missing_stakes.yaml")
    data = scenario.to_dict()
    positions, saliences = scenario.positions, scenario.saliences
    assert positions.shape == (len(scenario.actors), len(scenario.issues))
    assert saliences.shape == positions.shape
    assert scenario.capabilities.shape == positions.shape
    missing = 0
    for a, actor in enumerate(scenario.actors):
        for i, issue in enumerate(scenario.issues):
            stake = data["stakes"].get(actor, {}).get(issue)
            if stake is None:
                missing += 1
                assert math.isnan(positions[a, i]) and scenario.stake(actor, issue) is None
                continue
            central = stake["position"] if not isinstance(stake["position"], (list, dict)) else None
            if central is not None:
                assert positions[a, i] == central
            assert scenario.stake(actor, issue)["position"] == positions[a, i]
            assert 0.0 <= saliences[a, i] <= 1.0
    assert missing > 0


def test_issue_properties():
    scenario = statecraft.builtin()
    data = scenario.to_dict()
    for issue in data["issues"]:
        low, high = scenario.scales[issue["name"]]
        assert [low, high] == issue.get("scale", [0, 100])
        assert (scenario.deciders[issue["name"]] is None) == ("deciders" not in issue)
    assert any(value is not None for value in scenario.status_quo.values())
    assert any(value is not None for value in scenario.known_outcome.values())


def test_from_dict_round_trip_runs_the_same():
    scenario = statecraft.load("data/bdm/sultan_bdm1997.csv")
    copy = statecraft.Scenario.from_dict(scenario.to_dict())
    assert copy.to_dict() == scenario.to_dict()
    numpy.testing.assert_allclose(copy.positions, scenario.positions, rtol=0, atol=1e-12)


def test_loads_detects_the_format():
    text = open(source_path("tests/scenarios/two_actors.json")).read()
    scenario = statecraft.loads(text, name="two_actors.json")
    assert scenario.to_dict() == statecraft.load("tests/scenarios/two_actors.json").to_dict()
    bdm = open(source_path("data/bdm/sultan_bdm1997.csv")).read()
    assert statecraft.loads(bdm, format="bdm").actors == statecraft.load(
        "data/bdm/sultan_bdm1997.csv").actors


def test_load_all_reads_a_dataset():
    path = "data/deu/deu_i_ii_iii_combined_blksv.tsv"
    scenarios = statecraft.load_all(path, format="deu")
    assert len(scenarios) > 1
    summary = statecraft.validate(path, format="deu")
    assert summary["scenarios"] == len(scenarios)
    assert summary["issues"] == sum(len(s.issues) for s in scenarios)
    assert run_cli("validate", path, "--from", "deu").startswith(
        "%s: valid: %d scenarios, %d issues" % (path, summary["scenarios"], summary["issues"]))
    with pytest.raises(ValueError, match="holds %d scenarios, expected one" % len(scenarios)):
        statecraft.load(path, format="deu")


def test_validate_summarises_like_the_cli():
    path = "tests/scenarios/rescaled_issue.yaml"
    summary = statecraft.validate(path)
    line = "%s: valid: %d actors, %d issues" % (path, summary["actors"], summary["issues"])
    assert run_cli("validate", path).startswith(line)
    assert summary["scenarios"] == 1
    assert statecraft.validate(statecraft.load(path).to_dict())["issues"] == summary["issues"]


def test_save_round_trip(tmp_path):
    scenario = statecraft.builtin()
    for name in ["copy.yaml", "copy.json"]:
        target = tmp_path / name
        statecraft.save(scenario, target)
        assert statecraft.load(target).to_dict() == scenario.to_dict()
        assert not (tmp_path / (name + ".partial")).exists()
    statecraft.save(scenario, tmp_path / "forced.txt", format="json")
    assert json.loads((tmp_path / "forced.txt").read_text()) == scenario.to_dict()
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        statecraft.save(scenario, tmp_path / "x.xml", format="xml")
    with pytest.raises(ValueError, match="cannot be written"):
        statecraft.save(scenario, tmp_path / "no" / "such" / "dir.yaml")


def test_builder_builds_a_valid_scenario():
    builder = statecraft.ScenarioBuilder("Toy", salience_scale=100, description="a toy")
    builder.actor("A", capability=2).actor("B", capability=(1, 2, 3)).actor("C")
    builder.issue("tariff", scale=(0, 10), status_quo=5, anchors={0: "none", 10: "full"})
    builder.issue("quota", known_outcome=40, deciders=["A", "B"])
    builder.stake("A", "tariff", position=2, salience=80)
    builder.stake("B", "tariff", position=(6, 7, 8), salience=50, source="guess")
    builder.stake("C", "tariff", position=9, salience=20, capability=4)
    builder.stake("A", "quota", position=10, salience=50)
    builder.stake("B", "quota", position=60, salience=50)
    scenario = builder.build()
    assert scenario.actors == ["A", "B", "C"]
    assert scenario.issues == ["tariff", "quota"]
    assert scenario.stake("B", "tariff") == {"position": 7.0, "salience": 0.5, "capability": 2.0,
                                             "source": "guess"}
    assert scenario.stake("C", "tariff")["capability"] == 4.0
    assert scenario.stake("C", "quota") is None
    assert scenario.deciders == {"tariff": None, "quota": ["A", "B"]}
    assert scenario.status_quo == {"tariff": 5.0, "quota": None}
    result = statecraft.run(scenario, "compromise")
    assert 10 <= result.outcome["quota"] <= 60
    assert builder.to_dict()["name"] == "Toy"


def test_builder_reports_what_is_wrong():
    builder = statecraft.ScenarioBuilder("Bad")
    builder.actor("A").issue("x", scale=(0, 10))
    builder.stake("A", "x", position=20, salience=0.5)
    with pytest.raises(ValueError, match=r"^<dict>:\d+:\d+: .*position"):
        builder.build()


def test_scenario_to_pandas():
    pytest.importorskip("pandas")
    scenario = statecraft.load("tests/scenarios/two_issues_missing_stakes.yaml")
    frame = scenario.to_pandas()
    assert list(frame.columns) == ["actor", "issue", "position", "salience", "capability"]
    assert len(frame) == int((~numpy.isnan(scenario.positions)).sum())


def test_formats_lists_the_importers():
    names = statecraft.formats()
    for name in ["yaml", "json", "ktab", "bdm", "decide", "deu"]:
        assert name in names


def test_levers_survive_to_dict_and_save(tmp_path):
    scenario = statecraft.load()
    data = scenario.to_dict()
    assert [lever["name"] for lever in data["levers"]][:3] == ["L1", "L2", "L3"]
    assert data["plans"] and data["counter_levers"]["owner"] == "RUS"
    copy = statecraft.Scenario.from_dict(data)
    assert copy.to_dict() == data
    statecraft.save(scenario, tmp_path / "flagship.yaml")
    again = statecraft.load(tmp_path / "flagship.yaml")
    assert again.to_dict() == data
    baseline = statecraft.whatif(scenario, models="compromise", draws=20)
    assert statecraft.whatif(again, models="compromise", draws=20).to_dict() == baseline.to_dict()
