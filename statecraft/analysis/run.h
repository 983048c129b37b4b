// Running one model on one scenario: parameters resolved, the model run, decision rules applied.
#ifndef STATECRAFT_ANALYSIS_RUN_H_
#define STATECRAFT_ANALYSIS_RUN_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/forecast.h"
#include "statecraft/core/model.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

using ParamAssignments = std::vector<std::pair<std::string, std::string>>;

// Resolves `params` against the model's specs (InputError on a bad one) and runs it.
Forecast RunModel(const ModelInfo& info, const Scenario& scenario, const ParamAssignments& params,
                  std::uint64_t seed);

// Runs an already created model; `params` are its resolved parameters, recorded in the result.
Forecast RunModel(const ModelInfo& info, const Model& model, const ParamValues& params,
                  const Scenario& scenario, std::uint64_t seed);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_RUN_H_
