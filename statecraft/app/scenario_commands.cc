#include "statecraft/app/scenario_commands.h"

#include "statecraft/io/levers_writer.h"
#include "statecraft/io/native_format.h"
#include "statecraft/models/builtin.h"

namespace statecraft::app {

// Parameters are declared with these as "no bound" (core/params.h).
constexpr double kUnbounded = 1e299;

Outcome<ModelsOutput> Models(const ModelsRequest&) {
  return Guard([] {
    ModelsOutput output;
    for (const ModelInfo& info : BuiltinModels().models()) output.models.push_back(&info);
    return output;
  });
}

Json ModelInfoToJson(const ModelInfo& info) {
  Json item;
  item["name"] = info.name;
  item["summary"] = info.summary;
  item["description"] = info.description;
  item["uses_seed"] = info.uses_seed;
  item["params"] = Json::array();
  for (const ParamSpec& spec : info.params) {
    Json param;
    param["name"] = spec.name;
    param["type"] = ParamTypeName(spec.type);
    param["default"] = spec.default_value;
    if (spec.type == ParamType::kChoice) param["choices"] = spec.choices;
    if (spec.type == ParamType::kInteger || spec.type == ParamType::kNumber) {
      if (spec.min > -kUnbounded) param["min"] = spec.min;
      if (spec.max < kUnbounded) param["max"] = spec.max;
    }
    param["description"] = spec.description;
    item["params"].push_back(param);
  }
  return item;
}

Json ModelsOutputToJson(const ModelsOutput& output) {
  Json list = Json::array();
  for (const ModelInfo* info : output.models) list.push_back(ModelInfoToJson(*info));
  return Json{{"models", list}};
}

Outcome<ValidateOutput> Validate(const ValidateRequest& request) {
  return Guard([&] {
    ValidateOutput output;
    output.scenarios = LoadScenarios(request.scenario);
    if (output.scenarios.size() == 1) {
      ScenarioWithLevers input = LoadScenarioWithLevers(request.scenario);
      output.levers = std::move(input.levers);
    }
    return output;
  });
}

Json LeverSummaryJson(const LeverSet& levers) {
  Json list = Json::array();
  for (const Lever& lever : levers.levers) {
    Json item{{"name", lever.name}, {"description", lever.description}};
    item["magnitude"] = {{"central", lever.magnitude.central},
                         {"low", lever.magnitude.Low()},
                         {"high", lever.magnitude.High()}};
    item["unit"] = lever.unit;
    item["excluded"] = !lever.excluded.empty();
    list.push_back(item);
  }
  Json plans = Json::array();
  for (const Plan& plan : levers.plans) {
    plans.push_back({{"name", plan.name}, {"description", plan.description}});
  }
  return Json{{"levers", list}, {"plans", plans}};
}

Json ValidateOutputToJson(const ValidateOutput& output) {
  Json out{{"valid", true}, {"scenarios", output.scenarios.size()}};
  if (output.scenarios.size() == 1) {
    const Scenario& scenario = output.scenarios.front();
    out["scenario"] = scenario.name;
    out["actors"] = scenario.ActorCount();
    out["issues"] = scenario.IssueCount();
    if (scenario.question) out["question"] = ScenarioDocument(scenario)["question"];
    out.update(LeverSummaryJson(output.levers));
    return out;
  }
  int actors = 0;
  int issues = 0;
  for (const Scenario& scenario : output.scenarios) {
    actors = std::max(actors, scenario.ActorCount());
    issues += scenario.IssueCount();
  }
  out["actors"] = actors;
  out["issues"] = issues;
  return out;
}

Outcome<ConvertOutput> Convert(const ConvertRequest& request) {
  return Guard([&] {
    if (request.to != "yaml" && request.to != "json") {
      ErrorLocation location;
      location.key = "to";
      throw InputError("to: found '" + request.to + "', expected yaml or json", location);
    }
    const bool json = request.to == "json";
    ConvertOutput output;
    std::vector<Scenario> scenarios = LoadScenarios(request.scenario);
    if (scenarios.size() == 1) {
      const ScenarioWithLevers input = LoadScenarioWithLevers(request.scenario);
      output.documents.emplace_back(input.scenario.name, json ? WriteScenarioWithLeversJson(input)
                                                              : WriteScenarioWithLeversYaml(input));
      return output;
    }
    for (const Scenario& scenario : scenarios) {
      output.documents.emplace_back(
          scenario.name, json ? WriteScenarioJson(scenario) : WriteScenarioYaml(scenario));
    }
    return output;
  });
}

}  // namespace statecraft::app
