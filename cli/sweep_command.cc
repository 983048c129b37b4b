// `statecraft sweep [FILE] [--model SPEC] [--plan PLAN] [--target "ISSUE<=V"] [--drivers K]
//  [--draws N] [--seed S] [--threads T] [--distribution triangular|uniform] [--format
//  table|json|csv]
//  [--db PATH] [--no-save] [--mpi]`
//
// A Monte Carlo of one model under one plan (the baseline by default): quantiles of every
// issue's outcome, the probability of the target, and the drivers of the variance (Spearman rank
// correlation of each sampled input with the outcome) as a tornado table.
//
// The sweep is saved in the run store as it goes, block by block (statecraft/app/saved_sweep.h),
// so that `statecraft runs resume ID` completes one killed mid-way.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "cli/store_options.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/app/lever_commands.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

struct SweepCommandOptions {
  InputOptions input;
  std::string plan;
  std::string model;
  std::string target;
  std::string issue;
  std::int64_t drivers = 10;
  app::Uncertainty uncertainty;
  std::string format;
  bool explain = false;
  StoreOptions store;
  OutputOptions output;
};

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto options = std::make_shared<SweepCommandOptions>();
  auto* command = app.add_subcommand(
      "sweep", "Monte Carlo of one model and plan: quantiles, probability, drivers (tornado)");
  AddInputOptions(*command, options->input);
  command->add_option("-m,--model", options->model, "model, NAME or NAME:k=v,k=v")
      ->default_val("compromise");
  command->add_option("-p,--plan", options->plan,
                      "plan name, or levers joined by '+' (default: the baseline, no lever)");
  command->add_option("--target", options->target,
                      "threshold event, e.g. \"munitions<=25\" (its issue gets the tornado)");
  command->add_option("--issue", options->issue,
                      "issue whose drivers to show (default: the target's, else the first)");
  command->add_option("--drivers", options->drivers, "rows of the tornado table")->default_val(10);
  AddUncertaintyOptions(*command, options->uncertainty, 1000);
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
  AddStoreOptions(*command, options->store, true);
  AddProgressOptions(*command, options->output);
  AddMpiOption(*command);
  command->callback([options] {
    const auto store = SaveTarget(options->store);
    app::SweepRequest request;
    request.scenario = SourceOf(options->input);
    request.models = {ParseModelSpec(options->model)};
    request.plan = options->plan;
    request.target = options->target;
    request.drivers = options->drivers;
    request.uncertainty = options->uncertainty;
    const app::PreparedSweep prepared = Unwrap(app::PrepareSweep(request));
    if (!options->issue.empty() && prepared.input->scenario.IssueIndex(options->issue) < 0) {
      throw InputError("--issue: unknown issue '" + options->issue + "'");
    }
    ProgressLine progress("sweep", "draws", options->output);
    const app::SweepOutput output =
        Unwrap(app::Sweep(prepared, ProgressContext(store.get(), progress)));
    progress.Finish();
    const Json json = app::SweepOutputToJson(output);
    if (options->format == "json") {
      PrintJson(std::cout, json);
    } else {
      PrintResult(std::cout, SweepDocument(output.input->scenario, json, options->issue),
                  options->format, options->explain);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
