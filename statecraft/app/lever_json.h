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

// [{"lever", "magnitude", "cost"}]
Json AppliedLeversToJson(const std::vector<AppliedLever>& levers);
Json DealReportsToJson(const std::vector<DealReport>& deals);
// {"q10", "median", "q90", "mean"}
Json QuantilesToJson(const Quantiles& quantiles);
Json DriversToJson(const std::vector<Driver>& drivers);
// {"draws", "seed", "distribution", "issues": {name: quantiles and "unconstrained"},
//  "target"?, "probability"?, "deals_struck_share"?, "drivers": {issue: [...]}}
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
