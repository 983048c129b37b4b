// `statecraft` with no command: the analysis of the built-in scenario — every model's forecast
// side by side with the status quo and the coded outcome, and how far each model was off.
#include <iostream>

#include "cli/common.h"
#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/run.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/builtin_scenario.h"

namespace statecraft::cli {

int RunDefaultAnalysis(std::ostream& out) {
  const Scenario scenario =
      ParseScenarios(BuiltinScenarioText(), BuiltinScenarioFileName()).front();
  out << scenario.name << "\n\n";
  std::vector<std::vector<std::string>> rows = {{"model"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  for (const ModelInfo& info : BuiltinModels().models()) {
    const Forecast forecast = RunModel(info, scenario, {}, 0);
    std::vector<std::string> row = {info.name};
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      std::string cell = FormatNumber(forecast.ruled_outcome[issue]);
      if (forecast.ruled_outcome[issue] != forecast.outcome[issue]) {
        cell += " (" + FormatNumber(forecast.outcome[issue]) + ")";
      }
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  std::vector<std::string> status_quo = {"status quo (June 2024)"};
  std::vector<std::string> known = {"coded outcome 2024-25"};
  for (const Issue& issue : scenario.issues) {
    status_quo.push_back(issue.reference_point ? FormatNumber(issue.reference_point->central)
                                               : "-");
    known.push_back(issue.known_outcome ? FormatNumber(issue.known_outcome->central) : "-");
  }
  rows.push_back(status_quo);
  rows.push_back(known);
  out << "forecast per model (outcome after decision rules; the model's own outcome in "
         "brackets where the deciders' interval holds it back)\n";
  PrintTable(out, rows);
  out << "\nscales: 0-100; munitions is decided by RUS and PRK. Run `statecraft --help` for "
         "more.\n";
  return 0;
}

}  // namespace statecraft::cli
