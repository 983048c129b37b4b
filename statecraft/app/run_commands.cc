#include "statecraft/app/run_commands.h"

#include "statecraft/analysis/run.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/app/lever_json.h"

namespace statecraft::app {
namespace {

// The scenario with its levers when a plan is asked for, else the scenario alone (so that a file
// whose lever sections are wrong still runs).
struct PlannedInput {
  ScenarioWithLevers input;
  std::vector<AppliedLever> levers;
};

PlannedInput LoadPlanned(const ScenarioSource& source, const std::string& plan) {
  PlannedInput planned;
  if (plan.empty()) {
    planned.input.scenario = LoadScenario(source);
    return planned;
  }
  planned.input = LoadScenarioWithLevers(source);
  planned.levers = ResolvePlan(planned.input.levers,
                               ParsePlanSpec(planned.input.scenario, planned.input.levers, plan));
  return planned;
}

Forecast PointForecast(const PlannedInput& planned, const ModelChoice& model, std::uint64_t seed) {
  if (planned.levers.empty()) {
    return RunModel(*model.info, *model.info->create(model.params), model.params,
                    planned.input.scenario, seed);
  }
  return RunWithLevers(planned.input.scenario, model, {}, planned.levers, seed);
}

Json PlanJson(const PlannedInput& planned) {
  return planned.levers.empty() ? Json(nullptr) : AppliedLeversToJson(planned.levers);
}

}  // namespace

RunHeader MakeRunHeader(const std::string& kind, const std::vector<ModelChoice>& models,
                        std::uint64_t seed, const Context& context) {
  RunHeader header;
  header.kind = kind;
  for (const ModelChoice& model : models) {
    header.models.push_back(model.info->name);
    header.params[model.info->name] = DetailToJson(model.params.ToDetail());
  }
  header.seed = seed;
  header.program_version = context.program_version;
  return header;
}

Outcome<RunOutput> Run(const RunRequest& request, const Context& context) {
  return Guard([&] {
    const ModelChoice model = ChooseModel(request.model);
    const PlannedInput planned = LoadPlanned(request.scenario, request.plan);
    RunOutput result{planned.input.scenario, PointForecast(planned, model, request.seed), {}, {}};
    result.document = ForecastToJson(result.scenario, result.forecast);
    result.saved = SaveRun(context, [&](RunStore& store) {
      RunHeader header = MakeRunHeader("run", {model}, request.seed, context);
      header.plan = PlanJson(planned);
      return store.SaveRun(result.scenario, header, std::span(&result.forecast, 1),
                           result.document);
    });
    return result;
  });
}

const Json& RunToJson(const RunOutput& result) { return result.document; }

Outcome<CompareOutput> Compare(const CompareRequest& request, const Context& context) {
  return Guard([&] {
    const std::vector<ModelChoice> models = ChooseModels(request.models);
    const PlannedInput planned = LoadPlanned(request.scenario, request.plan);
    CompareOutput result{planned.input.scenario, {}, {}};
    for (const ModelChoice& model : models) {
      CheckCancelled(context);
      result.forecasts.push_back(PointForecast(planned, model, request.seed));
    }
    result.saved = SaveRun(context, [&](RunStore& store) {
      RunHeader header = MakeRunHeader("compare", models, request.seed, context);
      header.plan = PlanJson(planned);
      return store.SaveRun(result.scenario, header, result.forecasts, CompareToJson(result));
    });
    return result;
  });
}

Json CompareToJson(const CompareOutput& result) {
  Json models = Json::array();
  for (const Forecast& forecast : result.forecasts) {
    models.push_back(ForecastToJson(result.scenario, forecast));
  }
  return Json{{"models", models}};
}

}  // namespace statecraft::app
