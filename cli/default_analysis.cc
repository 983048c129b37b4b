// `statecraft` with no command (and `make demo`): the answer for the built-in scenario — can the
// West bring North Korean munitions for Russia down to token level (munitions <= 25)?
//
//   1. the baseline forecast per model, with 10-90 % intervals over the draws;
//   2. each lever alone and the declared combinations: the probability of token level per model;
//   3. per model, the cheapest plan that reaches it with probability >= 80 %, and what Russia's
//      best counter-levers do to it;
//   4. the backtest: the June 2024 forecast against the coded 2024-25 outcomes;
//   5. where the models disagree, in plain words.
//
// `statecraft answer [--draws N] [--optimize-draws N] [--seed S] [--threads T] [--format json]`
// prints the same with other settings, or as JSON.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/core/error.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::cli {
namespace {

constexpr const char* kTarget = "munitions<=25";
constexpr double kRequiredProbability = 0.8;

struct AnswerOptions {
  int draws = 500;
  int optimize_draws = 100;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string format = "table";
  std::string model_error = "on";
  std::string calibration;
};

struct ModelAnswer {
  std::string model;
  std::string failure;  // non-empty: the model could not run on this scenario
  WhatifResult whatif;  // baseline + every declared plan, this model only
  std::optional<OptimizeResult> optimize;
};

struct Answer {
  std::shared_ptr<const Calibration> calibration;  // sweep.calibration points into it
  ScenarioWithLevers input;
  Target target;
  SweepOptions sweep;
  OptimizeOptions optimize;
  std::vector<ModelChoice> models;
  std::vector<ModelAnswer> answers;
};

Answer ComputeAnswer(const AnswerOptions& options) {
  Answer answer;
  answer.input = BuiltinScenarioWithLevers();
  answer.target = ParseTarget(answer.input.scenario, kTarget);
  answer.sweep.draws = options.draws;
  answer.sweep.seed = options.seed;
  answer.sweep.threads = ResolveThreads(options.threads);
  if (options.model_error == "on") {
    answer.calibration =
        options.calibration.empty()
            ? std::shared_ptr<const Calibration>(&BuiltinCalibration(), [](auto*) {})
            : std::make_shared<const Calibration>(ReadCalibration(options.calibration));
    answer.sweep.calibration = answer.calibration.get();
  }
  answer.optimize.sweep = answer.sweep;
  answer.optimize.sweep.draws = options.optimize_draws;
  answer.optimize.target = answer.target;
  answer.optimize.probability = kRequiredProbability;
  answer.optimize.runners_up = 2;
  answer.models = AllModels();
  for (const ModelChoice& model : answer.models) {
    ModelAnswer item;
    item.model = model.info->name;
    // A model that cannot handle the scenario is reported, not allowed to hide the others.
    try {
      item.whatif = RunWhatif(answer.input.scenario, answer.input.levers, answer.input.levers.plans,
                              {model}, answer.sweep, answer.target);
      item.optimize =
          Optimize(answer.input.scenario, answer.input.levers, {model}, answer.optimize);
    } catch (const std::exception& error) {
      item.failure = error.what();
    }
    answer.answers.push_back(std::move(item));
  }
  return answer;
}

const WhatifCell& Cell(const ModelAnswer& answer, std::size_t plan) {
  return answer.whatif.cases[plan].cells.front();
}

std::string PlanText(const PlanEvaluation& evaluation) { return DescribeLevers(evaluation.levers); }

// Plain sentences on where the models agree and disagree.
std::vector<std::string> Disagreements(const Answer& answer) {
  std::vector<std::string> lines;
  const Scenario& scenario = answer.input.scenario;
  std::vector<const ModelAnswer*> ran;
  for (const ModelAnswer& item : answer.answers) {
    if (item.failure.empty()) ran.push_back(&item);
  }
  if (ran.empty()) return lines;
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    auto low = ran.front();
    auto high = ran.front();
    for (const ModelAnswer* item : ran) {
      if (Cell(*item, 0).quantiles[issue].median < Cell(*low, 0).quantiles[issue].median)
        low = item;
      if (Cell(*item, 0).quantiles[issue].median > Cell(*high, 0).quantiles[issue].median) {
        high = item;
      }
    }
    const double spread =
        Cell(*high, 0).quantiles[issue].median - Cell(*low, 0).quantiles[issue].median;
    if (spread >= 20) {
      lines.push_back("Baseline " + scenario.issues[issue].name + ": the models disagree by " +
                      FormatNumber(spread, 0) + " points, from " + low->model + " (" +
                      FormatNumber(Cell(*low, 0).quantiles[issue].median) + ") to " + high->model +
                      " (" + FormatNumber(Cell(*high, 0).quantiles[issue].median) + ").");
    }
  }
  auto join = [](const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
  };
  // Plans some models say move the target issue and others say do not.
  const int target_issue = answer.target.issue;
  for (std::size_t plan = 1; plan < ran.front()->whatif.cases.size(); ++plan) {
    std::vector<std::string> moved;
    std::vector<std::string> unmoved;
    for (const ModelAnswer* item : ran) {
      const double change = Cell(*item, plan).quantiles[target_issue].median -
                            Cell(*item, 0).quantiles[target_issue].median;
      (std::abs(change) >= 5 ? moved : unmoved)
          .push_back(item->model + " " +
                     (std::abs(change) < 0.5 ? std::string("0")
                                             : (change > 0 ? "+" : "") + FormatNumber(change, 0)));
    }
    if (!moved.empty() && !unmoved.empty()) {
      lines.push_back("Plan '" + ran.front()->whatif.cases[plan].name + "' moves the median of " +
                      scenario.issues[target_issue].name + " by 5 points or more under " +
                      join(moved) + "; not under " + join(unmoved) + ".");
    }
  }
  std::vector<std::string> reach;
  std::vector<std::string> fail;
  for (const ModelAnswer* item : ran) {
    if (item->optimize && item->optimize->best) {
      reach.push_back(item->model + " (" + PlanText(*item->optimize->best) + ")");
    } else {
      fail.push_back(item->model);
    }
  }
  if (!reach.empty() && !fail.empty()) {
    lines.push_back("Token level with " + FormatPercent(kRequiredProbability) +
                    " confidence against Russia's best counter: reachable for " + join(reach) +
                    "; not reachable with the declared levers for " + join(fail) + ".");
  } else if (reach.empty()) {
    lines.push_back(
        "No model finds a plan of the declared levers that brings munitions to "
        "token level with " +
        FormatPercent(kRequiredProbability) + " confidence against Russia's best counter" +
        (answer.sweep.calibration != nullptr
             ? std::string(" once each model's own error on past decisions is counted: no model "
                           "is accurate enough to promise it (a finding about what can be known; "
                           "--model-error off shows the inputs' spread alone).")
             : std::string(".")));
  } else {
    lines.push_back("Every model finds a plan that reaches token level: " + join(reach) + ".");
  }
  return lines;
}

void PrintAnswer(std::ostream& out, const Answer& answer) {
  const Scenario& scenario = answer.input.scenario;
  out << scenario.name << "\n"
      << "Question: can the West bring North Korean munitions for Russia down to token level "
         "("
      << kTarget << "), with which levers, at what cost, and how sure are we?\n"
      << "Outcomes are after decision rules (munitions is decided by RUS and PRK); every ranged "
         "input is sampled (triangular), "
      << answer.sweep.draws << " draws, seed " << answer.sweep.seed << ".\n"
      << "Probabilities and intervals are " << ModelErrorNote(answer.sweep) << ".\n";
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty()) {
      out << "note: model " << item.model << " was left out: " << item.failure << "\n";
    }
  }

  out << "\n1. Baseline forecast (no lever): median [10%, 90%]\n";
  std::vector<const Forecast*> central;
  std::vector<std::vector<std::string>> rows = {{"model"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty()) continue;
    std::vector<std::string> row = {item.model};
    const WhatifCell& baseline = Cell(item, 0);
    for (std::size_t issue = 0; issue < baseline.quantiles.size(); ++issue) {
      row.push_back(FormatInterval(baseline.quantiles[issue]) +
                    SettlementMark(baseline.central, static_cast<int>(issue)));
    }
    rows.push_back(row);
    central.push_back(&baseline.central);
  }
  std::vector<std::string> status_quo = {"status quo (June 2024)"};
  std::vector<std::string> known = {"coded outcome 2024-25"};
  for (const Issue& issue : scenario.issues) {
    status_quo.push_back(issue.reference_point ? FormatNumber(issue.reference_point->central)
                                               : "-");
    known.push_back(issue.known_outcome ? FormatNumber(issue.known_outcome->central) : "-");
  }
  rows.push_back(status_quo);
  rows.push_back(known);
  PrintTable(out, rows);
  if (const std::string note = SettlementNote(central); !note.empty()) {
    out << note << " (marked at central values)\n";
  }

  out << "\n2. Levers alone and combined: P(" << kTarget
      << ") per model, median munitions in brackets\n";
  rows = {{"plan", "levers", "cost"}};
  for (const ModelAnswer& item : answer.answers) {
    if (item.failure.empty()) rows[0].push_back(item.model);
  }
  const ModelAnswer* first = nullptr;
  for (const ModelAnswer& item : answer.answers) {
    if (item.failure.empty() && first == nullptr) first = &item;
  }
  if (first != nullptr) {
    for (std::size_t plan = 0; plan < first->whatif.cases.size(); ++plan) {
      const WhatifCase& declared = first->whatif.cases[plan];
      std::vector<std::string> row = {declared.name, DescribeLevers(declared.levers),
                                      FormatNumber(declared.cost)};
      for (const ModelAnswer& item : answer.answers) {
        if (!item.failure.empty()) continue;
        const WhatifCell& cell = Cell(item, plan);
        row.push_back(FormatPercent(cell.target_probability.value_or(0)) + " (" +
                      FormatNumber(cell.quantiles[answer.target.issue].median, 0) + ")");
      }
      rows.push_back(row);
    }
    PrintTable(out, rows);
    for (const WhatifCase& declared : first->whatif.cases) {
      for (const DealReport& deal : declared.deals) {
        out << "  deal in '" << declared.name << "' at central values: " << deal.reason << "\n";
        out << "    struck in " << FormatPercent(DealStruckShare(declared.cells.front().sweep))
            << " of the draws\n";
        break;
      }
      if (!declared.deals.empty()) break;
    }
    for (const Lever& lever : answer.input.levers.levers) {
      if (!lever.excluded.empty()) {
        out << "  " << lever.name << " (" << lever.description
            << ") is excluded: " << lever.excluded << "\n";
      }
    }
  }

  out << "\n3. Cheapest plan reaching P(" << kTarget
      << ") >= " << FormatPercent(kRequiredProbability) << " against "
      << (answer.input.levers.counter.owner.empty() ? std::string("the opponent")
                                                    : answer.input.levers.counter.owner)
      << "'s best counter-levers (budget " << FormatNumber(answer.input.levers.counter.budget)
      << "; " << answer.optimize.sweep.draws << " draws per evaluation)\n";
  rows = {
      {"model", "cheapest plan", "cost", "P without counter", "P with counter", "best counter"}};
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty() || !item.optimize) continue;
    const OptimizeResult& result = *item.optimize;
    if (result.best) {
      const PlanEvaluation& best = *result.best;
      rows.push_back(
          {item.model, PlanText(best), FormatNumber(best.cost), FormatPercent(best.probability),
           FormatPercent(best.countered_probability.value_or(best.probability)),
           best.best_counter.empty() ? "none helps" : DescribeLevers(best.best_counter)});
    } else if (!result.closest.empty()) {
      const PlanEvaluation& closest = result.closest.front();
      rows.push_back(
          {item.model, "none; closest: " + PlanText(closest), FormatNumber(closest.cost),
           FormatPercent(closest.probability) + " (median " + FormatNumber(closest.median, 0) + ")",
           FormatPercent(closest.countered_probability.value_or(closest.probability)),
           closest.best_counter.empty() ? "-" : DescribeLevers(closest.best_counter)});
    }
  }
  PrintTable(out, rows);

  out << "\n4. Backtest: the June 2024 forecast (central values) against the coded 2024-25 "
         "outcomes; absolute error, without decision rules in brackets\n";
  rows = {{"model"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  rows[0].push_back("mean error");
  rows[0].push_back("coded outcome in 10-90%");
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty()) continue;
    const WhatifCell& cell = Cell(item, 0);
    std::vector<std::string> row = {item.model};
    double ruled_sum = 0.0, own_sum = 0.0;
    int scored = 0, inside = 0;
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const auto& known_outcome = scenario.issues[issue].known_outcome;
      if (!known_outcome) {
        row.push_back("-");
        continue;
      }
      const double ruled = std::abs(cell.central.ruled_outcome[issue] - known_outcome->central);
      const double own = std::abs(cell.central.outcome[issue] - known_outcome->central);
      ruled_sum += ruled;
      own_sum += own;
      ++scored;
      const Quantiles& quantiles = cell.quantiles[issue];
      inside += known_outcome->central >= quantiles.q10 && known_outcome->central <= quantiles.q90;
      row.push_back(FormatNumber(ruled) + (own != ruled ? " (" + FormatNumber(own) + ")" : ""));
    }
    row.push_back(scored > 0 ? FormatNumber(ruled_sum / scored) + " (" +
                                   FormatNumber(own_sum / scored) + ")"
                             : "-");
    row.push_back(std::to_string(inside) + " of " + std::to_string(scored));
    rows.push_back(row);
  }
  PrintTable(out, rows);

  out << "\n5. Where the models disagree\n";
  for (const std::string& line : Disagreements(answer)) out << "- " << line << "\n";
  out << "\nCosts are analyst judgements in cost points (scenario file). More: statecraft whatif "
         "--target \""
      << kTarget << "\", statecraft optimize --target \"" << kTarget
      << "\" --model NAME, statecraft sweep --plan PLAN --target \"" << kTarget
      << "\", docs/flagship.md.\n";
}

Json AnswerToJson(const Answer& answer) {
  Json out;
  out["scenario"] = answer.input.scenario.name;
  out["target"] = answer.target.text;
  out["required_probability"] = kRequiredProbability;
  out["draws"] = answer.sweep.draws;
  out["seed"] = answer.sweep.seed;
  out["model_error"] = ModelErrorToJson(answer.sweep);
  Json models = Json::object();
  for (std::size_t m = 0; m < answer.answers.size(); ++m) {
    const ModelAnswer& item = answer.answers[m];
    if (!item.failure.empty()) {
      models[item.model] = {{"failure", item.failure}};
      continue;
    }
    Json entry;
    entry["whatif"] = WhatifToJson(answer.input.scenario, item.whatif, answer.sweep)["plans"];
    if (item.optimize) {
      entry["optimize"] = OptimizeToJson(*item.optimize, answer.optimize, {answer.models[m]});
    }
    models[item.model] = entry;
  }
  out["models"] = models;
  Json disagreements = Json::array();
  for (const std::string& line : Disagreements(answer)) disagreements.push_back(line);
  out["disagreements"] = disagreements;
  return out;
}

}  // namespace

int RunDefaultAnalysis(std::ostream& out) {
  PrintAnswer(out, ComputeAnswer(AnswerOptions{}));
  return 0;
}

void AddAnswerCommand(CLI::App& app) {
  auto options = std::make_shared<AnswerOptions>();
  auto* command = app.add_subcommand(
      "answer",
      "the answer for the built-in scenario (what `statecraft` prints), as a table or JSON");
  command->add_option("--draws", options->draws, "Monte Carlo draws per plan and model")
      ->default_val(500);
  command
      ->add_option("--optimize-draws", options->optimize_draws,
                   "draws per evaluation in the search for the cheapest plan")
      ->default_val(100);
  command->add_option("--seed", options->seed, "base seed")->default_val(0);
  command->add_option("--threads", options->threads, "worker threads (0: every core)")
      ->default_val(0);
  AddFormatOption(*command, options->format, {"table", "json"});
  command
      ->add_option("--model-error", options->model_error,
                   "include each model's own error in probabilities and intervals: on|off")
      ->default_val("on")
      ->check(CLI::IsMember({"on", "off"}));
  command->add_option("--calibration", options->calibration,
                      "the models' errors from this file instead of the shipped one");
  command->callback([options] {
    if (options->draws < 1 || options->optimize_draws < 1) {
      throw InputError("--draws and --optimize-draws: expected at least 1");
    }
    const Answer answer = ComputeAnswer(*options);
    if (options->format == "json") {
      PrintJson(std::cout, AnswerToJson(answer));
    } else {
      PrintAnswer(std::cout, answer);
    }
  });
}

}  // namespace statecraft::cli
