// Forecasts a scenario with every built-in model, using statecraft as a library.
//
//   forecast [FILE]    FILE in any format statecraft reads; the built-in scenario by default
//
// Prints one line per model: its name and the outcome of every issue (after decision rules).
#include <cstdio>
#include <iostream>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/models/builtin.h"

int main(int argc, char** argv) {
  try {
    const statecraft::Scenario scenario =
        argc > 1 ? statecraft::ReadScenario(argv[1])
                 : statecraft::ParseScenarios(statecraft::BuiltinScenarioText(),
                                              statecraft::BuiltinScenarioFileName())
                       .front();
    for (const statecraft::ModelInfo& model : statecraft::BuiltinModels().models()) {
      const statecraft::Forecast forecast = statecraft::RunModel(model, scenario, {}, 0);
      std::cout << model.name;
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        char value[32];
        std::snprintf(value, sizeof value, "%.1f", forecast.ruled_outcome[issue]);
        std::cout << " " << scenario.issues[issue].name << "=" << value;
      }
      std::cout << "\n";
    }
  } catch (const statecraft::InputError& error) {
    std::cerr << "forecast: " << error.what() << "\n";
    return 2;
  }
  return 0;
}
