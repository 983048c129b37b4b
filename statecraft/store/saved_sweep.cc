#include "statecraft/store/saved_sweep.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"
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
  int block_draws = kDefaultBlockDraws;
  std::shared_ptr<const Calibration> calibration;  // options.calibration points into it
};

Json RequestToJson(const SavedSweepRequest& request) {
  Json out{{"document", request.document},
           {"models", request.models},
           {"plan", request.plan},
           {"draws", request.draws},
           {"seed", request.seed},
           {"distribution", request.distribution},
           {"target", request.target},
           {"drivers", request.drivers},
           {"block_draws", request.block_draws},
           {"calibration", request.calibration}};
  if (!request.text.empty()) {
    out["text"] = request.text;
    out["file_name"] = request.file_name;
    out["from"] = request.from;
    out["capability"] = request.capability;
  }
  return out;
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
  // Sweeps saved before blocks and file texts existed have neither key.
  request.block_draws = json.value("block_draws", kDefaultBlockDraws);
  // Sweeps saved before model errors existed summarised without them.
  request.calibration = json.contains("calibration") ? json.at("calibration") : Json(nullptr);
  request.text = json.value("text", std::string());
  request.file_name = json.value("file_name", std::string());
  request.from = json.value("from", std::string("auto"));
  request.capability = json.value("capability", std::string("equal"));
  return request;
}

PreparedSweep Prepare(const SavedSweepRequest& request, int threads) {
  PreparedSweep sweep;
  if (!request.document.is_null()) {
    sweep.input = ParseScenarioWithLevers(request.document.dump(1), "document.json");
  } else if (!request.text.empty()) {
    ReadOptions read;
    read.format = request.from;
    read.import.capability = request.capability;
    sweep.input = ParseScenarioWithLevers(request.text, request.file_name, read);
  } else {
    sweep.input = BuiltinScenarioWithLevers();
  }
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
  if (request.block_draws < 1) throw InputError("block_draws: expected at least 1");
  sweep.block_draws = request.block_draws;
  if (request.calibration.is_string()) {
    if (request.calibration != "built in") {
      throw InputError("calibration: found " + request.calibration.dump() +
                       ", expected null, \"built in\" or a calibration document");
    }
    sweep.calibration = std::shared_ptr<const Calibration>(&BuiltinCalibration(), [](auto*) {});
  } else if (request.calibration.is_object()) {
    sweep.calibration = std::make_shared<const Calibration>(
        ParseCalibration(request.calibration.dump(), "calibration"));
  } else if (!request.calibration.is_null()) {
    throw InputError("calibration: found " + request.calibration.dump() +
                     ", expected null, \"built in\" or a calibration document");
  }
  sweep.options.calibration = sweep.calibration.get();
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
  const std::int64_t all_draws = static_cast<std::int64_t>(total) * sweep.options.draws;
  std::int64_t draws_done = 0;
  Json results = Json::array();
  for (int k = 0; k < total; ++k) {
    const ModelChoice& model = sweep.models[k];
    const std::string& name = model.info->name;
    // A model completed by an earlier, interrupted call is taken as it is.
    if (std::optional<Json> saved = store.LoadPart(id, name)) {
      results.push_back(std::move(*saved));
      ++continuation.models_saved;
      continuation.draws_reused += sweep.options.draws;
      draws_done += sweep.options.draws;
      if (continuation.progress) continuation.progress(k + 1, total);
      continue;
    }
    ++continuation.models_computed;
    // The blocks, saved or computed, are folded in draw order as RunSweep folds its own, so the
    // whole equals a one-call sweep's and its sampled inputs stay within driver_draws.
    SweepAccumulator whole(sweep.options.driver_draws, sweep.options.draws);
    int next = 0;  // the first draw `whole` does not hold yet
    // Computes and saves draws [next, end) block by block; false when cancelled.
    const auto compute_until = [&](int end) {
      while (next < end) {
        if (continuation.cancelled && continuation.cancelled()) return false;
        SweepOptions range = sweep.options;
        range.first_draw = next;
        range.draw_count = std::min(sweep.block_draws, end - next);
        const SweepResult block =
            RunSweep(sweep.input.scenario, plan, *model.info, model.params, range);
        store.SaveSweepBlock(id, name, block);
        whole.Add(block);
        next += block.draws;
        continuation.draws_computed += block.draws;
        draws_done += block.draws;
        if (continuation.draw_progress) continuation.draw_progress(draws_done, all_draws);
      }
      return true;
    };
    for (const SweepResult& block : store.LoadSweepBlocks(id, name)) {
      if (block.first_draw < next || block.first_draw + block.draws > sweep.options.draws) {
        throw std::runtime_error("run store: run " + std::to_string(id) + ", " + name +
                                 ": a saved block of draws overlaps another or the sweep's end");
      }
      if (!compute_until(block.first_draw)) return std::nullopt;
      whole.Add(block);
      next += block.draws;
      continuation.draws_reused += block.draws;
      draws_done += block.draws;
    }
    if (!compute_until(sweep.options.draws)) return std::nullopt;
    Json item{{"scenario", sweep.input.scenario.name},
              {"model", name},
              {"plan", sweep.plan.name},
              {"levers", levers}};
    const SweepResult& result = whole.result();
    std::string error_entry;
    const std::vector<IssueError> errors =
        BindIssueErrors(sweep.options.calibration, ModelLabel(model),
                        ScenarioForError(sweep.input.scenario, plan), &error_entry);
    item.update(SweepToJson(sweep.input.scenario, result, sweep.options, sweep.target,
                            sweep.drivers, errors, error_entry));
    // The summary alone: the draws are in the blocks already.
    store.SavePart(id, name, result.issue_count, {}, item);
    if (continuation.model_done) continuation.model_done(k, result);
    results.push_back(std::move(item));
    if (continuation.progress) continuation.progress(k + 1, total);
  }
  Json out = total == 1 ? results.front() : Json{{"models", results}};
  store.FinishRun(id, sweep.input.scenario, {}, out);
  return out;
}

}  // namespace statecraft
