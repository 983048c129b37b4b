"""matplotlib versions of the report's charts (statecraft/report/svg_chart.h): a run's
trajectories, a what-if's baseline against its plans, a sweep's distributions and drivers.

matplotlib is optional: plot() raises ImportError saying how to install it when it is missing.
Each chart is a matplotlib Figure made without pyplot, so a notebook shows it once (the
returned value) and a script saves it with fig.savefig("chart.png").
"""

import math
import re

INSTALL_HINT = ("plot() needs matplotlib, which is not installed: `apt-get install "
                "python3-matplotlib` (Debian) or `pip install matplotlib` in your environment")

_TARGET = re.compile(r"^\s*(.+?)\s*(<=|>=|<|>)\s*([-+0-9.eE]+)\s*$")


def parse_target(text):
    """"munitions<=25" -> ("munitions", "<=", 25.0); (None, None, None) for None."""
    if not text:
        return (None, None, None)
    found = _TARGET.match(text)
    if not found:
        return (None, None, None)
    return (found.group(1), found.group(2), float(found.group(3)))


def _figure(rows, columns=1, height=2.8, width=7.0):
    try:
        # pyplot is imported, not used: in Jupyter its import sets up the inline backend, which
        # registers the PNG display of figures, so the returned Figure shows as a chart.
        import matplotlib.pyplot  # noqa: F401
        from matplotlib.figure import Figure
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    figure = Figure(figsize=(width, height * rows), layout="constrained")
    return figure, figure.subplots(rows, columns, squeeze=False)


def _chosen_issues(issues, issue):
    if issue is None:
        return list(issues)
    if issue not in issues:
        raise ValueError("issue: found '%s', expected one of %s" % (issue, ", ".join(issues)))
    return [issue]


def _scales(scenario):
    """{issue: (low, high)} of a result's scenario argument (None, a path, a dict or a
    Scenario), or {} when it cannot be read again."""
    from . import _statecraft

    try:
        if scenario is None:
            return _statecraft.builtin().scales
        if isinstance(scenario, _statecraft.Scenario):
            return scenario.scales
        if isinstance(scenario, dict):
            return _statecraft.Scenario.from_dict(scenario).scales
        return _statecraft.load(scenario).scales
    except (ValueError, OSError, TypeError):
        return {}


def _target_line(axis, target, issue, vertical=True):
    name, operator, value = parse_target(target)
    if name != issue:
        return
    draw = axis.axvline if vertical else axis.axhline
    draw(value, color="#b2182b", linestyle="--", linewidth=1.2, label="target %s %g" % (operator,
                                                                                      value))


def trajectories(result, issue=None):
    """Every actor's position on each issue round by round, and the model's outcome (thick)."""
    issues = _chosen_issues(result.issues, issue)
    figure, axes = _figure(len(issues))
    positions, outcomes = result.positions, result.round_outcomes
    rounds = list(range(positions.shape[0]))
    scales = result.scenario.scales
    for row, name in enumerate(issues):
        axis = axes[row][0]
        column = result.issues.index(name)
        for actor_index, actor in enumerate(result.actors):
            values = positions[:, actor_index, column]
            if all(math.isnan(value) for value in values):
                continue
            axis.plot(rounds, values, linewidth=1, alpha=0.8, label=actor)
        axis.plot(rounds, outcomes[:, column], color="black", linewidth=3, label="model outcome")
        final = result.outcome[name]
        if abs(final - outcomes[-1, column]) > 1e-9:
            axis.axhline(final, color="black", linestyle=":", linewidth=1.5,
                         label="after decision rules")
        low, high = scales[name]
        axis.set_ylim(low, high)
        axis.set_xlabel("round")
        axis.set_ylabel(name)
        axis.set_title("%s: %s, positions over rounds" % (result.model, name))
        axis.legend(fontsize="x-small", loc="center left", bbox_to_anchor=(1.0, 0.5))
    return figure


def plans(whatif, issue=None):
    """Per issue, each plan's 10-90 % band, median and central forecast under each model."""
    data = whatif.to_dict()
    cases = data["plans"]
    first = next(iter(cases[0]["models"].values())) if cases else {"issues": {}}
    issues = _chosen_issues(list(first["issues"]), issue)
    rows = [(case["plan"], model, cell) for case in cases for model, cell in case["models"].items()]
    figure, axes = _figure(len(issues), height=0.9 + 0.28 * len(rows))
    scales = _scales(whatif._scenario)
    for row_index, name in enumerate(issues):
        axis = axes[row_index][0]
        for y, (plan, model, cell) in enumerate(rows):
            quantiles = cell["issues"][name]
            axis.hlines(y, quantiles["q10"], quantiles["q90"], linewidth=6, alpha=0.35,
                        color="#2166ac", label="10-90 %" if y == 0 else None)
            axis.plot(quantiles["median"], y, marker="|", markersize=12, color="#2166ac",
                      label="median" if y == 0 else None)
            central = cell["central"].get(name)
            if central is not None:
                axis.plot(central, y, marker="o", fillstyle="none", color="black",
                          label="central forecast" if y == 0 else None)
        axis.set_yticks(range(len(rows)))
        axis.set_yticklabels(["%s · %s" % (plan, model) for plan, model, _ in rows],
                             fontsize="small")
        axis.invert_yaxis()
        if name in scales:
            axis.set_xlim(*scales[name])
        _target_line(axis, data.get("target"), name)
        axis.set_xlabel(name)
        axis.set_title("%s: baseline vs plans" % name)
        axis.legend(fontsize="x-small", loc="center left", bbox_to_anchor=(1.0, 0.5))
    return figure


def sweep(result, issue=None):
    """Per issue, the outcome's distribution over the draws and its drivers (tornado)."""
    data = result.to_dict()
    issues = _chosen_issues(result.issues, issue)
    figure, axes = _figure(len(issues), columns=2, width=11.0)
    outcomes = result.outcomes
    for row, name in enumerate(issues):
        quantiles = data["issues"][name]
        histogram, tornado = axes[row]
        histogram.hist(outcomes[:, result.issues.index(name)], bins=30, color="#92c5de")
        for key, style in (("q10", ":"), ("median", "-"), ("q90", ":")):
            histogram.axvline(quantiles[key], color="#2166ac", linestyle=style, linewidth=1.2,
                              label="%s %.1f" % ("median" if key == "median" else key[1:] + " %",
                                                 quantiles[key]))
        _target_line(histogram, data.get("target"), name)
        histogram.set_xlabel(name)
        histogram.set_ylabel("draws")
        histogram.set_title("%s: %s, %d draws" % (data["model"], name, data["draws"]))
        histogram.legend(fontsize="x-small")
        drivers = result.drivers(name, 8)
        labels = [driver["input"] for driver in drivers]
        ends = [quantiles["median"]]
        for y, driver in enumerate(drivers):
            low, high = driver["outcome_when_low"], driver["outcome_when_high"]
            rises = high >= low
            tornado.barh(y, high - low, left=low, height=0.6,
                         color="#d6604d" if rises else "#4393c3",
                         label=("outcome rises with the input" if rises else
                                "outcome falls with the input"))
            ends += [low, high]
        tornado.axvline(quantiles["median"], color="black", linewidth=1, label="median")
        # Bars stick to their ends, so autoscaling leaves none of them any margin.
        pad = 0.05 * (max(ends) - min(ends) or 1.0)
        tornado.set_xlim(min(ends) - pad, max(ends) + pad)
        handles, names = tornado.get_legend_handles_labels()
        unique = dict(zip(names, handles))
        tornado.legend(unique.values(), unique.keys(), fontsize="x-small", loc="upper center",
                       bbox_to_anchor=(0.5, -0.25), ncol=3)
        tornado.set_yticks(range(len(labels)))
        tornado.set_yticklabels(labels, fontsize="x-small")
        tornado.invert_yaxis()
        tornado.set_xlabel("%s when the input is in its low fifth -> high fifth" % name)
        tornado.set_title("drivers of %s" % name)
    return figure
