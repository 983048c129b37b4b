// The JSON output contract of a run (README "JSON output"): what `statecraft run --format json`
// prints, what the web API answers and what Python's Result.to_dict() returns.
//
//   {"model", "params" (resolved), "seed", "actors", "issues",
//    "outcome" (after decision rules), "unconstrained_outcome" (the model's own),
//    "rounds": [{"round", "positions": {actor: {issue: x}}, "outcome": {issue: x}, ...}],
//    ...model-specific keys}
#ifndef STATECRAFT_IO_JSON_OUTPUT_H_
#define STATECRAFT_IO_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "statecraft/analysis/backtest.h"
#include "statecraft/core/detail.h"
#include "statecraft/core/forecast.h"
#include "statecraft/core/model.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

using Json = nlohmann::ordered_json;

Json DetailToJson(const Detail& detail);
Json ForecastToJson(const Scenario& scenario, const Forecast& forecast);
// One model as `statecraft models --format json` lists it: name, summary, uses_seed, params.
Json ModelInfoToJson(const ModelInfo& info);

// {"issues_scored": N, "models": {label: {"mae", "mae_ci": [lo, hi], "within": {"5": share}}}}
Json BacktestToJson(const BacktestResult& result);
// {issue name: value} in issue order.
Json IssueValuesToJson(const Scenario& scenario, const std::vector<double>& values);

}  // namespace statecraft

#endif  // STATECRAFT_IO_JSON_OUTPUT_H_
