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
// The same with how large each model's own error is on each issue of `scenario` (`labels`: the
// models' labels): "models": {label: ModelErrorSizeJson}.
Json ModelErrorToJson(const SweepOptions& options, const Scenario& scenario,
                      const std::vector<std::string>& labels);
// How large a model's own error is on each issue of `scenario`, in the points
// (docs/calibration.md, "The error model"): the error R · s(x) · Z before clamping at the scale's
// ends, for the spread x. {"entry": the calibration entry used, "fitted_on_scenario":
// whether the scenario was part of the fit, "issues": {name: {"half_width_80": half the width of
// the central 80 % of the error, "mean_absolute_error": the mean of |R · s(x) · Z|}}}; null when
// the calibration is null or holds no error for the model.
Json ModelErrorSizeJson(const Calibration* calibration, const std::string& label,
                        const Scenario& scenario);
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
