// The JSON output contract of a run (README "JSON output"): what `statecraft run --format json`
// prints, what the web API answers and what Python's Result.to_dict() returns. The JSON of the
// other commands is the request layer's (statecraft/app).
//
//   {"model", "params" (resolved), "seed", "actors", "issues",
//    "outcome" (after decision rules), "unconstrained_outcome" (the model's own),
//    "rounds": [{"round", "positions": {actor: {issue: x}}, "outcome": {issue: x}, ...}],
//    ...model-specific keys}
#ifndef STATECRAFT_IO_JSON_OUTPUT_H_
#define STATECRAFT_IO_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "statecraft/core/detail.h"
#include "statecraft/core/forecast.h"
#include "statecraft/core/model.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

using Json = nlohmann::ordered_json;

Json DetailToJson(const Detail& detail);
Json ForecastToJson(const Scenario& scenario, const Forecast& forecast);
// {issue name: value} in issue order.
Json IssueValuesToJson(const Scenario& scenario, const std::vector<double>& values);

}  // namespace statecraft

#endif  // STATECRAFT_IO_JSON_OUTPUT_H_
