// `statecraft whatif [FILE] [--plan PLAN]... [--model SPEC]... [--target "ISSUE<=V"] [--counter C]
//  [--draws N] [--seed S] [--threads T] [--distribution triangular|uniform] [--format table|json]
//  [--db PATH] [--no-save]`
//
// The baseline against each plan (declared plans by default; a plan may also be levers joined
// by '+', "L2=20+L5"), per model, with the median and the 10-90 % interval of every issue's
// outcome over the draws, the probability of the target when one is given, and the deals struck.
//
// The what-if is saved in the run store as kind "whatif" with the JSON it prints (whatever the
// format); its outcomes and positions are the central point forecasts, one per plan and model,
// recorded under the name "PLAN/MODEL" (a run's outcomes are keyed by a name and an issue).
#include <iostream>
#include <set>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/store_options.h"

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
  StoreOptions store;
};

void PrintWhatif(const Scenario& scenario, const WhatifResult& result,
                 const SweepOptions& options) {
  std::cout << "scenario: " << scenario.name << "\n"
            << options.draws << " draws (" << DistributionName(options.distribution) << "), seed "
            << options.seed << "; outcome after decision rules: median [10%, 90%]\n"
            << ModelErrorNote(options) << "\n";
  if (!result.counter.empty()) {
    std::cout << "counter-levers in every case: " << DescribeLevers(result.counter) << "\n";
  }
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows = {{"plan", "model", "cost"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  if (result.target) rows[0].push_back("P(" + result.target->text + ")");
  std::vector<const Forecast*> central;
  for (const WhatifCase& item : result.cases) {
    for (const WhatifCell& cell : item.cells) {
      std::vector<std::string> row = {item.name, cell.model, FormatNumber(item.cost)};
      for (std::size_t issue = 0; issue < cell.quantiles.size(); ++issue) {
        row.push_back(FormatInterval(cell.quantiles[issue]) +
                      SettlementMark(cell.central, static_cast<int>(issue)));
      }
      if (cell.target_probability) row.push_back(FormatPercent(*cell.target_probability));
      rows.push_back(row);
      central.push_back(&cell.central);
    }
  }
  PrintTable(std::cout, rows);
  if (const std::string note = SettlementNote(central); !note.empty()) {
    std::cout << note << " (marked at central values)\n";
  }
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

// What the store keeps of a what-if besides its JSON.
void SaveWhatif(RunStore& store, const Scenario& scenario, const WhatifResult& result,
                const std::vector<ModelChoice>& models, const SweepOptions& sweep,
                const Json& printed) {
  RunHeader header;
  header.kind = "whatif";
  for (const ModelChoice& model : models) {
    header.models.push_back(model.info->name);
    header.params[model.info->name] = DetailToJson(model.params.ToDetail());
  }
  header.plan = Json::array();
  std::vector<Forecast> forecasts;
  std::set<std::string> names;
  for (std::size_t k = 0; k < result.cases.size(); ++k) {
    const WhatifCase& item = result.cases[k];
    header.plan.push_back(Json{{"plan", item.name}, {"levers", AppliedLeversToJson(item.levers)}});
    // A plan given twice keeps its forecasts apart by its place in the list.
    std::string name = item.name;
    if (!names.insert(name).second) name += " #" + std::to_string(k + 1);
    for (const WhatifCell& cell : item.cells) {
      forecasts.push_back(cell.central);
      forecasts.back().model = name + "/" + cell.model;
    }
  }
  header.options = Json{{"draws", sweep.draws},
                        {"model_error", ModelErrorToJson(sweep)},
                        {"distribution", DistributionName(sweep.distribution)},
                        {"target", result.target ? Json(result.target->text) : Json(nullptr)},
                        {"counter_levers", AppliedLeversToJson(result.counter)}};
  header.seed = sweep.seed;
  header.program_version = ProgramVersion();
  store.SaveRun(scenario, header, forecasts, printed);
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
  AddMpiOption(*command);
  AddStoreOptions(*command, options->store, true);
  command->callback([options] {
    RunSaver saver(options->store);
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
    const Json printed = WhatifToJson(input.scenario, result, sweep);
    if (options->format == "json") {
      PrintJson(std::cout, printed);
    } else {
      PrintWhatif(input.scenario, result, sweep);
    }
    std::cout.flush();
    saver.Save([&](RunStore& store) {
      SaveWhatif(store, input.scenario, result, models, sweep, printed);
    });
  });
}

}  // namespace statecraft::cli
