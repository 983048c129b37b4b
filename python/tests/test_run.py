"""run(): every registered model on the reference scenarios gives exactly the CLI's run JSON."""

import math

import pytest

import statecraft
from conftest import CliError, cli_json, run_cli, source_path

# The reference scenarios: the built-in one (None), the test scenarios, and one file of each
# foreign format from data/ (provenance in data/README.md).
SCENARIO_FILES = [
    None,
    "tests/scenarios/two_actors.json",
    "tests/scenarios/rescaled_issue.yaml",
    "tests/scenarios/two_issues_missing_stakes.yaml",
    "data/bdm/sultan_bdm1997.csv",  # BDM CSV
    "data/bdm/ec_emissions_bdm1994.csv",  # BDM CSV
    "data/ktab/SOE-Policy.csv",  # KTAB CSV
    "data/gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv",  # Decide
]

MODELS = statecraft.model_names()


def cli_run(path, model, *extra):
    args = ["run"] + ([path] if path else []) + ["--model", model, *extra]
    return args


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p or "builtin")
@pytest.mark.parametrize("model", MODELS)
def test_run_equals_cli_json(path, model):
    scenario = statecraft.load(path)
    try:
        expected = cli_json(*cli_run(path, model))
    except CliError as failed:
        # The model rejects this scenario (smp's joint mode needs every stake): the same
        # message as a ValueError.
        assert failed.code == 2
        with pytest.raises(ValueError) as raised:
            statecraft.run(scenario, model=model)
        assert "statecraft: error: " + str(raised.value) == failed.stderr.strip()
        return
    result = statecraft.run(scenario, model=model)
    assert result.to_dict() == expected
    # Not only equal as values: the text is byte for byte what the CLI prints.
    assert result.to_json() == run_cli(*cli_run(path, model), "--format", "json")
    assert result.outcome == expected["outcome"]
    assert result.unconstrained_outcome == expected["unconstrained_outcome"]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p or "builtin")
def test_arrays_match_the_run_json(path):
    result = statecraft.run(path, model=MODELS[-1])
    data = result.to_dict()
    positions = result.positions
    assert positions.shape == (result.rounds + 1, len(data["actors"]), len(data["issues"]))
    assert len(data["rounds"]) == result.rounds + 1
    for t, round_data in enumerate(data["rounds"]):
        for a, actor in enumerate(data["actors"]):
            for i, issue in enumerate(data["issues"]):
                value = positions[t, a, i]
                if issue in round_data["positions"][actor]:
                    assert value == round_data["positions"][actor][issue]
                else:
                    assert math.isnan(value)
        for i, issue in enumerate(data["issues"]):
            if round_data["outcome"][issue] is not None:
                assert result.round_outcomes[t, i] == round_data["outcome"][issue]
    assert list(result.outcome_array) == [data["outcome"][issue] for issue in data["issues"]]


PARAM_CASES = [
    ("eum", {"rounds": 3}, ["--param", "rounds=3"]),
    ("exchange", {"rounds": 1}, ["--param", "rounds=1"]),
    ("mean", {"weights": "salience"}, ["--param", "weights=salience"]),
]


@pytest.mark.parametrize("model,params,cli_params", PARAM_CASES, ids=lambda c: str(c))
def test_params_as_keyword_arguments(model, params, cli_params):
    if model not in MODELS:
        pytest.skip(model + " is not registered")
    path = "data/gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv"
    result = statecraft.run(path, model=model, **params)
    assert result.to_dict() == cli_json(*cli_run(path, model, *cli_params))
    for name, value in params.items():
        assert result.params[name] == value


def test_seeded_models_follow_the_seed():
    for info in statecraft.models():
        if not info["uses_seed"]:
            continue
        path = "data/ktab/SOE-Policy.csv"
        result = statecraft.run(path, model=info["name"], seed=7)
        assert result.seed == 7
        assert result.to_dict() == cli_json(*cli_run(path, info["name"], "--seed", "7"))


def test_run_accepts_paths_dicts_and_none():
    builtin = statecraft.run(model="median")
    assert builtin.to_dict() == statecraft.run(statecraft.builtin(), "median").to_dict()
    from_dict = statecraft.run(statecraft.builtin().to_dict(), "median")
    assert from_dict.outcome == pytest.approx(builtin.outcome, abs=1e-12)
    import pathlib

    path = pathlib.Path(source_path("tests/scenarios/two_actors.json"))
    assert statecraft.run(path).outcome == statecraft.run(str(path)).outcome


def test_boolean_and_float_params_are_typed():
    for info in statecraft.models():
        for spec in info["params"]:
            if spec["type"] == "boolean":
                value = spec["default"] == "true"
                result = statecraft.run(None, info["name"], **{spec["name"]: value})
                assert result.params[spec["name"]] is value
            if spec["type"] == "number":
                value = float(spec["default"])
                result = statecraft.run(None, info["name"], **{spec["name"]: value})
                assert result.params[spec["name"]] == value


def test_detail_is_the_model_specific_part_of_the_json():
    result = statecraft.run(None, MODELS[-1])
    data = result.to_dict()
    contract = {"model", "params", "seed", "actors", "issues", "outcome",
                "unconstrained_outcome", "rounds"}
    extra = {key: value for key, value in data.items() if key not in contract}
    assert (result.detail or {}) == extra


def test_runs_release_the_gil_and_agree_across_threads():
    from concurrent.futures import ThreadPoolExecutor

    scenario = statecraft.load("data/ktab/SOE-Policy.csv")
    expected = {model: statecraft.run(scenario, model).to_dict() for model in MODELS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [(model, pool.submit(statecraft.run, scenario, model)) for model in MODELS * 2]
        for model, future in futures:
            assert future.result().to_dict() == expected[model]


def test_result_to_pandas():
    pandas = pytest.importorskip("pandas")
    path = "tests/scenarios/two_issues_missing_stakes.yaml"
    result = statecraft.run(path, model="mean")
    frame = result.to_pandas()
    csv = run_cli("run", path, "--model", "mean", "--format", "csv").splitlines()
    rows = [line.split(",") for line in csv[1:] if ",_outcome," not in line]
    assert len(frame) == len(rows)
    for (_, row), (t, actor, issue, position) in zip(frame.iterrows(), rows):
        assert (row["round"], row["actor"], row["issue"]) == (int(t), actor, issue)
        assert row["position"] == float(position)
    outcome = result.to_pandas("outcome")
    assert list(outcome.columns) == result.issues
    assert outcome.iloc[-1].tolist() == list(result.round_outcomes[-1])
    final = result.to_pandas("final")
    assert final.shape == (len(result.actors), len(result.issues))
    with pytest.raises(ValueError):
        result.to_pandas("nosuch")
    assert isinstance(frame, pandas.DataFrame)


def test_repr_names_model_and_outcome():
    result = statecraft.run(None, "median")
    lines = repr(result).splitlines()
    assert lines[0].startswith("statecraft.Result: median on 'Russia-DPRK")
    assert lines[1].split() == ["issue", "outcome", "before", "decision", "rules", "status",
                                "quo"]
    munitions = next(line.split() for line in lines if line.split()[0] == "munitions")
    assert munitions[1] == "%.1f" % result.outcome["munitions"]


def test_a_long_call_lets_other_python_threads_run():
    """While a sweep runs in one thread, the main thread keeps executing Python: were the GIL
    held, the main thread would stall for the whole call. The sweep grows until it lasts long
    enough to tell, whatever the machine's speed."""
    import threading
    import time

    for draws in (4000, 16000, 64000, 256000):
        durations = []

        def work():
            start = time.perf_counter()
            statecraft.sweep(model="compromise", draws=draws, threads=1)
            durations.append(time.perf_counter() - start)

        worker = threading.Thread(target=work)
        last = time.perf_counter()
        worker.start()
        longest_gap = 0.0
        while worker.is_alive():
            now = time.perf_counter()
            longest_gap = max(longest_gap, now - last)
            last = now
        worker.join()
        if durations[0] > 0.2:
            assert longest_gap < durations[0] / 2
            return
    pytest.fail("even 256,000 draws took under 0.2 s: too short to tell")
