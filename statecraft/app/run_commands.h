// run and compare: one model, or several side by side, on a scenario (optionally under a plan of
// its levers), as point forecasts. The JSON of a run is the run contract of io/json_output.h.
#ifndef STATECRAFT_APP_RUN_COMMANDS_H_
#define STATECRAFT_APP_RUN_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"
#include "statecraft/core/forecast.h"

namespace statecraft::app {

struct RunRequest {
  ScenarioSource scenario;
  ModelSpec model{"compromise", {}};
  std::uint64_t seed = 0;
  std::string plan;  // a declared plan or levers joined by '+' ("L1=15+L2"); empty: no lever
};

struct RunOutput {
  Scenario scenario;
  Forecast forecast;
  SaveReport saved;
  // The run JSON (io/json_output.h, ForecastToJson), built once by Run: what is saved is what is
  // printed.
  Json document;
};

Outcome<RunOutput> Run(const RunRequest& request, const Context& context);
// The run JSON (io/json_output.h, ForecastToJson) that Run built.
const Json& RunToJson(const RunOutput& result);

struct CompareRequest {
  ScenarioSource scenario;
  std::vector<ModelSpec> models;  // empty: every registered model at its defaults
  std::uint64_t seed = 0;
  std::string plan;
};

struct CompareOutput {
  Scenario scenario;
  std::vector<Forecast> forecasts;  // one per model, in order
  SaveReport saved;
};

Outcome<CompareOutput> Compare(const CompareRequest& request, const Context& context);
// {"models": [run JSON per model]}
Json CompareToJson(const CompareOutput& result);

// A run's header for the store: its kind, its models with their resolved parameters, its seed and
// the context's program version.
RunHeader MakeRunHeader(const std::string& kind, const std::vector<ModelChoice>& models,
                        std::uint64_t seed, const Context& context);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_RUN_COMMANDS_H_
