// `statecraft run [FILE] [--model NAME] [--param k=v]... [--seed S] [--plan PLAN]
//  [--format table|json|csv]`
#include <iostream>

#include "cli/common.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "cli/store_options.h"
#include "statecraft/app/run_commands.h"
#include "statecraft/core/error.h"
#include "statecraft/io/importer.h"

namespace statecraft::cli {
namespace {

struct RunOptions {
  InputOptions input;
  std::string model = "compromise";
  std::vector<std::string> params;
  std::uint64_t seed = 0;
  std::string plan;
  bool random_scenario = false;
  std::string format;
  bool explain = false;
  StoreOptions store;
  OutputOptions output;
};

}  // namespace

void AddRunCommand(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  auto* command = app.add_subcommand("run", "run one model on a scenario");
  AddInputOptions(*command, options->input);
  command->add_option("-m,--model", options->model, "model name (see `statecraft models`)")
      ->default_val("compromise");
  command->add_option("-p,--param", options->params, "model parameter NAME=VALUE (repeatable)");
  command->add_option("--seed", options->seed, "random seed (for stochastic models)")
      ->default_val(0);
  command->add_option("--plan", options->plan,
                      "plan name, or levers joined by '+' (\"L2=20+L5\"); default: no lever");
  command->add_flag("--random-scenario", options->random_scenario,
                    "run on the scenario KTAB's `smpc --euSMP --seed S` generates from --seed "
                    "(KTAB's default seed when --seed is not given)");
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
  AddStoreOptions(*command, options->store, true);
  AddQuietOption(*command, options->output);
  command->callback([options, command] {
    const auto store = SaveTarget(options->store);
    app::RunRequest request;
    request.model.name = options->model;
    for (const auto& assignment : options->params) {
      request.model.params.push_back(SplitParamAssignment(assignment));
    }
    request.seed = options->seed;
    request.plan = options->plan;
    if (options->random_scenario) {
      if (!options->input.file.empty() || !options->input.scenario.empty()) {
        throw InputError(
            "--random-scenario generates its scenario; give no FILE or --scenario with it");
      }
      const ScenarioGenerator& generator = FindGenerator("ktab-random");
      if (command->count("--seed") == 0) request.seed = generator.default_seed;
      request.scenario = app::ScenarioSource::Given({generator.generate(request.seed), {}});
      // The parameters that reproduce the generating tool's own run, unless the user sets them.
      for (const GeneratorParam& param : generator.params) {
        bool given = false;
        for (const auto& [name, value] : request.model.params) given = given || name == param.name;
        if (request.model.name == param.model && !given) {
          request.model.params.emplace_back(param.name, param.value);
        }
      }
    } else {
      request.scenario = SourceOf(options->input);
    }
    const app::RunOutput output = Unwrap(app::Run(request, CommandContext(store.get())));
    const Json& json = app::RunToJson(output);
    if (options->format == "json") {
      PrintJson(std::cout, json);
    } else {
      PrintResult(std::cout, RunDocument(output.scenario, json), options->format, options->explain);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
