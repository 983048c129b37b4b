"""statecraft: forecasts what political actors will settle on, and tests the levers that could
change it.

    import statecraft
    scenario = statecraft.load("scenarios/russia-dprk-2024.yaml")   # or statecraft.builtin()
    result = statecraft.run(scenario, model="eum", rounds=10)
    result.outcome          # {issue: value}, after decision rules
    result.to_dict()        # equal to `statecraft run FILE --model eum --format json`
    result.to_pandas()      # positions round by round (needs pandas)

Every function is one request of statecraft's request layer, as the CLI's commands and the HTTP
API's routes are: the same fields, the same JSON, the same messages. Bad input raises
statecraft.InputError (a ValueError) with the message the CLI prints after "statecraft: error: ";
a saved run that does not exist raises statecraft.NotFoundError (a LookupError); a run in the
wrong state statecraft.ConflictError (a RuntimeError); any other failure RuntimeError. Each error
has `code` and `location` (file, line, column or key, as known). Model runs release the GIL, so
threads run them in parallel. See docs/python.md.
"""

import math as _math

from . import _statecraft
from ._statecraft import (
    BacktestResult,
    ConflictError,
    InputError,
    NotFoundError,
    Result,
    Scenario,
    SweepResult,
    __version__,
    builtin,
    delete_run,
    export_run,
    formats,
    list_runs,
    load,
    load_all,
    loads,
    loads_all,
    model_info,
    models,
    save,
    show_run,
    validate,
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
    "show_run",
    "sweep",
    "validate",
    "whatif",
]


def _pandas():
    try:
        import pandas
    except ImportError as error:  # pandas is optional; only the to_pandas helpers need it
        raise ImportError("to_pandas() needs pandas (Debian: apt-get install python3-pandas)") from error
    return pandas


def model_names():
    """The registered models' names, in registry order."""
    return [model["name"] for model in models()]


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


def _scenario_argument(scenario):
    """A command's scenario as the compiled layer takes it: None (the built-in one), a path, a
    dict (a native document) or a Scenario; TypeError for anything else."""
    if scenario is None or isinstance(scenario, (Scenario, dict, str)) or hasattr(scenario,
                                                                                    "__fspath__"):
        return scenario
    raise TypeError("expected a statecraft.Scenario, a path, a dict or None, got %s"
                    % type(scenario).__name__)


def run(scenario=None, model="compromise", *, seed=0, plan=None, **params):
    """Runs one model: run(scenario, model='eum', seed=0, rounds=10, ...). scenario is a
    Scenario, a path, a dict or None (built in); parameters are keyword arguments, checked
    against the model's declared parameters; plan applies a declared plan or levers joined by
    '+' ("L2=20+L5"). Releases the GIL while the model runs."""
    return _statecraft._run(_scenario_argument(scenario),
                            {"model": model, "params": params or None, "seed": seed,
                             "plan": plan})


# ---------------------------------------------------------------------------------------------
# compare


class Comparison:
    """Every registered model run on one scenario at its defaults (`statecraft compare`).

    comparison["eum"] is that model's Result; to_dict() equals `statecraft compare --format json`.
    """

    def __init__(self, scenario, results):
        self.scenario = scenario
        self.results = {result.model: result for result in results}

    def __getitem__(self, model):
        return self.results[model]

    def __iter__(self):
        return iter(self.results.values())

    def __len__(self):
        return len(self.results)

    @property
    def models(self):
        return list(self.results)

    @property
    def outcome(self):
        """{model: {issue: value}}, after decision rules."""
        return {model: result.outcome for model, result in self.results.items()}

    def to_dict(self):
        return {"models": [result.to_dict() for result in self.results.values()]}

    def to_array(self):
        """Outcomes after decision rules, a models × issues numpy array (rows in self.models)."""
        import numpy

        return numpy.array([result.outcome_array for result in self.results.values()])

    def to_pandas(self):
        """The CLI's compare table: one row per issue, one column per model, then the status quo
        and the known outcome (NaN where the scenario has none)."""
        pandas = _pandas()
        issues = self.scenario.issues
        columns = {model: [result.outcome[issue] for issue in issues]
                   for model, result in self.results.items()}
        status_quo = self.scenario.status_quo
        known = self.scenario.known_outcome
        columns["status quo"] = [_none_to_nan(status_quo[issue]) for issue in issues]
        columns["known"] = [_none_to_nan(known[issue]) for issue in issues]
        return pandas.DataFrame(columns, index=pandas.Index(issues, name="issue"))

    def __repr__(self):
        return "<statecraft.Comparison of %d models on '%s'>" % (len(self.results), self.scenario.name)


def compare(scenario=None, *, models=None, seed=0, plan=None):
    """Runs every registered model at its defaults (or the `models` given) on the scenario (a
    Scenario, a path, a dict or None for the built-in one), under a plan when given, and returns
    a Comparison. Releases the GIL during the runs."""
    if not isinstance(scenario, Scenario):
        scenario = _to_scenario(scenario)
    return Comparison(scenario, _statecraft._compare(
        scenario, {"models": _models_field(models), "seed": seed, "plan": plan}))


def _to_scenario(value):
    if value is None:
        return builtin()
    if isinstance(value, Scenario):
        return value
    if isinstance(value, dict):
        return Scenario.from_dict(value)
    return load(value)


def _none_to_nan(value):
    return _math.nan if value is None else value


# ---------------------------------------------------------------------------------------------
# backtest


def _calibration_document(calibration):
    """A calibration given as a file path (statecraft calibrate's output) or as its dict; None
    stays None (the shipped calibration)."""
    if calibration is None or isinstance(calibration, dict):
        return calibration
    import json
    with open(calibration, encoding="utf-8") as file:
        return json.load(file)


def backtest(scenarios, models=None, *, min_actors=3, thresholds=(5, 10, 20),
             apply_decision_rules=True, model_error=True, calibration=None, train=None):
    """Scores models against the scenarios' known outcomes, as points and as distributions
    (docs/calibration.md): MAE with its clustered interval, the paired difference to the
    compromise, CRPS, coverage of the central 50/80/90 % intervals, PIT, out_of_sample.

    models: None (every registered model, and exchange after ten rounds, as the CLI does), or a
    list of "NAME", "NAME:k=v,k=v" or (label, model, {param: value}). An issue is scored when it
    has a known outcome and at least min_actors actors with a stake. Each model's error is
    learned by cross-validation by scenario, or taken from `calibration` (a path or dict);
    model_error=False scores points. train: scenarios to fit fitted models and errors on.
    """
    if isinstance(scenarios, Scenario):
        scenarios = [scenarios]
    if isinstance(train, Scenario):
        train = [train]
    return _statecraft._backtest(list(scenarios), models, min_actors, list(thresholds),
                                 apply_decision_rules, model_error,
                                 _calibration_document(calibration),
                                 None if train is None else list(train))


def backtest_deu(path, *, capability="equal", models=None, format="deu", train=None,
                 model_error=True, calibration=None):
    """`statecraft backtest deu FILE [--train TRAIN] [--model-error off] [--calibration C]`:
    the DEU dataset of EU legislative decisions; train is another dataset's path."""
    training = None if train is None else load_all(train, format=format, capability=capability)
    return backtest(load_all(path, format=format, capability=capability), models,
                    model_error=model_error, calibration=calibration, train=training)


class FlagshipBacktest:
    """`statecraft backtest flagship`: scores with and without decision rules."""

    def __init__(self, with_decision_rules, without_decision_rules):
        self.with_decision_rules = with_decision_rules
        self.without_decision_rules = without_decision_rules

    def to_dict(self):
        return {"with_decision_rules": self.with_decision_rules.to_dict(),
                "without_decision_rules": self.without_decision_rules.to_dict()}

    def __repr__(self):
        return "<statecraft.FlagshipBacktest %d issues>" % self.with_decision_rules.issues_scored


def backtest_flagship(scenario=None, *, models=None, model_error=True, calibration=None):
    """The built-in scenario's June 2024 forecast against its coded outcomes (every issue with a
    known outcome is scored, whatever its number of actors), with the models' errors from the
    shipped calibration (or `calibration`)."""
    scenario = _to_scenario(scenario)
    return FlagshipBacktest(
        backtest([scenario], models, min_actors=1, apply_decision_rules=True,
                 model_error=model_error, calibration=calibration),
        backtest([scenario], models, min_actors=1, apply_decision_rules=False,
                 model_error=model_error, calibration=calibration))


# ---------------------------------------------------------------------------------------------
# levers: whatif, sweep, optimize
#
# The scenario's levers, plans and counter-levers are those its file declares (docs/levers.md);
# they are read when an analysis needs them, as the CLI's commands read them. Models are given as
# "NAME", "NAME:k=v,k=v" or (name, {param: value}); plans as a declared plan's name or levers
# joined by '+' ("L2=20+L5"). threads=0 uses every core; results never depend on it.


def _scenario_levers(self):
    """The declared levers, plans and counter-levers: {levers: [...], plans: [...],
    counter_levers: {owner, budget, description, levers}} (empty for formats without them)."""
    return _statecraft._levers(self)


Scenario.levers = property(_scenario_levers)


class WhatifResult:
    """The baseline against each plan, per model, with uncertainty; to_dict() equals
    `statecraft whatif --format json`."""

    def __init__(self, data):
        self._data = data

    def to_dict(self):
        return self._data

    @property
    def plans(self):
        return [case["plan"] for case in self._data["plans"]]

    def __getitem__(self, plan):
        for case in self._data["plans"]:
            if case["plan"] == plan:
                return case
        raise KeyError(plan)

    def to_pandas(self):
        """One row per plan, model and issue: cost, the central forecast, the 10 / 50 / 90 %
        quantiles and mean over the draws (after decision rules), and the target's probability
        (NaN without a target)."""
        pandas = _pandas()
        rows = []
        for case in self._data["plans"]:
            for model, cell in case["models"].items():
                for issue, quantiles in cell["issues"].items():
                    rows.append({"plan": case["plan"], "model": model, "cost": case["cost"],
                                 "issue": issue, "central": _none_to_nan(cell["central"][issue]),
                                 "q10": quantiles["q10"], "median": quantiles["median"],
                                 "q90": quantiles["q90"], "mean": quantiles["mean"],
                                 "probability": cell.get("probability", _math.nan)})
        return pandas.DataFrame(rows)

    def __repr__(self):
        return "<statecraft.WhatifResult plans: %s>" % ", ".join(self.plans)


def whatif(scenario=None, plans=None, models=None, *, target=None, counter=None, draws=1000,
           seed=0, threads=0, distribution="triangular", model_error=True, calibration=None):
    """`statecraft whatif`: the baseline and each plan (default: every declared plan) on each
    model (default: every model), as point forecasts and Monte Carlo quantiles; target (e.g.
    "munitions<=25") adds its probability; counter applies the opponent's counter-levers in
    every case ("R2=20+R3"). Quantiles and probabilities include each model's own error
    (model_error=False: the inputs' spread alone; calibration: a calibration file's path or
    dict instead of the shipped one). Releases the GIL."""
    if isinstance(plans, str):
        plans = [plans]
    return WhatifResult(_statecraft._whatif(_scenario_argument(scenario), {
        "plans": plans, "models": _models_field(models), "target": target, "counter": counter,
        "draws": draws, "seed": seed, "threads": threads, "distribution": distribution,
        "model_error": model_error, "calibration": _calibration_document(calibration)}))


def sweep(scenario=None, model="compromise", plan=None, *, target=None, drivers=10,
          draws=1000, seed=0, threads=0, distribution="triangular", model_error=True,
          calibration=None):
    """`statecraft sweep`: a Monte Carlo of one model ("NAME" or "NAME:k=v,k=v") under one
    plan (default: no lever). Returns a SweepResult: to_dict() equals the CLI's JSON (quantiles
    and the target's probability with the model's own error unless model_error=False, the
    `drivers` strongest drivers of every issue); outcomes and inputs are numpy arrays (the draws'
    point forecasts, draws × issues; draws × inputs). Releases the GIL."""
    return _statecraft._sweep(_scenario_argument(scenario), {
        "models": _models_field([model]), "plan": plan, "target": target, "drivers": drivers,
        "draws": draws, "seed": seed, "threads": threads, "distribution": distribution,
        "model_error": model_error, "calibration": _calibration_document(calibration)})


def _sweep_to_pandas(self, unconstrained=False):
    """The draws as a DataFrame: one row per draw, one column per issue (after decision rules,
    or the model's own with unconstrained=True), then one column per sampled input."""
    pandas = _pandas()
    outcomes = self.unconstrained if unconstrained else self.outcomes
    frame = pandas.DataFrame(outcomes, columns=self.issues)
    inputs = pandas.DataFrame(self.inputs, columns=self.input_labels)
    return pandas.concat([frame, inputs], axis=1).rename_axis("draw")


SweepResult.to_pandas = _sweep_to_pandas


class OptimizeResult:
    """The cheapest plan reaching a target with a probability, against the opponent's best
    counter-levers; to_dict() equals `statecraft optimize --format json`."""

    def __init__(self, data):
        self._data = data

    def to_dict(self):
        return self._data

    @property
    def best(self):
        """The cheapest plan that meets the target, or None."""
        return self._data.get("best")

    def __repr__(self):
        best = self.best
        if best is None:
            return "<statecraft.OptimizeResult: no plan meets %s>" % self._data["target"]
        names = ", ".join("%s %g" % (lever["lever"], lever["magnitude"])
                          for lever in best["levers"]) if best["levers"] else "baseline"
        return "<statecraft.OptimizeResult %s: %s, cost %g>" % (self._data["target"], names,
                                                               best["cost"])


def optimize(scenario=None, target=None, probability=0.8, *, budget=None, models=None,
             runners_up=3, draws=200, seed=0, threads=0, distribution="triangular",
             model_error=True, calibration=None):
    """`statecraft optimize`: the cheapest plan of declared levers at their declared steps that
    meets target (e.g. "munitions<=25") with at least `probability`, evaluated against the
    opponent's best counter-levers within its budget; models default to compromise (a plan must
    work under each). Releases the GIL."""
    return OptimizeResult(_statecraft._optimize(_scenario_argument(scenario), {
        "target": target, "probability": probability, "budget": budget,
        "models": _models_field(models), "runners_up": runners_up, "draws": draws, "seed": seed,
        "threads": threads, "distribution": distribution, "model_error": model_error,
        "calibration": _calibration_document(calibration)}))


def report_data(scenario=None, *, model="eum", draws=200, seed=0, threads=0, model_error=True,
                calibration=None):
    """`statecraft report --format json`: the report's data for the scenario (every model's
    forecast, the distributions over `draws` draws per model, the declared plans and the drivers
    under `model`, the backtest against known outcomes), the dict the HTML report is drawn
    from. draws=0 leaves out the distributions, plans and drivers. Releases the GIL."""
    return _statecraft._report_data(_scenario_argument(scenario), {
        "model": model, "draws": draws, "seed": seed, "threads": threads,
        "model_error": model_error, "calibration": _calibration_document(calibration)})


class AnswerResult:
    """The answer to the question a scenario declares; to_dict() equals `statecraft answer
    --format json`."""

    def __init__(self, data):
        self._data = data

    def to_dict(self):
        return self._data

    @property
    def question(self):
        return self._data["question"]

    @property
    def disagreements(self):
        """Where the models disagree, in plain sentences."""
        return list(self._data["disagreements"])

    def cheapest_plans(self):
        """{model: the cheapest plan that meets the target (its levers, cost, probabilities), or
        None}."""
        return {model: entry.get("optimize", {}).get("best")
                for model, entry in self._data["models"].items()}

    def __repr__(self):
        return "<statecraft.AnswerResult %s: %d models>" % (self._data["target"],
                                                           len(self._data["models"]))


def answer(scenario=None, *, models=None, draws=500, optimize_draws=100, seed=0, threads=0,
           distribution="triangular", model_error=True, calibration=None):
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
# pandas helpers, attached to the compiled classes


def _result_to_pandas(self, kind="positions"):
    """The run as a DataFrame.

    kind="positions": long form, one row per round, actor and issue with a stake (the CLI's
    `--format csv` rows without the _outcome rows); "outcome": the model's outcome per round,
    rounds × issues; "final": the last round's positions, actors × issues (NaN: no stake).
    """
    pandas = _pandas()
    positions = self.positions
    if kind == "positions":
        rows = []
        actors, issues = self.actors, self.issues
        for round_index in range(positions.shape[0]):
            for actor_index, actor in enumerate(actors):
                for issue_index, issue in enumerate(issues):
                    value = positions[round_index, actor_index, issue_index]
                    if not _math.isnan(value):
                        rows.append((round_index, actor, issue, float(value)))
        return pandas.DataFrame(rows, columns=["round", "actor", "issue", "position"])
    if kind == "outcome":
        return pandas.DataFrame(self.round_outcomes, columns=self.issues,
                                index=pandas.RangeIndex(positions.shape[0], name="round"))
    if kind == "final":
        return pandas.DataFrame(positions[-1], columns=self.issues,
                                index=pandas.Index(self.actors, name="actor"))
    raise ValueError("unknown kind '%s', expected positions, outcome or final" % kind)


def _scenario_to_pandas(self):
    """One row per stake: actor, issue, position, salience (0-1), capability (effective)."""
    pandas = _pandas()
    positions, saliences, capabilities = self.positions, self.saliences, self.capabilities
    rows = []
    for actor_index, actor in enumerate(self.actors):
        for issue_index, issue in enumerate(self.issues):
            if _math.isnan(positions[actor_index, issue_index]):
                continue
            rows.append((actor, issue, float(positions[actor_index, issue_index]),
                         float(saliences[actor_index, issue_index]),
                         float(capabilities[actor_index, issue_index])))
    return pandas.DataFrame(rows, columns=["actor", "issue", "position", "salience", "capability"])


def _backtest_to_pandas(self):
    """One row per scored model: mae, the 95 % interval and the shares within each threshold."""
    pandas = _pandas()
    rows = []
    for label, score in self.to_dict()["models"].items():
        row = {"model": label, "mae": score["mae"], "mae_low": score["mae_ci"][0],
               "mae_high": score["mae_ci"][1]}
        for threshold, share in score["within"].items():
            row["within_" + threshold] = share
        rows.append(row)
    return pandas.DataFrame(rows).set_index("model")


def _backtest_issues_pandas(self, label=None):
    """The scored issues in long form: model, scenario, issue, known, predicted, error (absolute);
    one model's or every model's."""
    pandas = _pandas()
    frames = []
    for each in ([label] if label is not None else self.labels):
        issues = self.issues(each)
        frame = pandas.DataFrame(issues)
        frame.insert(0, "model", each)
        frame["error"] = (frame["predicted"] - frame["known"]).abs()
        frames.append(frame)
    return pandas.concat(frames, ignore_index=True)


Result.to_pandas = _result_to_pandas
Scenario.to_pandas = _scenario_to_pandas
BacktestResult.to_pandas = _backtest_to_pandas
BacktestResult.issues_to_pandas = _backtest_issues_pandas


# ---------------------------------------------------------------------------------------------
# building a scenario in code


def _estimate(value):
    """A number or a (low, central, high) triple, in the native schema."""
    if isinstance(value, (tuple, list)):
        return list(value)
    return value


class ScenarioBuilder:
    """Builds a scenario in code; build() checks it exactly as a file is checked.

        builder = statecraft.ScenarioBuilder("Toy", salience_scale=100)
        builder.actor("A", capability=2).actor("B")
        builder.issue("tariff", scale=(0, 100), status_quo=50)
        builder.stake("A", "tariff", position=20, salience=80)
        builder.stake("B", "tariff", position=(60, 70, 80), salience=50)
        scenario = builder.build()

    A number may be a (low, central, high) triple wherever the file format allows a range.
    """

    def __init__(self, name="", description="", salience_scale=1, sources=()):
        self._data = {"name": name}
        if description:
            self._data["description"] = description
        if sources:
            self._data["sources"] = list(sources)
        if salience_scale != 1:
            self._data["salience_scale"] = salience_scale
        self._data["actors"] = []
        self._data["issues"] = []
        self._data["stakes"] = {}

    def actor(self, name, capability=None, description=""):
        actor = {"name": name}
        if description:
            actor["description"] = description
        if capability is not None:
            actor["capability"] = _estimate(capability)
        self._data["actors"].append(actor)
        return self

    def issue(self, name, scale=(0, 100), status_quo=None, known_outcome=None, deciders=None,
              description="", anchors=None):
        issue = {"name": name}
        if description:
            issue["description"] = description
        issue["scale"] = list(scale)
        if anchors:
            issue["anchors"] = {str(value): meaning for value, meaning in anchors.items()}
        if status_quo is not None:
            issue["reference_point"] = _estimate(status_quo)
        if known_outcome is not None:
            issue["known_outcome"] = _estimate(known_outcome)
        if deciders is not None:
            issue["deciders"] = list(deciders)
        self._data["issues"].append(issue)
        return self

    def stake(self, actor, issue, position, salience, capability=None, source=""):
        stake = {"position": _estimate(position), "salience": _estimate(salience)}
        if capability is not None:
            stake["capability"] = _estimate(capability)
        if source:
            stake["source"] = source
        self._data["stakes"].setdefault(actor, {})[issue] = stake
        return self

    def to_dict(self):
        """The scenario so far, in the native schema."""
        import copy

        return copy.deepcopy(self._data)

    def build(self):
        """The validated Scenario; ValueError naming what is wrong otherwise."""
        return Scenario.from_dict(self._data)
