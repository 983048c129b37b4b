// `statecraft compare [FILE] [--model SPEC]... [--plan PLAN] [--seed S] [--format table|json|csv]`:
// every registered model (or the --model list) side by side.
#include <iostream>

#include "cli/common.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
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
  bool explain = false;
  StoreOptions store;
  OutputOptions output;
};

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
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
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
    const Json json = app::CompareToJson(output);
    if (options->format == "json") {
      PrintJson(std::cout, json);
    } else {
      PrintResult(std::cout, CompareDocument(output.scenario, json), options->format,
                  options->explain);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
