// `statecraft compare [FILE] [--format table|json]`: every registered model side by side.
#include <iostream>

#include "cli/common.h"
#include "cli/store_options.h"
#include "statecraft/analysis/run.h"
#include "statecraft/core/registry.h"

namespace statecraft::cli {

void AddCompareCommand(CLI::App& app) {
  auto input = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>();
  auto seed = std::make_shared<std::uint64_t>(0);
  auto* command = app.add_subcommand("compare", "run every model on a scenario, side by side");
  AddInputOptions(*command, *input);
  command->add_option("--seed", *seed, "random seed (for stochastic models)")->default_val(0);
  AddFormatOption(*command, *format, {"table", "json"});
  auto store_options = std::make_shared<StoreOptions>();
  AddStoreOptions(*command, *store_options, true);
  command->callback([input, format, seed, store_options] {
    RunSaver saver(*store_options);
    const Scenario scenario = LoadScenario(*input);
    std::vector<Forecast> forecasts;
    for (const ModelInfo& info : BuiltinModels().models()) {
      forecasts.push_back(RunModel(info, scenario, {}, *seed));
    }
    Json models = Json::array();
    for (const Forecast& forecast : forecasts) {
      models.push_back(ForecastToJson(scenario, forecast));
    }
    const Json result{{"models", models}};
    const auto save = [&] {
      std::cout.flush();
      saver.Save([&](RunStore& store) {
        RunHeader header;
        header.kind = "compare";
        for (const Json& model : models) {
          header.models.push_back(model["model"]);
          header.params[model["model"].get<std::string>()] = model["params"];
        }
        header.seed = *seed;
        header.program_version = ProgramVersion();
        store.SaveRun(scenario, header, forecasts, result);
      });
    };
    if (*format == "json") {
      PrintJson(std::cout, result);
      save();
      return;
    }
    std::vector<std::vector<std::string>> rows = {{"issue"}};
    for (const Forecast& forecast : forecasts) rows[0].push_back(forecast.model);
    rows[0].push_back("status quo");
    rows[0].push_back("known");
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const Issue& declared = scenario.issues[issue];
      std::vector<std::string> row = {declared.name};
      for (const Forecast& forecast : forecasts) {
        row.push_back(FormatOutcome(forecast, issue, forecast.ruled_outcome[issue]));
      }
      row.push_back(declared.reference_point ? FormatNumber(declared.reference_point->central)
                                             : "-");
      row.push_back(declared.known_outcome ? FormatNumber(declared.known_outcome->central) : "-");
      rows.push_back(row);
    }
    std::cout << "scenario: " << scenario.name << "\n\n";
    PrintTable(std::cout, rows);
    std::vector<const Forecast*> shown;
    for (const Forecast& forecast : forecasts) shown.push_back(&forecast);
    if (const std::string note = SettlementNote(shown); !note.empty()) std::cout << note << "\n";
    save();
  });
}

}  // namespace statecraft::cli
