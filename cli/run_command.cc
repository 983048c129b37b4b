// `statecraft run [FILE] [--model NAME] [--param k=v]... [--seed S] [--plan PLAN]
//  [--format table|json|csv]`
#include <iostream>

#include "cli/common.h"
#include "cli/progress.h"
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
  StoreOptions store;
  OutputOptions output;
};

void PrintRunTable(std::ostream& out, const Scenario& scenario, const Forecast& forecast) {
  out << "model: " << forecast.model;
  for (const auto& entry : forecast.params.entries())
    out << "  " << entry.name << "=" << entry.text;
  out << "\nscenario: " << scenario.name << "\nrounds: " << forecast.rounds.size() - 1 << "\n\n";
  std::vector<std::vector<std::string>> rows = {
      {"issue", "outcome", "model outcome", "status quo", "known outcome"}};
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    const Issue& declared = scenario.issues[issue];
    rows.push_back(
        {declared.name, FormatOutcome(forecast, issue, forecast.ruled_outcome[issue]),
         FormatOutcome(forecast, issue, forecast.outcome[issue]),
         declared.reference_point ? FormatNumber(declared.reference_point->central) : "-",
         declared.known_outcome ? FormatNumber(declared.known_outcome->central) : "-"});
  }
  PrintTable(out, rows);
  if (const std::string note = SettlementNote({&forecast}); !note.empty()) out << note << "\n";
  out << "\nfinal positions\n";
  std::vector<std::vector<std::string>> positions = {{"actor"}};
  for (const Issue& issue : scenario.issues) positions[0].push_back(issue.name);
  const auto& last = forecast.rounds.back().positions;
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    std::vector<std::string> row = {scenario.actors[actor].name};
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      row.push_back(FormatNumber(last[actor * scenario.IssueCount() + issue]));
    }
    positions.push_back(row);
  }
  PrintTable(out, positions);
}

void PrintRunCsv(std::ostream& out, const Scenario& scenario, const Forecast& forecast) {
  // One row per round, actor and issue; the outcome of each round under the actor "_outcome".
  out << "round,actor,issue,position\n";
  out.precision(17);
  const int issue_count = scenario.IssueCount();
  for (std::size_t t = 0; t < forecast.rounds.size(); ++t) {
    const Round& round = forecast.rounds[t];
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      for (int issue = 0; issue < issue_count; ++issue) {
        const double position = round.positions[actor * issue_count + issue];
        if (std::isnan(position)) continue;
        out << t << "," << scenario.actors[actor].name << "," << scenario.issues[issue].name << ","
            << position << "\n";
      }
    }
    for (int issue = 0; issue < issue_count; ++issue) {
      out << t << ",_outcome," << scenario.issues[issue].name << "," << round.outcome[issue]
          << "\n";
    }
  }
}

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
    if (options->format == "json") {
      PrintJson(std::cout, app::RunToJson(output));
    } else if (options->format == "csv") {
      PrintRunCsv(std::cout, output.scenario, output.forecast);
    } else {
      PrintRunTable(std::cout, output.scenario, output.forecast);
    }
    std::cout.flush();
    PrintSaved(output.saved, options->output);
  });
}

}  // namespace statecraft::cli
