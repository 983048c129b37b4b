// `statecraft compare [FILE] [--model SPEC]... [--plan PLAN] [--seed S] [--format table|json]`:
// every registered model (or the --model list) side by side.
#include <iostream>

#include "cli/common.h"
#include "cli/progress.h"
#include "cli/store_options.h"
#include "statecraft/app/run_commands.h"

namespace statecraft::cli {
namespace {

struct CompareOptions {
  InputOptions input;
  std::vector<std::string> models;
  std::string plan;
  std::uint64_t seed = 0;
  std::string format;
  StoreOptions store;
  OutputOptions output;
};

void PrintCompareTable(const app::CompareOutput& output) {
  const Scenario& scenario = output.scenario;
  std::vector<std::vector<std::string>> rows = {{"issue"}};
  for (const Forecast& forecast : output.forecasts) rows[0].push_back(forecast.model);
  rows[0].push_back("status quo");
  rows[0].push_back("known");
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    const Issue& declared = scenario.issues[issue];
    std::vector<std::string> row = {declared.name};
    for (const Forecast& forecast : output.forecasts) {
      row.push_back(FormatOutcome(forecast, issue, forecast.ruled_outcome[issue]));
    }
    row.push_back(declared.reference_point ? FormatNumber(declared.reference_point->central) : "-");
    row.push_back(declared.known_outcome ? FormatNumber(declared.known_outcome->central) : "-");
    rows.push_back(row);
  }
  std::cout << "scenario: " << scenario.name << "\n\n";
  PrintTable(std::cout, rows);
  std::vector<const Forecast*> shown;
  for (const Forecast& forecast : output.forecasts) shown.push_back(&forecast);
  if (const std::string note = SettlementNote(shown); !note.empty()) std::cout << note << "\n";
}

}  // namespace

void AddCompareCommand(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  auto* command = app.add_subcommand("compare", "run every model on a scenario, side by side");
  AddInputOptions(*command, options->input);
  command->add_option("-m,--model", options->models,
                      "model, NAME or NAME:k=v,k=v (repeatable; default: every model)");
  command->add_option("-p,--plan", options->plan,
                      "plan name, or levers joined by '+' (\"L2=20+L5\"); default: no lever");
  command->add_option("--seed", options->seed, "random seed (for stochastic models)")
      ->default_val(0);
  AddFormatOption(*command, options->format, {"table", "json"});
  AddStoreOptions(*command, options->store, true);
  AddQuietOption(*command, options->output);
  command->callback([options] {
    const auto store = SaveTarget(options->store);
    app::CompareRequest request;
    request.scenario = SourceOf(options->input);
    request.models = ModelSpecs(options->models);
    request.plan = options->plan;
    request.seed = options->seed;
    const app::CompareOutput output = Unwrap(app::Compare(request, CommandContext(store.get())));
    if (options->format == "json") {
      PrintJson(std::cout, app::CompareToJson(output));
    } else {
      PrintCompareTable(output);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
