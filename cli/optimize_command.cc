// `statecraft optimize [FILE] --target "ISSUE<=V" [--probability P] [--budget B] [--model SPEC]...
//  [--runners-up K] [--exhaustive] [--draws N] [--seed S] [--threads T] [--distribution ...]
//  [--format table|json|csv] [--db PATH] [--no-save] [--mpi]`
//
// The cheapest plan built from the declared levers and their steps that meets the target with at
// least probability P against the opponent's best counter-levers within its budget; with several
// models, under every one of them. Saved in the run store as kind "optimize" with its JSON.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "cli/store_options.h"
#include "statecraft/app/lever_commands.h"

namespace statecraft::cli {
namespace {

struct OptimizeCommandOptions {
  InputOptions input;
  std::string target;
  double probability = 0.8;
  std::optional<double> budget;
  std::vector<std::string> models;
  std::int64_t runners_up = 3;
  bool exhaustive = false;
  app::Uncertainty uncertainty;
  std::string format;
  bool explain = false;
  StoreOptions store;
  OutputOptions output;
};

}  // namespace

void AddOptimizeCommand(CLI::App& app) {
  auto options = std::make_shared<OptimizeCommandOptions>();
  auto* command = app.add_subcommand(
      "optimize",
      "the cheapest plan of declared levers reaching a target with a probability, "
      "against the opponent's best counter-levers");
  AddInputOptions(*command, options->input);
  command->add_option("--target", options->target,
                      "the event to reach, e.g. \"munitions<=25\" (required)");
  command->add_option("--probability", options->probability, "required probability, in (0, 1]")
      ->default_val(0.8);
  command->add_option("--budget", options->budget, "the most the plan may cost (cost points)");
  command->add_option("-m,--model", options->models,
                      "model the plan must work under, NAME or NAME:k=v,k=v (repeatable; "
                      "default: compromise)");
  command->add_option("--runners-up", options->runners_up, "plans to list after the cheapest")
      ->default_val(3);
  command->add_flag("--exhaustive", options->exhaustive,
                    "weigh every plan on every draw against every counter-plan (slower; the "
                    "default sequential search finds the same cheapest plan)");
  AddUncertaintyOptions(*command, options->uncertainty, 200);
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
  AddStoreOptions(*command, options->store, true);
  AddProgressOptions(*command, options->output);
  AddMpiOption(*command);
  command->callback([options] {
    const auto store = SaveTarget(options->store);
    app::OptimizeRequest request;
    request.scenario = SourceOf(options->input);
    request.target = options->target;
    request.probability = options->probability;
    request.budget = options->budget;
    if (!options->models.empty()) request.models = ModelSpecs(options->models);
    request.runners_up = options->runners_up;
    request.exhaustive = options->exhaustive;
    request.uncertainty = options->uncertainty;
    ProgressLine progress("optimize", "plans weighed", options->output);
    const app::OptimizeOutput output =
        Unwrap(app::Optimize(request, ProgressContext(store.get(), progress)));
    progress.Finish();
    const Json json = app::OptimizeOutputToJson(output);
    if (options->format == "json") {
      PrintJson(std::cout, json);
    } else {
      PrintResult(std::cout, OptimizeDocument(output.input->scenario, json), options->format,
                  options->explain);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
