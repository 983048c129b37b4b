#include "statecraft/app/saved_sweep.h"

#include <algorithm>
#include <stdexcept>

#include "statecraft/analysis/sweep.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/core/error.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/levers_writer.h"
#include "statecraft/io/text_file.h"

namespace statecraft::app {
namespace {

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
  request.text = json.value("text", std::string());
  request.file_name = json.value("file_name", std::string());
  request.from = json.value("from", std::string("auto"));
  request.capability = json.value("capability", std::string("equal"));
  // Sweeps saved before model errors existed summarised without them.
  request.calibration = json.contains("calibration") ? json.at("calibration") : Json(nullptr);
  return request;
}

// The request records the parameters the user gave; the run, every parameter as the models
// resolved them. A resumed sweep takes the resolved ones, so that a later release with other
// defaults (eum's long-run forecast) computes its remaining draws as the first ones were.
void PinResolvedParams(const Json& resolved, Json& models) {
  if (!resolved.is_object() || !models.is_array()) return;
  for (Json& spec : models) {
    if (!spec.is_object() || !spec.contains("name") || !spec["name"].is_string()) continue;
    const std::string name = spec["name"].get<std::string>();
    if (!resolved.contains(name) || !resolved[name].is_object()) continue;
    Json params = Json::object();
    for (const auto& [key, value] : resolved[name].items()) {
      params[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    spec["params"] = std::move(params);
  }
}

// The saved request as a sweep request: the one validator of sweeps checks it.
SweepRequest ToSweepRequest(const SavedSweepRequest& saved, int threads) {
  SweepRequest request;
  if (!saved.document.is_null()) {
    request.scenario = ScenarioSource::Document(saved.document);
  } else if (!saved.text.empty()) {
    ReadOptions read;
    read.format = saved.from;
    read.import.capability = saved.capability;
    request.scenario = ScenarioSource::Text(saved.text, saved.file_name, read);
  }
  if (!saved.models.is_array() || saved.models.empty()) {
    throw InputError("models: expected a non-empty list");
  }
  request.models.clear();
  for (const Json& spec : saved.models) {
    ModelSpec model{spec.at("name").get<std::string>(), {}};
    const Json params = spec.value("params", Json::object());
    for (const auto& [key, value] : params.items()) {
      model.params.emplace_back(key, value.get<std::string>());
    }
    request.models.push_back(std::move(model));
  }
  request.plan = saved.plan;
  request.target = saved.target;
  request.drivers = saved.drivers;
  request.uncertainty.draws = saved.draws;
  request.uncertainty.seed = saved.seed;
  request.uncertainty.threads = threads;
  request.uncertainty.distribution = saved.distribution;
  if (saved.calibration.is_null()) {
    request.uncertainty.model_error = false;
  } else if (saved.calibration.is_object()) {
    request.uncertainty.calibration = std::make_shared<const Calibration>(
        ParseCalibration(saved.calibration.dump(), "calibration"));
  } else if (saved.calibration != "built in") {
    throw InputError("calibration: found " + saved.calibration.dump() +
                     ", expected null, \"built in\" or a calibration document");
  }
  return request;
}

// A prepared sweep as the request the store records.
SavedSweepRequest ToSavedRequest(const PreparedSweep& prepared) {
  const SweepRequest& request = prepared.request;
  SavedSweepRequest saved;
  switch (request.scenario.kind) {
    case ScenarioSource::Kind::kBuiltin:
      break;
    case ScenarioSource::Kind::kDocument:
      saved.document = request.scenario.document;
      break;
    case ScenarioSource::Kind::kGiven:
      saved.document = ScenarioWithLeversDocument(*request.scenario.given);
      break;
    case ScenarioSource::Kind::kFile:
    case ScenarioSource::Kind::kText:
      saved.text = request.scenario.kind == ScenarioSource::Kind::kFile
                       ? ReadTextFile(request.scenario.path)
                       : request.scenario.text;
      saved.file_name = request.scenario.path;
      saved.from = request.scenario.read.format;
      saved.capability = request.scenario.read.import.capability;
      break;
  }
  saved.models = Json::array();
  for (const ModelSpec& model : request.models) {
    Json params = Json::object();
    for (const auto& [name, value] : model.params) params[name] = value;
    saved.models.push_back(Json{{"name", model.name}, {"params", params}});
  }
  saved.plan = request.plan;
  saved.draws = prepared.sweep.draws;
  saved.seed = prepared.sweep.seed;
  saved.distribution = DistributionName(prepared.sweep.distribution);
  saved.target = prepared.target ? prepared.target->text : "";
  saved.drivers = prepared.drivers;
  const Uncertainty& uncertainty = request.uncertainty;
  saved.calibration = !uncertainty.model_error ? Json(nullptr)
                      : uncertainty.calibration == nullptr
                          ? Json("built in")
                          : CalibrationToJson(*uncertainty.calibration);
  return saved;
}

PreparedSweep Prepare(const SavedSweepRequest& saved, int threads) {
  if (saved.block_draws < 1) throw InputError("block_draws: expected at least 1");
  Outcome<PreparedSweep> prepared = PrepareSweep(ToSweepRequest(saved, threads));
  if (!prepared.ok()) throw InputError(prepared.error().message, prepared.error().location);
  return std::move(prepared).value();
}

}  // namespace

namespace {

std::int64_t BeginRow(RunStore& store, const PreparedSweep& sweep, const SavedSweepRequest& request,
                      const std::string& program_version) {
  RunHeader header;
  header.kind = "sweep";
  for (const ModelChoice& model : sweep.models) {
    header.models.push_back(model.info->name);
    header.params[model.info->name] = DetailToJson(model.params.ToDetail());
  }
  header.plan = Json{{"plan", sweep.plan.name},
                     {"levers", AppliedLeversToJson(ResolvePlan(sweep.input->levers, sweep.plan))}};
  header.options = Json{{"request", RequestToJson(request)}};
  header.seed = request.seed;
  header.program_version = program_version;
  header.draws_planned = request.draws;
  return store.BeginRun(sweep.input->scenario, header);
}

}  // namespace

std::int64_t BeginSavedSweep(RunStore& store, const SavedSweepRequest& request,
                             const std::string& program_version) {
  return BeginRow(store, Prepare(request, 1), request, program_version);
}

std::int64_t BeginSavedSweep(RunStore& store, const PreparedSweep& prepared,
                             const std::string& program_version) {
  return BeginRow(store, prepared, ToSavedRequest(prepared), program_version);
}

Json SweepItemJson(const ScenarioWithLevers& input, const ModelChoice& model, const Plan& plan,
                   const SweepResult& result, const SweepOptions& options,
                   const std::optional<Target>& target, int drivers) {
  Json item{{"scenario", input.scenario.name},
            {"model", model.info->name},
            {"plan", plan.name},
            {"levers", AppliedLeversToJson(ResolvePlan(input.levers, plan))}};
  item.update(SweepToJson(input.scenario, result, options, target, drivers, model,
                          MakeSweepPlan(input.levers, plan)));
  return item;
}

std::optional<Json> ContinueSavedSweep(RunStore& store, std::int64_t id,
                                       SweepContinuation& continuation) {
  const std::optional<StoredRun> run = store.Get(id);
  if (!run) {
    throw RequestError(ErrorCode::kNotFound, "run store " + store.path() + ": no run " +
                                                 std::to_string(id) +
                                                 " (see `statecraft runs list`)");
  }
  if (run->kind != "sweep" || !run->options.contains("request")) {
    throw RequestError(ErrorCode::kConflict, "run " + std::to_string(id) + " is a " + run->kind +
                                                 ", not a resumable sweep");
  }
  if (run->status == "complete") return run->result;
  SavedSweepRequest saved = RequestFromJson(run->options["request"]);
  PinResolvedParams(run->params, saved.models);
  const PreparedSweep sweep = Prepare(saved, continuation.threads);
  const int block_draws = saved.block_draws;
  const SweepPlan plan = MakeSweepPlan(sweep.input->levers, sweep.plan);
  const int total = static_cast<int>(sweep.models.size());
  const std::int64_t all_draws = static_cast<std::int64_t>(total) * sweep.sweep.draws;
  std::int64_t draws_done = 0;
  Json results = Json::array();
  for (int k = 0; k < total; ++k) {
    const ModelChoice& model = sweep.models[k];
    const std::string& name = model.info->name;
    // A model completed by an earlier, interrupted call is taken as it is.
    if (std::optional<Json> saved = store.LoadPart(id, name)) {
      results.push_back(std::move(*saved));
      ++continuation.models_saved;
      continuation.draws_reused += sweep.sweep.draws;
      draws_done += sweep.sweep.draws;
      if (continuation.progress) continuation.progress(k + 1, total);
      continue;
    }
    ++continuation.models_computed;
    // The blocks, saved or computed, are folded in draw order as RunSweep folds its own, so the
    // whole equals a one-call sweep's and its sampled inputs stay within driver_draws.
    SweepAccumulator whole(sweep.sweep.driver_draws, sweep.sweep.draws);
    int next = 0;  // the first draw `whole` does not hold yet
    // Computes and saves draws [next, end) block by block; false when cancelled.
    const auto compute_until = [&](int end) {
      while (next < end) {
        if (continuation.cancelled && continuation.cancelled()) return false;
        SweepOptions range = sweep.sweep;
        range.first_draw = next;
        range.draw_count = std::min(block_draws, end - next);
        range.draws_done = continuation.draws_done;
        range.cancelled = continuation.cancelled;
        SweepResult block;
        try {
          block = RunSweep(sweep.input->scenario, plan, *model.info, model.params, range);
        } catch (const SweepCancelled&) {
          return false;  // the block is not saved; the run stays resumable
        }
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
      if (block.first_draw < next || block.first_draw + block.draws > sweep.sweep.draws) {
        throw std::runtime_error("run store: run " + std::to_string(id) + ", " + name +
                                 ": a saved block of draws overlaps another or the sweep's end");
      }
      if (!compute_until(block.first_draw)) return std::nullopt;
      whole.Add(block);
      next += block.draws;
      continuation.draws_reused += block.draws;
      draws_done += block.draws;
    }
    if (!compute_until(sweep.sweep.draws)) return std::nullopt;
    const SweepResult& result = whole.result();
    Json item = SweepItemJson(*sweep.input, model, sweep.plan, result, sweep.sweep, sweep.target,
                              sweep.drivers);
    // The summary alone: the draws are in the blocks already.
    store.SavePart(id, name, result.issue_count, {}, item);
    if (continuation.model_done) continuation.model_done(k, result);
    results.push_back(std::move(item));
    if (continuation.progress) continuation.progress(k + 1, total);
  }
  Json out = total == 1 ? results.front() : Json{{"models", results}};
  store.FinishRun(id, sweep.input->scenario, {}, out);
  return out;
}

}  // namespace statecraft::app
