// `statecraft whatif [FILE] [--plan PLAN]... [--model SPEC]... [--target "ISSUE<=V"] [--counter C]
//  [--draws N] [--seed S] [--threads T] [--distribution triangular|uniform] [--format
//  table|json|csv]
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

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "cli/store_options.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/app/lever_commands.h"

namespace statecraft::cli {
namespace {

struct WhatifOptions {
  InputOptions input;
  std::vector<std::string> plans;
  std::vector<std::string> models;
  std::string target;
  std::string counter;
  app::Uncertainty uncertainty;
  std::string format;
  bool explain = false;
  StoreOptions store;
  OutputOptions output;
};

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
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
  AddMpiOption(*command);
  AddStoreOptions(*command, options->store, true);
  AddProgressOptions(*command, options->output);
  command->callback([options] {
    const auto store = SaveTarget(options->store);
    app::WhatifRequest request;
    request.scenario = SourceOf(options->input);
    if (!options->plans.empty()) request.plans = options->plans;
    request.models = ModelSpecs(options->models);
    request.target = options->target;
    request.counter = options->counter;
    request.uncertainty = options->uncertainty;
    ProgressLine progress("whatif", "draws", options->output);
    const app::WhatifOutput output =
        Unwrap(app::Whatif(request, ProgressContext(store.get(), progress)));
    progress.Finish();
    const Json json = app::WhatifOutputToJson(output);
    if (options->format == "json") {
      PrintJson(std::cout, json);
    } else {
      PrintResult(std::cout, WhatifDocument(output.input->scenario, json), options->format,
                  options->explain);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
