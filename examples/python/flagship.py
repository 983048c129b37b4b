"""The flagship analysis in Python: can the West bring North Korean munitions for Russia down to
token level (munitions <= 25), with which levers, at what cost, and how sure are we?

The same answer as `statecraft` without arguments, from statecraft.answer() (the analysis layer
computes it, where the models disagree included), shown with the Python module:

  1. the baseline forecast per model, with 10-90 % intervals over the draws;
  2. each declared plan: the probability of token level per model;
  3. per model, the cheapest plan reaching it with probability >= 80 %, and what Russia's best
     counter-levers do to it;
  4. the backtest: the June 2024 forecast against the coded 2024-25 outcomes;
  5. where the models disagree.

Charts (PNG) are drawn with matplotlib when it is installed.

    make python
    PYTHONPATH=build/python /usr/bin/python3 examples/python/flagship.py [--draws 500] [--out DIR]
"""

import argparse
import os
import sys

import statecraft

# The built-in scenario's question (its `question` key): munitions<=25 with 80 % confidence.
TARGET = "munitions<=25"
TARGET_ISSUE = "munitions"


def table(rows):
    """Prints rows as a plain table, columns padded to their widest cell."""
    widths = [max(len(str(row[c])) for row in rows) for c in range(len(rows[0]))]
    for row in rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())


def interval(quantiles):
    return "%.1f [%.1f, %.1f]" % (quantiles["median"], quantiles["q10"], quantiles["q90"])


def levers_text(levers):
    return ", ".join("%s %g" % (lever["lever"], lever["magnitude"]) for lever in levers) or "none"


def analyse(draws, optimize_draws, seed, threads):
    """The answer to the built-in scenario's question: per model its what-if (the baseline and
    every declared plan) and its cheapest plan, or the reason the model could not run on the
    scenario; and where the models disagree."""
    scenario = statecraft.builtin()
    answer = statecraft.answer(scenario, draws=draws, optimize_draws=optimize_draws, seed=seed,
                               threads=threads).to_dict()
    return scenario, answer


def report(scenario, data, backtest):
    answers = data["models"]
    ran = {model: answer for model, answer in answers.items() if "failure" not in answer}
    print(scenario.name)
    print("Question: %s (%s with %.0f%% confidence)"
          % (data["question"], data["target"], 100 * data["required_probability"]))
    for model, answer in answers.items():
        if "failure" in answer:
            print("note: model %s was left out: %s" % (model, answer["failure"]))

    print("\n1. Baseline forecast (no lever): median [10%, 90%]")
    rows = [["model"] + scenario.issues]
    for model, answer in ran.items():
        baseline = answer["whatif"][0]["models"][model]
        rows.append([model] + [interval(baseline["issues"][issue]) for issue in scenario.issues])
    rows.append(["status quo (June 2024)"] +
                ["-" if scenario.status_quo[i] is None else "%.1f" % scenario.status_quo[i]
                 for i in scenario.issues])
    rows.append(["coded outcome 2024-25"] +
                ["-" if scenario.known_outcome[i] is None else "%.1f" % scenario.known_outcome[i]
                 for i in scenario.issues])
    table(rows)

    print("\n2. Plans: P(%s) per model, median munitions in brackets" % TARGET)
    first = next(iter(ran.values()))["whatif"]
    rows = [["plan", "levers", "cost"] + list(ran)]
    for index, plan in enumerate(first):
        row = [plan["plan"], levers_text(plan["levers"]), "%.1f" % plan["cost"]]
        for model, answer in ran.items():
            cell = answer["whatif"][index]["models"][model]
            row.append("%.0f%% (%.0f)" % (100 * cell["probability"],
                                          cell["issues"][TARGET_ISSUE]["median"]))
        rows.append(row)
    table(rows)

    counter = scenario.levers["counter_levers"]
    print("\n3. Cheapest plan reaching P(%s) >= %.0f%% against %s's best counter-levers "
          "(budget %.1f)" % (TARGET, 100 * data["required_probability"],
                            data.get("opponent", "the opponent"), counter["budget"]))
    rows = [["model", "cheapest plan", "cost", "P without counter", "P with counter",
             "best counter"]]
    for model, answer in ran.items():
        result = answer["optimize"]
        best = result["best"]
        if best is not None:
            plan = levers_text(best["levers"])
            without = "%.0f%%" % (100 * best["probability"])
            counter_levers = levers_text(best.get("best_counter_levers", [])).replace(
                "none", "none helps")
        elif result.get("closest"):
            # No plan meets the target: the one that comes closest (highest probability, then
            # the median nearest the target), as the CLI reports it.
            best = result["closest"][0]
            plan = "none; closest: " + levers_text(best["levers"])
            without = "%.0f%% (median %.0f)" % (100 * best["probability"], best["median"])
            counter_levers = levers_text(best.get("best_counter_levers", [])).replace("none", "-")
        else:
            continue
        countered = best.get("probability_with_counter_levers", best["probability"])
        rows.append([model, plan, "%.1f" % best["cost"], without, "%.0f%%" % (100 * countered),
                     counter_levers])
    table(rows)

    print("\n4. Backtest: the June 2024 forecast against the coded 2024-25 outcomes "
          "(mean absolute error, scale points)")
    with_rules = backtest.with_decision_rules.to_dict()["models"]
    without_rules = backtest.without_decision_rules.to_dict()["models"]
    rows = [["model", "MAE with decision rules", "MAE without"]]
    for label in with_rules:
        rows.append([label, "%.2f" % with_rules[label]["mae"],
                     "%.2f" % without_rules[label]["mae"]])
    table(rows)

    print("\n5. Where the models disagree")
    for line in data["disagreements"]:
        print("- " + line)


def charts(scenario, data, out_dir):
    """Three PNG charts; skipped with a note when matplotlib is not installed."""
    answers = data["models"]
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as pyplot
    except ImportError:
        print("\n(matplotlib is not installed: no charts; Debian: apt-get install "
              "python3-matplotlib)")
        return []
    os.makedirs(out_dir, exist_ok=True)
    ran = {model: answer for model, answer in answers.items() if "failure" not in answer}
    written = []

    # Baseline: median and 10-90 % interval per model and issue.
    figure, axes = pyplot.subplots(1, len(scenario.issues), figsize=(4 * len(scenario.issues), 4),
                                   sharey=True)
    for axis, issue in zip(axes, scenario.issues):
        for row, (model, answer) in enumerate(ran.items()):
            quantiles = answer["whatif"][0]["models"][model]["issues"][issue]
            axis.errorbar(quantiles["median"], row,
                          xerr=[[quantiles["median"] - quantiles["q10"]],
                                [quantiles["q90"] - quantiles["median"]]], fmt="o", capsize=3)
        if scenario.status_quo[issue] is not None:
            axis.axvline(scenario.status_quo[issue], color="grey", linestyle=":",
                         label="status quo")
        if scenario.known_outcome[issue] is not None:
            axis.axvline(scenario.known_outcome[issue], color="black", linestyle="--",
                         label="coded outcome")
        axis.set_title(issue)
        axis.set_xlim(*scenario.scales[issue])
        axis.set_yticks(range(len(ran)))
        axis.set_yticklabels(list(ran))
    axes[0].legend(loc="lower left", fontsize="small")
    figure.suptitle("Baseline forecast: median and 10-90 % interval")
    figure.tight_layout()
    written.append(os.path.join(out_dir, "baseline.png"))
    figure.savefig(written[-1], dpi=120)
    pyplot.close(figure)

    # Plans: median munitions (10-90 % whiskers) per plan and model, against token level; the
    # legend gives each model's best probability of token level.
    plans = [plan["plan"] for plan in next(iter(ran.values()))["whatif"]]
    figure, axis = pyplot.subplots(figsize=(max(7, 1.4 * len(plans)), 4.5))
    width = 0.8 / len(ran)
    for offset, (model, answer) in enumerate(ran.items()):
        cells = [plan["models"][model] for plan in answer["whatif"]]
        medians = [cell["issues"][TARGET_ISSUE]["median"] for cell in cells]
        whiskers = [[cell["issues"][TARGET_ISSUE]["median"] - cell["issues"][TARGET_ISSUE]["q10"]
                     for cell in cells],
                    [cell["issues"][TARGET_ISSUE]["q90"] - cell["issues"][TARGET_ISSUE]["median"]
                     for cell in cells]]
        best = max(cell["probability"] for cell in cells)
        axis.bar([k + offset * width for k in range(len(plans))], medians, width, yerr=whiskers,
                 capsize=2, label="%s (best P %.0f%%)" % (model, 100 * best))
    threshold = float(TARGET.split("<=")[1])
    axis.axhline(threshold, color="black", linestyle="--", linewidth=0.8, label="token level")
    axis.set_xticks([k + 0.4 - width / 2 for k in range(len(plans))])
    axis.set_xticklabels(plans, rotation=20)
    axis.set_ylabel(TARGET_ISSUE + ": median [10%, 90%]")
    axis.set_ylim(*scenario.scales[TARGET_ISSUE])
    axis.legend(fontsize="x-small", ncol=2, loc="lower left")
    axis.set_title("Which plan brings munitions to token level (%s)?" % TARGET)
    figure.tight_layout()
    written.append(os.path.join(out_dir, "plans.png"))
    figure.savefig(written[-1], dpi=120)
    pyplot.close(figure)

    # Trajectories of the target issue under the baseline, one line per dynamic model.
    figure, axis = pyplot.subplots(figsize=(6, 4))
    for result in statecraft.compare(scenario):
        if result.rounds == 0:  # a baseline: one outcome, no bargaining
            continue
        column = result.issues.index(TARGET_ISSUE)
        axis.plot(result.round_outcomes[:, column], marker=".", label=result.model)
    axis.set_xlabel("round")
    axis.set_ylabel(TARGET_ISSUE + " (model's own outcome)")
    axis.legend(fontsize="small")
    axis.set_title("Bargaining rounds of the dynamic models, central values")
    figure.tight_layout()
    written.append(os.path.join(out_dir, "trajectories.png"))
    figure.savefig(written[-1], dpi=120)
    pyplot.close(figure)
    return written


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=500, help="draws per plan and model")
    parser.add_argument("--optimize-draws", type=int, default=100,
                        help="draws per evaluation in the search for the cheapest plan")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0, help="0: every core")
    parser.add_argument("--out", default="flagship-charts", help="folder for the charts")
    options = parser.parse_args(argv)
    scenario, data = analyse(options.draws, options.optimize_draws, options.seed, options.threads)
    report(scenario, data, statecraft.backtest_flagship(scenario))
    for path in charts(scenario, data, options.out):
        print("wrote " + path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
