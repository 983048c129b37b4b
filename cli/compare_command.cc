// `statecraft compare [FILE] [--format table|json]`: every registered model side by side.
#include <iostream>

#include "cli/common.h"
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
  command->callback([input, format, seed] {
    const Scenario scenario = LoadScenario(*input);
    std::vector<Forecast> forecasts;
    for (const ModelInfo& info : BuiltinModels().models()) {
      forecasts.push_back(RunModel(info, scenario, {}, *seed));
    }
    if (*format == "json") {
      Json models = Json::array();
      for (const Forecast& forecast : forecasts) {
        models.push_back(ForecastToJson(scenario, forecast));
      }
      PrintJson(std::cout, Json{{"models", models}});
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
        row.push_back(FormatNumber(forecast.ruled_outcome[issue]));
      }
      row.push_back(declared.reference_point ? FormatNumber(declared.reference_point->central)
                                             : "-");
      row.push_back(declared.known_outcome ? FormatNumber(declared.known_outcome->central) : "-");
      rows.push_back(row);
    }
    std::cout << "scenario: " << scenario.name << "\n\n";
    PrintTable(std::cout, rows);
  });
}

}  // namespace statecraft::cli
