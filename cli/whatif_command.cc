// `statecraft whatif [FILE] [--plan PLAN]... [--model SPEC]... [--target "ISSUE<=V"] [--counter C]
//  [--draws N] [--seed S] [--threads T] [--distribution triangular|uniform] [--format table|json]`
//
// The baseline against each plan (declared plans by default; a plan may also be levers joined
// by '+', "L2=20+L5"), per model, with the median and the 10-90 % interval of every issue's
// outcome over the draws, the probability of the target when one is given, and the deals struck.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"

namespace statecraft::cli {
namespace {

struct WhatifOptions {
  InputOptions input;
  std::vector<std::string> plans;
  std::vector<std::string> models;
  std::string target;
  std::string counter;
  UncertaintyOptions uncertainty;
  std::string format;
};

void PrintWhatif(const Scenario& scenario, const WhatifResult& result,
                 const SweepOptions& options) {
  std::cout << "scenario: " << scenario.name << "\n"
            << options.draws << " draws (" << DistributionName(options.distribution) << "), seed "
            << options.seed << "; outcome after decision rules: median [10%, 90%]\n";
  if (!result.counter.empty()) {
    std::cout << "counter-levers in every case: " << DescribeLevers(result.counter) << "\n";
  }
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows = {{"plan", "model", "cost"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  if (result.target) rows[0].push_back("P(" + result.target->text + ")");
  for (const WhatifCase& item : result.cases) {
    for (const WhatifCell& cell : item.cells) {
      std::vector<std::string> row = {item.name, cell.model, FormatNumber(item.cost)};
      for (const Quantiles& quantiles : cell.quantiles) row.push_back(FormatInterval(quantiles));
      if (cell.target_probability) row.push_back(FormatPercent(*cell.target_probability));
      rows.push_back(row);
    }
  }
  PrintTable(std::cout, rows);
  bool header = false;
  for (const WhatifCase& item : result.cases) {
    for (const DealReport& deal : item.deals) {
      if (!header) std::cout << "\ndeals (central values):\n";
      header = true;
      std::cout << "  " << item.name << ": " << deal.lever << " " << deal.reason << "\n";
      if (!item.cells.empty() && item.cells.front().sweep.deals_offered > 0) {
        std::cout << "    struck in " << FormatPercent(DealStruckShare(item.cells.front().sweep))
                  << " of the draws\n";
      }
    }
  }
}

}  // namespace

void AddWhatifCommand(CLI::App& app) {
  auto options = std::make_shared<WhatifOptions>();
  auto* command = app.add_subcommand(
      "whatif", "the baseline against each plan of levers, per model, with uncertainty");
  AddInputOptions(*command, options->input);
  command->add_option("-p,--plan", options->plans,
                      "plan name, or levers joined by '+' (\"L2=20+L5\"); repeatable; default: "
                      "every declared plan");
  command->add_option("-m,--model", options->models,
                      "model, NAME or NAME:k=v,k=v (repeatable; default: every model)");
  command->add_option("--target", options->target,
                      "threshold event whose probability to report, e.g. \"munitions<=25\"");
  command->add_option("--counter", options->counter,
                      "the opponent's counter-levers applied in every case, joined by '+' "
                      "(\"R2=20+R3\")");
  AddUncertaintyOptions(*command, options->uncertainty, 1000);
  AddFormatOption(*command, options->format, {"table", "json"});
  command->callback([options] {
    const ScenarioWithLevers input = LoadScenarioWithLevers(options->input);
    const SweepOptions sweep = options->uncertainty.ToSweepOptions();
    std::optional<Target> target;
    if (!options->target.empty()) target = ParseTarget(input.scenario, options->target);
    std::vector<Plan> plans;
    if (options->plans.empty()) {
      plans = input.levers.plans;
    } else {
      for (const std::string& spec : options->plans) {
        plans.push_back(ParsePlanSpec(input.scenario, input.levers, spec));
      }
    }
    const std::vector<ModelChoice> models = ChosenModels(options->models);
    std::vector<AppliedLever> counter;
    if (!options->counter.empty()) {
      counter = ParseCounterSpec(input.scenario, input.levers, options->counter);
    }
    const WhatifResult result =
        RunWhatif(input.scenario, input.levers, plans, models, sweep, target, counter);
    if (options->format == "json") {
      PrintJson(std::cout, WhatifToJson(input.scenario, result, sweep));
    } else {
      PrintWhatif(input.scenario, result, sweep);
    }
  });
}

}  // namespace statecraft::cli
