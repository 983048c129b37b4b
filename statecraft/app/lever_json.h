// The JSON of the lever analyses — what `statecraft whatif|sweep|optimize --format json` print,
// what the HTTP API's jobs answer and what Python's to_dict() returns — written here once.
#ifndef STATECRAFT_APP_LEVER_JSON_H_
#define STATECRAFT_APP_LEVER_JSON_H_

#include <optional>
#include <vector>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/io/json_output.h"
#include "statecraft/levers/lever.h"

namespace statecraft::app {

// [{"lever", "magnitude", "cost", "description"?, "unit"?}]
Json AppliedLeversToJson(const std::vector<AppliedLever>& levers);
Json DealReportsToJson(const std::vector<DealReport>& deals);
// {"q10", "median", "q90", "mean"}
Json QuantilesToJson(const Quantiles& quantiles);
Json DriversToJson(const std::vector<Driver>& drivers);
// {"calibration": name, "source": words} of the options' calibration, or null (no model error).
Json ModelErrorToJson(const SweepOptions& options);
// {"draws", "seed", "distribution", "model_error", "issues": {name: quantiles and
//  "unconstrained"}, "target"?, "probability"?, "deals_struck_share"?, "drivers": {issue: [...]}}.
// The quantiles and the probability include the model's error from options.calibration, scaled
// on the scenario with the plan at its central magnitudes (analysis/sweep_error.h); "model_error"
// then names the calibration and its entry ("entry"), else it is null.
Json SweepToJson(const Scenario& scenario, const SweepResult& result, const SweepOptions& options,
                 const std::optional<Target>& target, int driver_count, const ModelChoice& model,
                 const SweepPlan& plan);
// The same without model error (the inputs' spread alone).
Json SweepToJson(const Scenario& scenario, const SweepResult& result, const SweepOptions& options,
                 const std::optional<Target>& target, int driver_count);
// Per plan and model: central outcome, quantiles per issue, probability, deals struck, and the
// five strongest drivers per issue.
Json WhatifToJson(const Scenario& scenario, const WhatifResult& result,
                  const SweepOptions& options);
Json OptimizeToJson(const OptimizeResult& result, const OptimizeOptions& options,
                    const std::vector<ModelChoice>& models);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_LEVER_JSON_H_
