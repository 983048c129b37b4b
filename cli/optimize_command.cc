// `statecraft optimize [FILE] --target "ISSUE<=V" [--probability P] [--budget B] [--model SPEC]...
//  [--runners-up K] [--draws N] [--seed S] [--threads T] [--distribution ...] [--format
//  table|json] [--db PATH] [--no-save] [--mpi]`
//
// The cheapest plan built from the declared levers and their steps that meets the target with at
// least probability P against the opponent's best counter-levers within its budget; with several
// models, under every one of them. Saved in the run store as kind "optimize" with its JSON.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/store_options.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

struct OptimizeCommandOptions {
  InputOptions input;
  std::string target;
  double probability = 0.8;
  std::optional<double> budget;
  std::vector<std::string> models;
  int runners_up = 3;
  UncertaintyOptions uncertainty;
  std::string format;
  StoreOptions store;
};

std::string CounterText(const PlanEvaluation& evaluation) {
  if (!evaluation.countered_probability) return "-";
  if (evaluation.best_counter.empty()) return "none helps";
  return DescribeLevers(evaluation.best_counter);
}

void PrintEvaluations(const std::string& title, const std::vector<PlanEvaluation>& evaluations) {
  std::vector<std::vector<std::string>> rows = {
      {title, "cost", "median", "P without counter", "P with counter", "best counter"}};
  for (const PlanEvaluation& evaluation : evaluations) {
    rows.push_back(
        {DescribeLevers(evaluation.levers), FormatNumber(evaluation.cost),
         FormatNumber(evaluation.median), FormatPercent(evaluation.probability),
         evaluation.countered_probability ? FormatPercent(*evaluation.countered_probability) : "-",
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
            << " evaluated, " << result.counter_plans << " counter-plans"
            << (opponent.empty() ? "" : " of " + opponent) << "\n";
  std::cout << "probabilities " << ModelErrorNote(options.sweep) << "\n";
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
  command->add_option("--target", options->target, "the event to reach, e.g. \"munitions<=25\"")
      ->required();
  command->add_option("--probability", options->probability, "required probability, in (0, 1)")
      ->default_val(0.8);
  command->add_option("--budget", options->budget, "the most the plan may cost (cost points)");
  command->add_option("-m,--model", options->models,
                      "model the plan must work under, NAME or NAME:k=v,k=v (repeatable; "
                      "default: compromise)");
  command->add_option("--runners-up", options->runners_up, "plans to list after the cheapest")
      ->default_val(3);
  AddUncertaintyOptions(*command, options->uncertainty, 200);
  AddFormatOption(*command, options->format, {"table", "json"});
  AddStoreOptions(*command, options->store, true);
  AddMpiOption(*command);
  command->callback([options] {
    RunSaver saver(options->store);
    const ScenarioWithLevers input = LoadScenarioWithLevers(options->input);
    OptimizeOptions optimize;
    optimize.sweep = options->uncertainty.ToSweepOptions();
    optimize.target = ParseTarget(input.scenario, options->target);
    CheckProbability(options->probability);
    optimize.probability = options->probability;
    optimize.budget = options->budget;
    if (options->runners_up < 0) throw InputError("--runners-up: expected 0 or more");
    optimize.runners_up = options->runners_up;
    if (input.levers.levers.empty()) {
      throw InputError((options->input.file.empty() ? std::string("the built-in scenario")
                                                    : options->input.file) +
                       " declares no levers; optimize builds plans from a 'levers' section");
    }
    const std::vector<ModelChoice> models = ChosenModels(
        options->models.empty() ? std::vector<std::string>{"compromise"} : options->models);
    const OptimizeResult result = Optimize(input.scenario, input.levers, models, optimize);
    const Json printed = OptimizeToJson(result, optimize, models);
    if (options->format == "json") {
      PrintJson(std::cout, printed);
    } else {
      std::cout << "scenario: " << input.scenario.name << "\nmodels:";
      for (const ModelChoice& model : models) std::cout << " " << model.info->name;
      std::cout << "; " << optimize.sweep.draws << " draws, seed " << optimize.sweep.seed << "\n";
      PrintOptimizeResult(result, optimize, input.levers.counter.owner);
    }
    std::cout.flush();
    saver.Save([&](RunStore& store) {
      RunHeader header;
      header.kind = "optimize";
      for (const ModelChoice& model : models) {
        header.models.push_back(model.info->name);
        header.params[model.info->name] = DetailToJson(model.params.ToDetail());
      }
      // The plan of an optimisation is its answer: the cheapest plan, when one meets the target.
      if (result.best) header.plan = Json{{"levers", AppliedLeversToJson(result.best->levers)}};
      header.options = Json{{"target", optimize.target.text},
                            {"probability", optimize.probability},
                            {"budget", optimize.budget ? Json(*optimize.budget) : Json(nullptr)},
                            {"runners_up", optimize.runners_up},
                            {"draws", optimize.sweep.draws},
                            {"model_error", ModelErrorToJson(optimize.sweep)},
                            {"distribution", DistributionName(optimize.sweep.distribution)}};
      header.seed = optimize.sweep.seed;
      header.program_version = ProgramVersion();
      store.SaveRun(input.scenario, header, {}, printed);
    });
  });
}

}  // namespace statecraft::cli
