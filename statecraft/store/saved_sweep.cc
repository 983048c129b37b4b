#include "statecraft/store/saved_sweep.h"

#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

struct PreparedSweep {
  ScenarioWithLevers input;
  std::vector<ModelChoice> models;
  Plan plan;
  SweepOptions options;
  std::optional<Target> target;
  int drivers = 10;
};

Json RequestToJson(const SavedSweepRequest& request) {
  return Json{{"document", request.document}, {"models", request.models},
              {"plan", request.plan},         {"draws", request.draws},
              {"seed", request.seed},         {"distribution", request.distribution},
              {"target", request.target},     {"drivers", request.drivers}};
}

SavedSweepRequest RequestFromJson(const Json& json) {
  SavedSweepRequest request;
  request.document = json.at("document");
  request.models = json.at("models");
  request.plan = json.at("plan").get<std::string>();
  request.draws = json.at("draws").get<int>();
  request.seed = json.at("seed").get<std::uint64_t>();
  request.distribution = json.at("distribution").get<std::string>();
  request.target = json.at("target").get<std::string>();
  request.drivers = json.at("drivers").get<int>();
  return request;
}

PreparedSweep Prepare(const SavedSweepRequest& request, int threads) {
  PreparedSweep sweep;
  sweep.input = request.document.is_null()
                    ? BuiltinScenarioWithLevers()
                    : ParseScenarioWithLevers(request.document.dump(1), "document.json");
  if (!request.models.is_array() || request.models.empty()) {
    throw InputError("models: expected a non-empty list");
  }
  for (const Json& spec : request.models) {
    const ModelInfo& info = BuiltinModels().Get(spec.at("name").get<std::string>());
    std::vector<std::pair<std::string, std::string>> assignments;
    const Json params = spec.value("params", Json::object());
    for (const auto& [key, value] : params.items()) {
      assignments.emplace_back(key, value.get<std::string>());
    }
    sweep.models.push_back(ModelChoice{&info, ResolveParams(info.name, info.params, assignments)});
  }
  sweep.plan = request.plan.empty()
                   ? Plan{"baseline", "no lever", {}}
                   : ParsePlanSpec(sweep.input.scenario, sweep.input.levers, request.plan);
  if (request.draws < 1) throw InputError("draws: expected at least 1");
  sweep.options.draws = request.draws;
  sweep.options.seed = request.seed;
  sweep.options.threads = ResolveThreads(threads);
  sweep.options.distribution = ParseDistribution(request.distribution);
  if (!request.target.empty()) sweep.target = ParseTarget(sweep.input.scenario, request.target);
  if (request.drivers < 1) throw InputError("drivers: expected at least 1");
  sweep.drivers = request.drivers;
  return sweep;
}

}  // namespace

std::int64_t BeginSavedSweep(RunStore& store, const SavedSweepRequest& request,
                             const std::string& program_version) {
  const PreparedSweep sweep = Prepare(request, 1);
  RunHeader header;
  header.kind = "sweep";
  for (const ModelChoice& model : sweep.models) {
    header.models.push_back(model.info->name);
    header.params[model.info->name] = DetailToJson(model.params.ToDetail());
  }
  header.plan = Json{{"plan", sweep.plan.name},
                     {"levers", AppliedLeversToJson(ResolvePlan(sweep.input.levers, sweep.plan))}};
  header.options = Json{{"request", RequestToJson(request)}};
  header.seed = request.seed;
  header.program_version = program_version;
  header.draws_planned = request.draws;
  return store.BeginRun(sweep.input.scenario, header);
}

std::optional<Json> ContinueSavedSweep(RunStore& store, std::int64_t id,
                                       SweepContinuation& continuation) {
  const std::optional<StoredRun> run = store.Get(id);
  if (!run) throw InputError("run store " + store.path() + ": no run " + std::to_string(id));
  if (run->kind != "sweep" || !run->options.contains("request")) {
    throw InputError("run " + std::to_string(id) + " is a " + run->kind +
                     ", not a resumable sweep");
  }
  if (run->status == "complete") return run->result;
  const PreparedSweep sweep =
      Prepare(RequestFromJson(run->options["request"]), continuation.threads);
  const SweepPlan plan = MakeSweepPlan(sweep.input.levers, sweep.plan);
  const Json levers = AppliedLeversToJson(ResolvePlan(sweep.input.levers, sweep.plan));
  const int total = static_cast<int>(sweep.models.size());
  Json results = Json::array();
  for (int k = 0; k < total; ++k) {
    const ModelChoice& model = sweep.models[k];
    // A model saved by an earlier, interrupted call is taken as it is.
    if (std::optional<Json> saved = store.LoadPart(id, model.info->name)) {
      results.push_back(std::move(*saved));
      ++continuation.models_saved;
    } else {
      if (continuation.cancelled && continuation.cancelled()) return std::nullopt;
      const SweepResult result =
          RunSweep(sweep.input.scenario, plan, *model.info, model.params, sweep.options);
      Json item{{"scenario", sweep.input.scenario.name},
                {"model", model.info->name},
                {"plan", sweep.plan.name},
                {"levers", levers}};
      item.update(
          SweepToJson(sweep.input.scenario, result, sweep.options, sweep.target, sweep.drivers));
      store.SavePart(id, model.info->name, result.issue_count, result.outcomes, item);
      results.push_back(std::move(item));
      ++continuation.models_computed;
    }
    if (continuation.progress) continuation.progress(k + 1, total);
  }
  Json out = total == 1 ? results.front() : Json{{"models", results}};
  store.FinishRun(id, sweep.input.scenario, {}, out);
  return out;
}

}  // namespace statecraft
