"""The results of the analyses: each has to_dict() (the JSON the CLI prints with --format
json), to_pandas(), a readable __repr__, a compact _repr_html_ table for Jupyter, and plot() where
the report draws a chart of it.

Comparison, WhatifResult, OptimizeResult, AnswerResult and FlagshipBacktest wrap the request
layer's JSON; Result, SweepResult and BacktestResult are compiled classes, given the same
methods here.
"""

import math

from . import _plot
from ._display import (Displayed, attach_display, html_table, interval, levers_text, number,
                       probability)
from ._statecraft import BacktestResult, Result, Scenario, SweepResult


def pandas_module():
    try:
        import pandas
    except ImportError as error:  # pandas is optional; only the to_pandas helpers need it
        raise ImportError("to_pandas() needs pandas: install it with `apt-get install "
                          "python3-pandas` (Debian) or `pip install pandas`") from error
    return pandas


def none_to_nan(value):
    return math.nan if value is None else value


# ---------------------------------------------------------------------------------------------
# Result (compiled): one model run


def _result_table(self):
    scenario = self.scenario
    rounds = "%d round%s" % (self.rounds, "" if self.rounds == 1 else "s")
    title = "statecraft.Result: %s on '%s', %s, seed %d" % (self.model, scenario.name, rounds,
                                                            self.seed)
    status_quo = scenario.status_quo
    rows = [(issue, number(self.outcome[issue]), number(self.unconstrained_outcome[issue]),
             number(status_quo[issue])) for issue in self.issues]
    return (title, ["issue", "outcome", "before decision rules", "status quo"], rows, [])


def _result_to_pandas(self, kind="positions"):
    """The run as a DataFrame.

    kind="positions": long form, one row per round, actor and issue with a stake (the CLI's
    `--format csv` rows without the _outcome rows); "outcome": the model's outcome per round,
    rounds x issues; "final": the last round's positions, actors x issues (NaN: no stake).
    """
    pandas = pandas_module()
    positions = self.positions
    if kind == "positions":
        rows = []
        actors, issues = self.actors, self.issues
        for round_index in range(positions.shape[0]):
            for actor_index, actor in enumerate(actors):
                for issue_index, issue in enumerate(issues):
                    value = positions[round_index, actor_index, issue_index]
                    if not math.isnan(value):
                        rows.append((round_index, actor, issue, float(value)))
        return pandas.DataFrame(rows, columns=["round", "actor", "issue", "position"])
    if kind == "outcome":
        return pandas.DataFrame(self.round_outcomes, columns=self.issues,
                                index=pandas.RangeIndex(positions.shape[0], name="round"))
    if kind == "final":
        return pandas.DataFrame(positions[-1], columns=self.issues,
                                index=pandas.Index(self.actors, name="actor"))
    raise ValueError("kind: found '%s', expected positions, outcome or final" % kind)


def _result_plot(self, issue=None):
    """The report's trajectory charts: every actor's position round by round and the model's
    outcome (thick), one panel per issue (or only `issue`), on the issue's scale. Returns the
    matplotlib Figure; needs matplotlib."""
    return _plot.trajectories(self, issue)


attach_display(Result, _result_table)
Result.to_pandas = _result_to_pandas
Result.plot = _result_plot


# ---------------------------------------------------------------------------------------------
# Scenario (compiled)


def _scenario_table(self):
    title = "statecraft.Scenario '%s': %d actors, %d issues" % (self.name, len(self.actors),
                                                                len(self.issues))
    scales, status_quo, known = self.scales, self.status_quo, self.known_outcome
    deciders = self.deciders
    rows = [(issue, "%g-%g" % scales[issue], number(status_quo[issue]), number(known[issue]),
             ", ".join(deciders[issue]) if deciders[issue] else "collective")
            for issue in self.issues]
    notes = ["actors: " + ", ".join(self.actors)]
    return (title, ["issue", "scale", "status quo", "known outcome", "decided by"], rows, notes)


def _scenario_to_pandas(self):
    """One row per stake: actor, issue, position, salience (0-1), capability (effective)."""
    pandas = pandas_module()
    positions, saliences, capabilities = self.positions, self.saliences, self.capabilities
    rows = []
    for actor_index, actor in enumerate(self.actors):
        for issue_index, issue in enumerate(self.issues):
            if math.isnan(positions[actor_index, issue_index]):
                continue
            rows.append((actor, issue, float(positions[actor_index, issue_index]),
                         float(saliences[actor_index, issue_index]),
                         float(capabilities[actor_index, issue_index])))
    return pandas.DataFrame(rows, columns=["actor", "issue", "position", "salience", "capability"])


Scenario._table = _scenario_table
Scenario._repr_html_ = lambda self: html_table(*self._table())
Scenario.to_pandas = _scenario_to_pandas


# ---------------------------------------------------------------------------------------------
# compare


class Comparison(Displayed):
    """Every registered model (or those asked for) run on one scenario (`statecraft compare`).

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
        """The models' names, in the order they ran."""
        return list(self.results)

    @property
    def outcome(self):
        """{model: {issue: value}}, after decision rules."""
        return {model: result.outcome for model, result in self.results.items()}

    def to_dict(self):
        """The JSON of `statecraft compare --format json`: {models: [run JSON, ...]}."""
        return {"models": [result.to_dict() for result in self.results.values()]}

    def to_array(self):
        """Outcomes after decision rules, a models x issues numpy array (rows in self.models)."""
        import numpy

        return numpy.array([result.outcome_array for result in self.results.values()])

    def to_pandas(self):
        """The CLI's compare table: one row per issue, one column per model, then the status quo
        and the known outcome (NaN where the scenario has none)."""
        pandas = pandas_module()
        issues = self.scenario.issues
        columns = {model: [result.outcome[issue] for issue in issues]
                   for model, result in self.results.items()}
        status_quo = self.scenario.status_quo
        known = self.scenario.known_outcome
        columns["status quo"] = [none_to_nan(status_quo[issue]) for issue in issues]
        columns["known"] = [none_to_nan(known[issue]) for issue in issues]
        return pandas.DataFrame(columns, index=pandas.Index(issues, name="issue"))

    def _table(self):
        title = "statecraft.Comparison: %d models on '%s' (outcomes after decision rules)" % (
            len(self.results), self.scenario.name)
        status_quo, known = self.scenario.status_quo, self.scenario.known_outcome
        rows = [[issue] + [number(result.outcome[issue]) for result in self.results.values()]
                + [number(status_quo[issue]), number(known[issue])]
                for issue in self.scenario.issues]
        return (title, ["issue"] + self.models + ["status quo", "known"], rows, [])


# ---------------------------------------------------------------------------------------------
# whatif


class WhatifResult(Displayed):
    """The baseline against each plan, per model, with uncertainty; to_dict() equals
    `statecraft whatif --format json`."""

    def __init__(self, data, scenario=None):
        self._data = data
        self._scenario = scenario

    def to_dict(self):
        """The JSON of `statecraft whatif --format json`."""
        return self._data

    @property
    def plans(self):
        """The plans' names, the baseline first."""
        return [case["plan"] for case in self._data["plans"]]

    @property
    def target(self):
        """The target (e.g. "munitions<=25"), or None."""
        return self._data.get("target")

    def __getitem__(self, plan):
        for case in self._data["plans"]:
            if case["plan"] == plan:
                return case
        raise KeyError(plan)

    def to_pandas(self):
        """One row per plan, model and issue: cost, the central forecast, the 10 / 50 / 90 %
        quantiles and mean over the draws (after decision rules), and the target's probability
        (NaN without a target)."""
        pandas = pandas_module()
        rows = []
        for case in self._data["plans"]:
            for model, cell in case["models"].items():
                for issue, quantiles in cell["issues"].items():
                    rows.append({"plan": case["plan"], "model": model, "cost": case["cost"],
                                 "issue": issue, "central": none_to_nan(cell["central"][issue]),
                                 "q10": quantiles["q10"], "median": quantiles["median"],
                                 "q90": quantiles["q90"], "mean": quantiles["mean"],
                                 "probability": none_to_nan(cell.get("probability"))})
        return pandas.DataFrame(rows)

    def plot(self, issue=None):
        """The report's "baseline vs plans" charts: per issue (or only `issue`), each plan's
        10-90 % band and median under each model, with the target. Returns the matplotlib
        Figure; needs matplotlib."""
        return _plot.plans(self, issue)

    def _table(self):
        data = self._data
        title = "statecraft.WhatifResult: %d plans, %d draws, seed %d" % (
            len(data["plans"]), data["draws"], data["seed"])
        issues = list(data["plans"][0]["models"].values())[0]["issues"] if data["plans"] else {}
        headers = ["plan", "cost", "model"] + ["%s median [10%%, 90%%]" % issue
                                               for issue in issues]
        if self.target:
            headers.append("P(%s)" % self.target)
        rows = []
        for case in data["plans"]:
            for model, cell in case["models"].items():
                row = [case["plan"], number(case["cost"]), model]
                row += [interval(cell["issues"][issue]) for issue in issues]
                if self.target:
                    row.append(probability(cell.get("probability")))
                rows.append(row)
        return (title, headers, rows, [])


# ---------------------------------------------------------------------------------------------
# sweep (compiled)


def _sweep_to_pandas(self, unconstrained=False):
    """The draws as a DataFrame: one row per draw, one column per issue (after decision rules,
    or the model's own with unconstrained=True), then one column per sampled input."""
    pandas = pandas_module()
    outcomes = self.unconstrained if unconstrained else self.outcomes
    frame = pandas.DataFrame(outcomes, columns=self.issues)
    inputs = pandas.DataFrame(self.inputs, columns=self.input_labels)
    return pandas.concat([frame, inputs], axis=1).rename_axis("draw")


def _sweep_table(self):
    data = self.to_dict()
    title = "statecraft.SweepResult: %s under plan '%s', %d draws, seed %d" % (
        data["model"], data["plan"], data["draws"], data["seed"])
    notes = []
    if data.get("target"):
        title += ", P(%s) = %s" % (data["target"], probability(data.get("probability")))
    rows = []
    for issue, quantiles in data["issues"].items():
        own = quantiles.get("unconstrained", quantiles)
        rows.append((issue, number(quantiles["q10"]), number(quantiles["median"]),
                     number(quantiles["q90"]), number(quantiles["mean"]), number(own["median"])))
        drivers = data.get("drivers", {}).get(issue)
        if drivers:
            notes.append("%s is driven most by %s (rho %+.2f)" % (
                issue, drivers[0]["input"], drivers[0]["rank_correlation"]))
    return (title, ["issue", "10%", "median", "90%", "mean", "median before decision rules"],
            rows, notes)


def _sweep_plot(self, issue=None):
    """The report's charts of a sweep: per issue (or only `issue`), the distribution of the
    outcome over the draws with its 10 / 50 / 90 % quantiles and the target, and the drivers
    (tornado: the outcome when each input is in its low and high fifth). Returns the matplotlib
    Figure; needs matplotlib."""
    return _plot.sweep(self, issue)


attach_display(SweepResult, _sweep_table)
SweepResult.to_pandas = _sweep_to_pandas
SweepResult.plot = _sweep_plot


# ---------------------------------------------------------------------------------------------
# optimize


class OptimizeResult(Displayed):
    """The cheapest plan reaching a target with a probability, against the opponent's best
    counter-levers; to_dict() equals `statecraft optimize --format json`."""

    def __init__(self, data):
        self._data = data

    def to_dict(self):
        """The JSON of `statecraft optimize --format json`."""
        return self._data

    @property
    def best(self):
        """The cheapest plan that meets the target (levers, cost, probabilities), or None."""
        return self._data.get("best")

    def candidates(self):
        """[(rank, plan)]: the best plan, the runners-up, and when no plan meets the target the
        closest ones."""
        out = []
        if self._data.get("best") is not None:
            out.append(("best", self._data["best"]))
        out += [("runner-up", plan) for plan in self._data.get("runners_up", [])]
        out += [("closest", plan) for plan in self._data.get("closest", [])]
        return out

    def to_pandas(self):
        """One row per candidate (best, runners-up, closest): its levers, cost, probability of
        the target, median, probability against the best counter-levers, those counter-levers
        and their cost, and whether it meets the target."""
        pandas = pandas_module()
        rows = []
        for rank, plan in self.candidates():
            rows.append({"rank": rank, "levers": levers_text(plan["levers"]),
                         "cost": plan["cost"], "probability": plan["probability"],
                         "median": none_to_nan(plan.get("median")),
                         "probability_with_counter_levers":
                             plan.get("probability_with_counter_levers"),
                         "counter_levers": levers_text(plan.get("best_counter_levers", [])),
                         "counter_cost": plan.get("counter_cost"),
                         "meets_target": bool(plan.get("meets_target"))})
        columns = ["rank", "levers", "cost", "probability", "median",
                   "probability_with_counter_levers", "counter_levers", "counter_cost",
                   "meets_target"]
        return pandas.DataFrame(rows, columns=columns)

    def _table(self):
        data = self._data
        title = "statecraft.OptimizeResult: %s with probability >= %s under %s (%d of %d plans " \
                "evaluated, %d draws)" % (data["target"], probability(data["required_probability"]),
                                          ", ".join(data["models"]), data["evaluated"],
                                          data["candidates"], data["draws"])
        notes = ["no plan meets the target; the closest are shown"] if self.best is None else []
        rows = [(rank, levers_text(plan["levers"]), number(plan["cost"]),
                 probability(plan["probability"]),
                 probability(plan.get("probability_with_counter_levers")),
                 levers_text(plan.get("best_counter_levers", [])))
                for rank, plan in self.candidates()]
        return (title, ["", "levers", "cost", "P(target)", "P against counter-levers",
                        "best counter-levers"], rows, notes)


# ---------------------------------------------------------------------------------------------
# answer


class AnswerResult(Displayed):
    """The answer to the question a scenario declares; to_dict() equals `statecraft answer
    --format json`."""

    def __init__(self, data):
        self._data = data

    def to_dict(self):
        """The JSON of `statecraft answer --format json`."""
        return self._data

    @property
    def question(self):
        """The scenario's question, in its words."""
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

    def _target_issue(self):
        return _plot.parse_target(self._data["target"])[0]

    def to_pandas(self):
        """One row per model and plan (the baseline first): cost, the target issue's median and
        10-90 % interval, and the probability of the target; a model that could not run on the
        scenario has one row with its failure."""
        pandas = pandas_module()
        issue = self._target_issue()
        rows = []
        for model, entry in self._data["models"].items():
            if "failure" in entry:
                rows.append({"model": model, "plan": None, "failure": str(entry["failure"])})
                continue
            for case in entry["whatif"]:
                cell = case["models"][model]
                quantiles = cell["issues"][issue]
                rows.append({"model": model, "plan": case["plan"], "cost": case["cost"],
                             "q10": quantiles["q10"], "median": quantiles["median"],
                             "q90": quantiles["q90"],
                             "probability": none_to_nan(cell.get("probability")),
                             "failure": None})
        columns = ["model", "plan", "cost", "q10", "median", "q90", "probability", "failure"]
        return pandas.DataFrame(rows, columns=columns)

    def _table(self):
        data = self._data
        issue = self._target_issue()
        title = "statecraft.AnswerResult: %s (%s with probability >= %s)" % (
            data["question"], data["target"], probability(data["required_probability"]))
        rows = []
        for model, entry in data["models"].items():
            if "failure" in entry:
                rows.append((model, "-", "-", "-", "could not run: %s" % entry["failure"]))
                continue
            baseline = entry["whatif"][0]["models"][model]
            best = entry.get("optimize", {}).get("best")
            rows.append((model, interval(baseline["issues"][issue]),
                         probability(baseline.get("probability")),
                         levers_text(best["levers"]) if best else "none found",
                         number(best["cost"]) if best else "-"))
        return (title, ["model", "baseline %s median [10%%, 90%%]" % issue, "P(target)",
                        "cheapest plan", "cost"], rows, data["disagreements"])


# ---------------------------------------------------------------------------------------------
# backtests


def _backtest_to_pandas(self):
    """One row per scored model: mae, the 95 % interval and the shares within each threshold."""
    pandas = pandas_module()
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
    pandas = pandas_module()
    frames = []
    for each in ([label] if label is not None else self.labels):
        issues = self.issues(each)
        frame = pandas.DataFrame(issues)
        frame.insert(0, "model", each)
        frame["error"] = (frame["predicted"] - frame["known"]).abs()
        frames.append(frame)
    return pandas.concat(frames, ignore_index=True)


def _score_row(label, score):
    low, high = score["mae_ci"]
    ci = "-" if low is None else "[%s, %s]" % (number(low), number(high))
    return [label, number(score["mae"]), ci] + [probability(share)
                                               for share in score["within"].values()]


def _backtest_table(self):
    data = self.to_dict()
    title = "statecraft.BacktestResult: %d issues scored (mean absolute error, 95%% interval)" \
        % data["issues_scored"]
    scores = data["models"]
    thresholds = list(next(iter(scores.values()))["within"]) if scores else []
    rows = [_score_row(label, score) for label, score in scores.items()]
    return (title, ["model", "MAE", "95% interval"] + ["within %s" % t for t in thresholds],
            rows, [])


attach_display(BacktestResult, _backtest_table)
BacktestResult.to_pandas = _backtest_to_pandas
BacktestResult.issues_to_pandas = _backtest_issues_pandas


class FlagshipBacktest(Displayed):
    """`statecraft backtest flagship`: the built-in scenario's forecast scored with and without
    decision rules; to_dict() equals the CLI's JSON."""

    def __init__(self, with_decision_rules, without_decision_rules):
        self.with_decision_rules = with_decision_rules
        self.without_decision_rules = without_decision_rules

    def to_dict(self):
        """{with_decision_rules: backtest JSON, without_decision_rules: backtest JSON}."""
        return {"with_decision_rules": self.with_decision_rules.to_dict(),
                "without_decision_rules": self.without_decision_rules.to_dict()}

    def to_pandas(self):
        """One row per model and way of scoring: the index is (decision_rules, model), with
        decision_rules "with" or "without"; the columns those of BacktestResult.to_pandas()."""
        pandas = pandas_module()
        return pandas.concat([self.with_decision_rules.to_pandas(),
                              self.without_decision_rules.to_pandas()],
                             keys=["with", "without"], names=["decision_rules", "model"])

    def _table(self):
        with_rules = self.with_decision_rules.to_dict()["models"]
        without = self.without_decision_rules.to_dict()["models"]
        title = "statecraft.FlagshipBacktest: %d issues scored (mean absolute error)" \
            % self.with_decision_rules.issues_scored
        rows = [(label, number(score["mae"]),
                 number(without[label]["mae"]) if label in without else "-")
                for label, score in with_rules.items()]
        return (title, ["model", "with decision rules", "without"], rows, [])
