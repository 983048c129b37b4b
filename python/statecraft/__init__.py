"""statecraft: forecasts what political actors will settle on, and tests the levers that could
change it.

    import statecraft
    scenario = statecraft.load("scenarios/russia-dprk-2024.yaml")   # or statecraft.builtin()
    result = statecraft.run(scenario, model="eum", rounds=10)
    result                  # a table of the outcome per issue (an HTML table in Jupyter)
    result.to_dict()        # = `statecraft run FILE --model eum --param rounds=10 --format json`
    result.to_pandas()      # positions round by round (needs pandas)
    result.plot()           # the report's trajectory charts (needs matplotlib)

Every function is one request of statecraft's request layer, as the CLI's commands and the HTTP
API's routes are: the same fields, the same JSON, the same messages. Bad input raises
statecraft.InputError (a ValueError) with the message the CLI prints after "statecraft: error: ";
a saved run that does not exist raises statecraft.NotFoundError (a LookupError); a run in the
wrong state statecraft.ConflictError (a RuntimeError); any other failure RuntimeError. Each error
has `code` and `location` (file, line, column or key, as known). Model runs release the GIL, so
threads run them in parallel. See docs/python.md.
"""

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _statecraft
from ._builder import ScenarioBuilder
from ._results import (
    AnswerResult,
    Comparison,
    FlagshipBacktest,
    OptimizeResult,
    WhatifResult,
)
from ._statecraft import (
    BacktestResult,
    ConflictError,
    InputError,
    NotFoundError,
    Result,
    Scenario,
    SweepResult,
    __version__,
)

__all__ = [
    "__version__",
    "AnswerResult",
    "BacktestResult",
    "Comparison",
    "ConflictError",
    "FlagshipBacktest",
    "InputError",
    "NotFoundError",
    "OptimizeResult",
    "Result",
    "Scenario",
    "ScenarioBuilder",
    "SweepResult",
    "WhatifResult",
    "answer",
    "backtest",
    "backtest_deu",
    "backtest_flagship",
    "backtest_gallery",
    "builtin",
    "compare",
    "delete_run",
    "export_run",
    "formats",
    "load",
    "load_all",
    "loads",
    "list_runs",
    "loads_all",
    "model_info",
    "model_names",
    "models",
    "optimize",
    "report_data",
    "run",
    "save",
    "scenario",
    "scenarios",
    "show_run",
    "sweep",
    "validate",
    "whatif",
]

# The compiled classes present themselves as members of the package they are used from.
for _class in (AnswerResult, BacktestResult, Comparison, FlagshipBacktest, OptimizeResult, Result,
               Scenario, ScenarioBuilder, SweepResult, WhatifResult):
    _class.__module__ = __name__
del _class

# A file path, as str or os.PathLike.
Path = Union[str, os.PathLike]
# What a command reads its scenario from: a Scenario, a file, a dict in the native schema
# (docs/scenario-format.md) or None for the built-in scenario.
ScenarioLike = Union[Scenario, str, os.PathLike, Dict[str, Any], None]
# A model with its parameters: "NAME", "NAME:k=v,k=v" or (name, {param: value}).
ModelSpec = Union[str, Tuple[str, Dict[str, Any]]]
# A parameter value: booleans, numbers and strings (choices), as the model declares.
ParamValue = Union[bool, int, float, str]


# ---------------------------------------------------------------------------------------------
# scenarios


def load(path: Optional[Path] = None, format: str = "auto", capability: str = "equal"
         ) -> Scenario:
    """Reads the file's only scenario (None: the built-in one).

    format: auto, yaml, json, or an importer (ktab, ktab-xml, bdm, decide, deu), as `--from`;
    capability: equal or votes, for datasets that give none. InputError with the file, line and
    key when the file is malformed; load_all() for a file holding several scenarios."""
    return _statecraft.load(path, format, capability)


def load_all(path: Path, format: str = "auto", capability: str = "equal") -> List[Scenario]:
    """Every scenario the file holds (a DEU dataset holds one per proposal)."""
    return _statecraft.load_all(path, format, capability)


def loads(text: str, name: str = "<string>", format: str = "auto", capability: str = "equal"
          ) -> Scenario:
    """A scenario from text in any supported format; `name` names it in errors and its
    extension helps detection."""
    return _statecraft.loads(text, name, format, capability)


def loads_all(text: str, name: str = "<string>", format: str = "auto", capability: str = "equal"
              ) -> List[Scenario]:
    """Every scenario of a text (a dataset holds several); as loads()."""
    return _statecraft.loads_all(text, name, format, capability)


def builtin() -> Scenario:
    """The built-in scenario (Russia-DPRK, June 2024), the one `statecraft run` uses."""
    return _statecraft.builtin()


def scenario(name: str) -> Scenario:
    """A built-in scenario by name: the flagship (russia-dprk-2024) or a case of the gallery
    (scenarios() lists them); InputError naming the known ones for an unknown name."""
    return _statecraft.scenario(name)


def scenarios() -> List[Dict[str, Any]]:
    """The built-in scenarios, the flagship first: [{name, case, title, file, actors, issues,
    known_outcome, question}], as `statecraft scenarios --format json` lists them."""
    return _statecraft._scenarios()


def save(scenario: ScenarioLike, path: Path, format: Optional[str] = None) -> None:
    """Writes the scenario with its levers in the native format: yaml, or json for paths ending
    in .json (format overrides); the file appears whole or not at all."""
    _statecraft.save(_scenario_argument(scenario), path, format)


def validate(source: ScenarioLike, format: str = "auto", capability: str = "equal"
             ) -> Dict[str, Any]:
    """Reads and checks a file, a dict or a Scenario (its levers and question too), as
    `statecraft validate --format json`: {valid, scenarios, scenario, actors, issues, question?,
    levers, plans} (a dataset: {valid, scenarios, actors, issues}); InputError with the CLI's
    located message otherwise."""
    return _statecraft.validate(_scenario_argument(source), format, capability)


def formats() -> List[str]:
    """The input formats load() accepts besides 'auto'."""
    return _statecraft.formats()


def _scenario_levers(self) -> Dict[str, Any]:
    """The declared levers, plans and counter-levers: {levers: [...], plans: [...],
    counter_levers: {owner, budget, description, levers}} (empty for formats without them)."""
    return _statecraft._levers(self)


Scenario.levers = property(_scenario_levers)


def _scenario_argument(scenario):
    """A command's scenario as the compiled layer takes it: None (the built-in one), a path, a
    dict (a native document) or a Scenario; TypeError for anything else."""
    if scenario is None or isinstance(scenario, (Scenario, dict, str)) or hasattr(scenario,
                                                                                    "__fspath__"):
        return scenario
    raise TypeError("expected a statecraft.Scenario, a path, a dict or None, got %s"
                    % type(scenario).__name__)


def _to_scenario(value):
    if value is None:
        return builtin()
    if isinstance(value, Scenario):
        return value
    if isinstance(value, dict):
        return Scenario.from_dict(value)
    return load(value)


# ---------------------------------------------------------------------------------------------
# models and runs


def models() -> List[Dict[str, Any]]:
    """Every registered model, as `statecraft models --format json` lists them: {name, summary,
    uses_seed, params: [{name, type, default, choices | min / max, description}]}."""
    return _statecraft.models()


def model_names() -> List[str]:
    """The registered models' names, in registry order."""
    return [model["name"] for model in models()]


def model_info(name: str) -> Dict[str, Any]:
    """One model's description, as in models(); InputError naming the known models if
    unknown."""
    return _statecraft.model_info(name)


def _models_field(models):
    """Models as the request layer's JSON field: "NAME" or "NAME:k=v,k=v" strings as they are,
    (name, {param: value}) pairs as {"name", "params"}."""
    if models is None:
        return None
    if isinstance(models, str):
        return [models]
    out = []
    for model in models:
        if isinstance(model, (tuple, list)) and len(model) == 2 and isinstance(model[1], dict):
            out.append({"name": model[0], "params": model[1]})
        else:
            out.append(model)
    return out


def run(scenario: ScenarioLike = None, model: str = "compromise", *, seed: int = 0,
        plan: Optional[str] = None, **params: ParamValue) -> Result:
    """Runs one model: run(scenario, model="eum", rounds=10, capitulation=False).

    scenario: a Scenario, a path, a dict or None (built in). Parameters are keyword arguments,
    checked against the model's declared parameters (statecraft.model_info(model)): True/False
    for booleans, numbers for numbers, strings for choices. plan applies a declared plan or
    levers joined by '+' ("L2=20+L5"). to_dict() of the result equals `statecraft run
    --format json`. Releases the GIL while the model runs."""
    return _statecraft._run(_scenario_argument(scenario),
                            {"model": model, "params": params or None, "seed": seed,
                             "plan": plan})


def compare(scenario: ScenarioLike = None, *, models: Optional[Sequence[ModelSpec]] = None,
            seed: int = 0, plan: Optional[str] = None) -> Comparison:
    """Runs every registered model at its defaults (or the `models` given) on the scenario, under
    a plan when given (`statecraft compare`). Releases the GIL during the runs."""
    if not isinstance(scenario, Scenario):
        scenario = _to_scenario(scenario)
    return Comparison(scenario, _statecraft._compare(
        scenario, {"models": _models_field(models), "seed": seed, "plan": plan}))


# ---------------------------------------------------------------------------------------------
# backtests


def _calibration_document(calibration):
    """A calibration given as a file path (statecraft calibrate's output, read and checked as
    --calibration reads it) or as its dict; None stays None (the shipped calibration). Anything
    else goes to the request, which says what it expected."""
    if isinstance(calibration, (str, os.PathLike)):
        return _statecraft._read_calibration(os.fspath(calibration))
    return calibration


def backtest(scenarios: Union[Scenario, Sequence[ScenarioLike]],
             models: Optional[Sequence[Union[str, Tuple[str, str, Dict[str, Any]]]]] = None, *,
             min_actors: int = 3, thresholds: Sequence[int] = (5, 10, 20),
             apply_decision_rules: bool = True, model_error: bool = True,
             calibration: Union[Path, Dict[str, Any], None] = None,
             train: Union[Scenario, Sequence[ScenarioLike], None] = None) -> BacktestResult:
    """Scores models against the scenarios' known outcomes (`statecraft backtest`), as points
    and as distributions (docs/calibration.md): MAE with its clustered interval, the paired
    difference to the compromise, CRPS, coverage of the central 50/80/90 % intervals, PIT,
    out_of_sample.

    models: None (every registered model, and exchange after ten rounds, as the CLI does), or a
    list of "NAME", "NAME:k=v,k=v" or (label, model, {param: value}). An issue is scored when it
    has a known outcome and at least min_actors actors with a stake. Each model's error is
    learned by cross-validation by scenario, or taken from `calibration` (a path or dict);
    model_error=False scores points. train: scenarios to fit fitted models and errors on."""
    if isinstance(scenarios, Scenario):
        scenarios = [scenarios]
    if isinstance(train, Scenario):
        train = [train]
    return _statecraft._backtest(list(scenarios), models, min_actors, list(thresholds),
                                 apply_decision_rules, model_error,
                                 _calibration_document(calibration),
                                 None if train is None else list(train))


def backtest_deu(path: Path, *, capability: str = "equal",
                 models: Optional[Sequence[Union[str, Tuple[str, str, Dict[str, Any]]]]] = None,
                 format: str = "deu", train: Optional[Path] = None, model_error: bool = True,
                 calibration: Union[Path, Dict[str, Any], None] = None) -> BacktestResult:
    """`statecraft backtest deu FILE [--train TRAIN] [--model-error off] [--calibration C]`:
    the DEU dataset of EU legislative decisions; train is another dataset's path."""
    training = None if train is None else load_all(train, format=format, capability=capability)
    return backtest(load_all(path, format=format, capability=capability), models,
                    model_error=model_error, calibration=calibration, train=training)


def backtest_gallery(*,
                     models: Optional[Sequence[Union[str, Tuple[str, str, Dict[str, Any]]]]] = None,
                     model_error: bool = True,
                     calibration: Union[Path, Dict[str, Any], None] = None) -> Dict[str, Any]:
    """`statecraft backtest gallery`: every model (or `models`) on every built-in case with a
    known outcome: errors in percent of each issue's range, each case counted once, a Student-t
    interval over cases, and the distribution scores of backtest_deu (CRPS, coverage, PIT,
    vs_compromise) with each model's error from `calibration` (default: the shipped one, fitted
    on DEU, so out of sample here); the dict equals `statecraft backtest gallery --format json`
    (docs/gallery.md)."""
    return _statecraft._backtest_gallery(models, model_error, _calibration_document(calibration))


def backtest_flagship(scenario: ScenarioLike = None, *,
                      models: Optional[Sequence[Union[str, Tuple[str, str, Dict[str, Any]]]]]
                      = None, model_error: bool = True,
                      calibration: Union[Path, Dict[str, Any], None] = None) -> FlagshipBacktest:
    """`statecraft backtest flagship`: the built-in scenario's June 2024 forecast against its
    coded outcomes, with and without decision rules (every issue with a known outcome is
    scored, whatever its number of actors), with the models' errors from the shipped
    calibration (or `calibration`)."""
    scenario = _to_scenario(scenario)
    return FlagshipBacktest(
        backtest([scenario], models, min_actors=1, apply_decision_rules=True,
                 model_error=model_error, calibration=calibration),
        backtest([scenario], models, min_actors=1, apply_decision_rules=False,
                 model_error=model_error, calibration=calibration))


# ---------------------------------------------------------------------------------------------
# levers: whatif, sweep, optimize, answer, the report's data
#
# The scenario's levers, plans and counter-levers are those its file declares (docs/levers.md);
# they are read when an analysis needs them, as the CLI's commands read them. threads=0 uses
# every core; results never depend on it.


def whatif(scenario: ScenarioLike = None, plans: Union[str, Sequence[str], None] = None,
           models: Optional[Sequence[ModelSpec]] = None, *, target: Optional[str] = None,
           counter: Optional[str] = None, draws: int = 1000, seed: int = 0, threads: int = 0,
           distribution: str = "triangular", model_error: bool = True,
           calibration: Union[Path, Dict[str, Any], None] = None) -> WhatifResult:
    """`statecraft whatif`: the baseline and each plan (default: every declared plan) on each
    model (default: every model), as point forecasts and Monte Carlo quantiles.

    target (e.g. "munitions<=25") adds its probability; counter applies the opponent's
    counter-levers in every case ("R2=20+R3", as --counter); distribution: triangular or
    uniform. Quantiles and probabilities include each model's own error (model_error=False: the
    inputs' spread alone; calibration: a calibration file's path or dict instead of the shipped
    one, docs/calibration.md). Releases the GIL."""
    if isinstance(plans, str):
        plans = [plans]
    source = _scenario_argument(scenario)
    return WhatifResult(_statecraft._whatif(source, {
        "plans": plans, "models": _models_field(models), "target": target, "counter": counter,
        "draws": draws, "seed": seed, "threads": threads, "distribution": distribution,
        "model_error": model_error, "calibration": _calibration_document(calibration)}), source)


def sweep(scenario: ScenarioLike = None, model: ModelSpec = "compromise",
          plan: Optional[str] = None, *, target: Optional[str] = None, drivers: int = 10,
          draws: int = 1000, seed: int = 0, threads: int = 0,
          distribution: str = "triangular", model_error: bool = True,
          calibration: Union[Path, Dict[str, Any], None] = None) -> SweepResult:
    """`statecraft sweep`: a Monte Carlo of one model under one plan (default: no lever).

    The SweepResult's to_dict() equals the CLI's JSON (quantiles and the target's probability
    with the model's own error unless model_error=False, the `drivers` strongest drivers of
    every issue); outcomes and inputs are numpy arrays (the draws' point forecasts, draws x
    issues, draws x inputs). Releases the GIL."""
    return _statecraft._sweep(_scenario_argument(scenario), {
        "models": _models_field([model]), "plan": plan, "target": target, "drivers": drivers,
        "draws": draws, "seed": seed, "threads": threads, "distribution": distribution,
        "model_error": model_error, "calibration": _calibration_document(calibration)})


def optimize(scenario: ScenarioLike = None, target: Optional[str] = None,
             probability: float = 0.8, *, budget: Optional[float] = None,
             models: Optional[Sequence[ModelSpec]] = None, runners_up: int = 3, draws: int = 200,
             seed: int = 0, threads: int = 0, distribution: str = "triangular",
             model_error: bool = True, calibration: Union[Path, Dict[str, Any], None] = None,
             exhaustive: bool = False) -> OptimizeResult:
    """`statecraft optimize`: the cheapest plan of declared levers at their declared steps that
    meets target (e.g. "munitions<=25") with at least `probability`, evaluated against the
    opponent's best counter-levers within its budget; models default to compromise (a plan must
    work under each). exhaustive=True weighs every plan on every draw against every counter-plan
    (the sequential search's reference; same cheapest plan, more draws). Releases the GIL."""
    return OptimizeResult(_statecraft._optimize(_scenario_argument(scenario), {
        "target": target, "probability": probability, "budget": budget,
        "models": _models_field(models), "runners_up": runners_up, "draws": draws, "seed": seed,
        "threads": threads, "distribution": distribution, "model_error": model_error,
        "calibration": _calibration_document(calibration), "exhaustive": exhaustive}))


def report_data(scenario: ScenarioLike = None, *, model: str = "eum", draws: int = 200,
                seed: int = 0, threads: int = 0, model_error: bool = True,
                calibration: Union[Path, Dict[str, Any], None] = None,
                answer_models: Optional[Sequence[ModelSpec]] = None,
                answer_draws: Optional[int] = None,
                optimize_draws: Optional[int] = None) -> Dict[str, Any]:
    """`statecraft report --format json`: the report's data for the scenario (every model's
    forecast, the distributions over `draws` draws per model, the declared plans and the drivers
    under `model`, the backtest against known outcomes, the answer to the scenario's question),
    the dict the HTML report is drawn from. draws=0 leaves out the distributions, plans, drivers
    and answer. The answer takes answer_models (default: every model), answer_draws per plan
    (default: draws) and optimize_draws per evaluation (default: draws, at most 100), as
    answer() takes them. Releases the GIL."""
    request = {
        "model": model, "draws": draws, "seed": seed, "threads": threads,
        "model_error": model_error, "calibration": _calibration_document(calibration)}
    if answer_models is not None:
        request["answer_models"] = _models_field(answer_models)
    if answer_draws is not None:
        request["answer_draws"] = answer_draws
    if optimize_draws is not None:
        request["optimize_draws"] = optimize_draws
    return _statecraft._report_data(_scenario_argument(scenario), request)


def answer(scenario: ScenarioLike = None, *, models: Optional[Sequence[ModelSpec]] = None,
           draws: int = 500, optimize_draws: int = 100, seed: int = 0, threads: int = 0,
           distribution: str = "triangular", model_error: bool = True,
           calibration: Union[Path, Dict[str, Any], None] = None) -> AnswerResult:
    """`statecraft answer`: the answer to the question the scenario declares (its `question`
    key; the built-in scenario declares one): per model, the baseline and each declared plan
    with the probability of the target, the cheapest plan that meets it against the opponent's
    best counter-levers, and where the models disagree. InputError when the scenario declares
    no question. Releases the GIL."""
    return AnswerResult(_statecraft._answer(_scenario_argument(scenario), {
        "models": _models_field(models), "draws": draws, "optimize_draws": optimize_draws,
        "seed": seed, "threads": threads, "distribution": distribution,
        "model_error": model_error, "calibration": _calibration_document(calibration)}))


# ---------------------------------------------------------------------------------------------
# saved runs


def list_runs(limit: int = 20, *, db: Optional[Path] = None) -> Dict[str, Any]:
    """The saved runs, newest first (limit 0: all), as `statecraft runs list --format json`:
    {store, runs: [{id, kind, status, scenario, models, seed, created_at, ...}]}. db: the run
    store's path (default: the CLI's)."""
    return _statecraft.list_runs(limit, db=db)


def show_run(id: int, *, db: Optional[Path] = None) -> Dict[str, Any]:
    """One run's header, parameters, plan, options and result (`statecraft runs show --format
    json`); NotFoundError when there is no such run."""
    return _statecraft.show_run(id, db=db)


def export_run(id: int, *, db: Optional[Path] = None) -> Dict[str, Any]:
    """Everything about a run as one document (`statecraft runs export`)."""
    return _statecraft.export_run(id, db=db)


def delete_run(id: int, *, db: Optional[Path] = None) -> Dict[str, Any]:
    """Deletes a run: {deleted: id}; NotFoundError when there is no such run."""
    return _statecraft.delete_run(id, db=db)
