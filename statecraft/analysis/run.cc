#include "statecraft/analysis/run.h"

#include "statecraft/rules/decision_rules.h"

namespace statecraft {

Forecast RunModel(const ModelInfo& info, const Model& model, const ParamValues& params,
                  const Scenario& scenario, std::uint64_t seed) {
  Forecast forecast = model.Run(scenario, seed);
  forecast.model = info.name;
  forecast.params = params;
  forecast.seed = seed;
  forecast.ruled_outcome = ApplyDecisionRules(scenario, forecast);
  return forecast;
}

Forecast RunModel(const ModelInfo& info, const Scenario& scenario, const ParamAssignments& params,
                  std::uint64_t seed) {
  const ParamValues values = ResolveParams("model '" + info.name + "'", info.params, params);
  const auto model = info.create(values);
  return RunModel(info, *model, values, scenario, seed);
}

}  // namespace statecraft
