// models, validate and convert: what the registry holds, and reading a scenario (or a dataset)
// to check it or to write it in the native format.
#ifndef STATECRAFT_APP_SCENARIO_COMMANDS_H_
#define STATECRAFT_APP_SCENARIO_COMMANDS_H_

#include <string>
#include <utility>
#include <vector>

#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"
#include "statecraft/core/model.h"

namespace statecraft::app {

struct ModelsRequest {};

struct ModelsOutput {
  std::vector<const ModelInfo*> models;  // in registry order
};

Outcome<ModelsOutput> Models(const ModelsRequest& request);
// {"models": [ModelInfoToJson]}: `statecraft models --format json`, GET /api/models and Python's
// statecraft.models() (its list).
Json ModelsOutputToJson(const ModelsOutput& output);
// One model: {"name", "summary", "uses_seed", "params": [{"name", "type", "default",
// "choices"?, "min"?, "max"?, "description"}]}. A numeric parameter's "min" and "max" are
// written only when the parameter has that bound: an unbounded side has no key.
Json ModelInfoToJson(const ModelInfo& info);

struct ValidateRequest {
  ScenarioSource scenario;
};

struct ValidateOutput {
  std::vector<Scenario> scenarios;  // every scenario the source holds
  LeverSet levers;                  // the lever sections, when the source holds one scenario
};

// A source holding one scenario is read with its lever sections, so that they are checked too.
Outcome<ValidateOutput> Validate(const ValidateRequest& request);
// One scenario: {"valid": true, "scenarios": 1, "scenario", "actors", "issues", "question"?,
// "levers": [...], "plans": [...]}; a dataset: {"valid": true, "scenarios", "actors" (the most
// in one), "issues" (in all)}.
Json ValidateOutputToJson(const ValidateOutput& output);
// The declared levers and plans as the API's scenario and validate answers list them:
// {"levers": [{"name", "description", "magnitude": {"central", "low", "high"}, "unit",
// "excluded"}], "plans": [{"name", "description"}]}.
Json LeverSummaryJson(const LeverSet& levers);

struct ConvertRequest {
  ScenarioSource scenario;
  std::string to = "yaml";  // yaml or json
};

struct ConvertOutput {
  // One (name, text) per scenario; a native file keeps its levers, plans and counter-levers.
  std::vector<std::pair<std::string, std::string>> documents;
};

// Everything is converted before a client writes anything, so a bad input writes nothing.
Outcome<ConvertOutput> Convert(const ConvertRequest& request);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_SCENARIO_COMMANDS_H_
