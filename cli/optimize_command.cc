// `statecraft optimize [FILE] --target "ISSUE<=V" [--probability P] [--budget B] [--model SPEC]...
//  [--runners-up K] [--exhaustive] [--draws N] [--seed S] [--threads T] [--distribution ...]
//  [--format table|json] [--db PATH] [--no-save] [--mpi]`
//
// The cheapest plan built from the declared levers and their steps that meets the target with at
// least probability P against the opponent's best counter-levers within its budget; with several
// models, under every one of them. Saved in the run store as kind "optimize" with its JSON.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/progress.h"
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
  StoreOptions store;
  OutputOptions output;
};

std::string CounterText(const PlanEvaluation& evaluation) {
  if (!evaluation.countered_probability) return "-";
  if (evaluation.best_counter.empty()) return "none helps";
  return DescribeLevers(evaluation.best_counter);
}

// A probability with its Monte Carlo standard error in percentage points: "85% ± 2.5".
std::string WithError(double probability, double standard_error) {
  return FormatPercent(probability) + " ± " + FormatNumber(100.0 * standard_error);
}

void PrintEvaluations(const std::string& title, const std::vector<PlanEvaluation>& evaluations) {
  std::vector<std::vector<std::string>> rows = {
      {title, "cost", "median", "P without counter", "P with counter", "best counter"}};
  for (const PlanEvaluation& evaluation : evaluations) {
    rows.push_back({DescribeLevers(evaluation.levers), FormatNumber(evaluation.cost),
                    FormatNumber(evaluation.median),
                    WithError(evaluation.probability, evaluation.probability_error),
                    evaluation.countered_probability
                        ? WithError(*evaluation.countered_probability, evaluation.countered_error)
                        : "-",
                    CounterText(evaluation)});
  }
  PrintTable(std::cout, rows);
}

}  // namespace

void PrintOptimizeResult(const OptimizeResult& result, const OptimizeOptions& options,
                         const std::string& opponent) {
  std::cout << "target: " << options.target.text
            << " with probability >= " << FormatPercent(options.probability)
            << (options.budget ? ", budget " + FormatNumber(*options.budget) : std::string())
            << "; " << result.candidates << " plans within budget, " << result.evaluated
            << " weighed, " << result.counter_plans << " counter-plans"
            << (opponent.empty() ? "" : " of " + opponent) << "\n";
  std::cout << "search: " << (options.exhaustive ? "exhaustive" : "sequential") << ", "
            << result.draws << " draws spent";
  if (!options.exhaustive) {
    std::cout << ", " << result.draws_saved << " saved against the exhaustive search";
    if (result.pruned > 0) std::cout << "; " << result.pruned << " dearer supersets not weighed";
  }
  std::cout << "\n";
  std::cout << "probabilities " << ModelErrorNote(options.sweep)
            << "; ± their Monte Carlo standard error in points\n";
  std::cout << "baseline probability: " << FormatPercent(result.baseline_probability) << "\n\n";
  if (result.best) {
    std::vector<PlanEvaluation> rows = {*result.best};
    PrintEvaluations("cheapest plan", rows);
    if (!result.runners_up.empty()) {
      std::cout << "\n";
      PrintEvaluations("runners-up", result.runners_up);
    }
    return;
  }
  std::cout << "no plan meets the target"
            << (options.sweep.calibration != nullptr
                    ? " once the models' own error is counted (a finding, not a failure: "
                      "--model-error off gives the inputs' spread alone)"
                    : "")
            << "; the closest:\n";
  PrintEvaluations("plan", result.closest);
}

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
  AddFormatOption(*command, options->format, {"table", "json"});
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
    if (options->format == "json") {
      PrintJson(std::cout, app::OptimizeOutputToJson(output));
    } else {
      std::cout << "scenario: " << output.input->scenario.name << "\nmodels:";
      for (const ModelChoice& model : output.models) std::cout << " " << model.info->name;
      std::cout << "; " << output.options.sweep.draws << " draws, seed "
                << output.options.sweep.seed << "\n";
      PrintOptimizeResult(output.result, output.options, output.input->levers.counter.owner);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
