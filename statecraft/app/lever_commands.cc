#include "statecraft/app/lever_commands.h"

#include <set>

#include "statecraft/analysis/distributed.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/app/draw_progress.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/app/run_commands.h"
#include "statecraft/app/saved_sweep.h"
#include "statecraft/app/search_progress.h"

namespace statecraft::app {
namespace {

std::shared_ptr<const ScenarioWithLevers> LoadShared(const ScenarioSource& source) {
  return std::make_shared<const ScenarioWithLevers>(LoadScenarioWithLevers(source));
}

std::optional<Target> OptionalTarget(const Scenario& scenario, const std::string& text) {
  if (text.empty()) return std::nullopt;
  return ParseTarget(scenario, text);
}

// Appends one model's what-if cells to the cases of the others' (every model runs the same
// cases, and the deals at central values are the same whatever the model).
void MergeWhatif(WhatifResult& merged, WhatifResult one) {
  if (merged.cases.empty()) {
    merged = std::move(one);
    return;
  }
  for (std::size_t k = 0; k < merged.cases.size(); ++k) {
    for (WhatifCell& cell : one.cases[k].cells) merged.cases[k].cells.push_back(std::move(cell));
  }
}

// What the store keeps of a what-if besides its JSON: the central point forecast of every plan
// and model, recorded under the name "PLAN/MODEL".
std::int64_t SaveWhatif(RunStore& store, const WhatifOutput& output,
                        const std::vector<ModelChoice>& models, const Context& context) {
  RunHeader header = MakeRunHeader("whatif", models, output.sweep.seed, context);
  header.plan = Json::array();
  std::vector<Forecast> forecasts;
  std::set<std::string> names;
  for (std::size_t k = 0; k < output.whatif.cases.size(); ++k) {
    const WhatifCase& item = output.whatif.cases[k];
    header.plan.push_back(Json{{"plan", item.name}, {"levers", AppliedLeversToJson(item.levers)}});
    // A plan given twice keeps its forecasts apart by its place in the list.
    std::string name = item.name;
    if (!names.insert(name).second) name += " #" + std::to_string(k + 1);
    for (const WhatifCell& cell : item.cells) {
      forecasts.push_back(cell.central);
      forecasts.back().model = name + "/" + cell.model;
    }
  }
  const std::optional<Target>& target = output.whatif.target;
  header.options = Json{{"draws", output.sweep.draws},
                        {"distribution", DistributionName(output.sweep.distribution)},
                        {"target", target ? Json(target->text) : Json(nullptr)},
                        {"counter_levers", AppliedLeversToJson(output.whatif.counter)}};
  return store.SaveRun(output.input->scenario, header, forecasts, WhatifOutputToJson(output));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// whatif

Outcome<PreparedWhatif> PrepareWhatif(const WhatifRequest& request) {
  return Guard([&] {
    PreparedWhatif prepared;
    prepared.sweep = ToSweepOptions(request.uncertainty);
    prepared.models = ChooseModels(request.models);
    prepared.input = LoadShared(request.scenario);
    const ScenarioWithLevers& input = *prepared.input;
    prepared.target = OptionalTarget(input.scenario, request.target);
    if (!request.plans) {
      prepared.plans = input.levers.plans;
    } else {
      for (const std::string& spec : *request.plans) {
        prepared.plans.push_back(ParsePlanSpec(input.scenario, input.levers, spec));
      }
    }
    if (!request.counter.empty()) {
      prepared.counter = ParseCounterSpec(input.scenario, input.levers, request.counter);
    }
    return prepared;
  });
}

Outcome<WhatifOutput> Whatif(const PreparedWhatif& prepared, const Context& context) {
  return Guard([&] {
    WhatifOutput output{prepared.input, {}, prepared.sweep, {}};
    const ScenarioWithLevers& input = *prepared.input;
    const int total = static_cast<int>(prepared.models.size());
    // Every plan and the baseline, for every model.
    DrawProgress progress(context, static_cast<std::int64_t>(total) *
                                       static_cast<std::int64_t>(prepared.plans.size() + 1) *
                                       prepared.sweep.draws);
    SweepOptions sweep = prepared.sweep;
    sweep.draws_done = progress.Hook();
    sweep.cancelled = context.cancelled;
    for (int m = 0; m < total; ++m) {
      CheckCancelled(context);
      MergeWhatif(output.whatif,
                  RunWhatif(input.scenario, input.levers, prepared.plans, {prepared.models[m]},
                            sweep, prepared.target, prepared.counter));
    }
    if (output.whatif.cases.empty()) {  // no model: the cases without cells
      output.whatif = RunWhatif(input.scenario, input.levers, prepared.plans, {}, prepared.sweep,
                                prepared.target, prepared.counter);
    }
    output.saved = SaveRun(context, [&](RunStore& store) {
      return SaveWhatif(store, output, prepared.models, context);
    });
    return output;
  });
}

Outcome<WhatifOutput> Whatif(const WhatifRequest& request, const Context& context) {
  Outcome<PreparedWhatif> prepared = PrepareWhatif(request);
  if (!prepared.ok()) return prepared.error();
  return Whatif(prepared.value(), context);
}

Json WhatifOutputToJson(const WhatifOutput& output) {
  return WhatifToJson(output.input->scenario, output.whatif, output.sweep);
}

// ---------------------------------------------------------------------------------------------
// sweep

Outcome<PreparedSweep> PrepareSweep(const SweepRequest& request) {
  return Guard([&] {
    PreparedSweep prepared;
    prepared.request = request;
    prepared.sweep = ToSweepOptions(request.uncertainty);
    CheckRange("drivers", request.drivers, 1, kMaxDrivers);
    prepared.drivers = static_cast<int>(request.drivers);
    if (request.models.empty()) FailField("models", "found an empty list, expected a model");
    prepared.models = ChooseModels(request.models);
    prepared.input = LoadShared(request.scenario);
    const ScenarioWithLevers& input = *prepared.input;
    prepared.target = OptionalTarget(input.scenario, request.target);
    prepared.plan = request.plan.empty()
                        ? Plan{"baseline", "no lever", {}}
                        : ParsePlanSpec(input.scenario, input.levers, request.plan);
    return prepared;
  });
}

namespace {

SweepOutput EmptySweepOutput(const PreparedSweep& prepared) {
  SweepOutput output;
  output.input = prepared.input;
  output.models = prepared.models;
  output.plan = prepared.plan;
  output.sweep = prepared.sweep;
  output.target = prepared.target;
  output.drivers = prepared.drivers;
  return output;
}

// Computes every model's sweep without the store.
void ComputeSweeps(const PreparedSweep& prepared, const Context& context, SweepOutput& output) {
  const SweepPlan plan = MakeSweepPlan(prepared.input->levers, prepared.plan);
  DrawProgress progress(context,
                        static_cast<std::int64_t>(prepared.models.size()) * prepared.sweep.draws);
  SweepOptions sweep = prepared.sweep;
  sweep.draws_done = progress.Hook();
  sweep.cancelled = context.cancelled;
  for (const ModelChoice& model : prepared.models) {
    CheckCancelled(context);
    output.results.push_back(
        RunSweep(prepared.input->scenario, plan, *model.info, model.params, sweep));
  }
}

// Saved as it goes: the run row first, then each block of draws as it is computed. True when the
// whole sweep was computed; a store that fails part-way leaves a warning (the blocks saved so far
// stay, whole, for `runs resume`) and false.
bool ComputeSavedSweep(const PreparedSweep& prepared, const Context& context, SweepOutput& output) {
  std::int64_t id = 0;
  try {
    RunStore& store = *context.save_to->Open();
    id = BeginSavedSweep(store, prepared, context.program_version);
    if (context.run_started) context.run_started(id);
    SweepContinuation continuation;
    continuation.threads = prepared.sweep.threads;
    continuation.cancelled = context.cancelled;
    DrawProgress progress(context,
                          static_cast<std::int64_t>(prepared.models.size()) * prepared.sweep.draws);
    continuation.draws_done = progress.Hook();
    continuation.model_done = [&output](int, const SweepResult& whole) {
      output.results.push_back(whole);
    };
    if (!ContinueSavedSweep(store, id, continuation)) {
      throw RequestError(ErrorCode::kCancelled, "cancelled");
    }
    output.saved.run_id = id;
    return true;
  } catch (const InputError&) {
    throw;
  } catch (const RequestError&) {
    throw;
  } catch (const std::exception& error) {
    output.saved.warning = id > 0 ? "sweep run " + std::to_string(id) +
                                        " was saved only in part (" + error.what() +
                                        "); `statecraft runs resume " + std::to_string(id) +
                                        "` completes it once the store can be written"
                                  : std::string("the run was not saved: ") + error.what();
    output.results.clear();
    return false;
  }
}

}  // namespace

Outcome<SweepOutput> Sweep(const PreparedSweep& prepared, const Context& context) {
  return Guard([&] {
    SweepOutput output = EmptySweepOutput(prepared);
    // Under MPI every process computes its share of each RunSweep call, so all of them make the
    // same calls: the sweep is computed in one call per model and the lead process saves it
    // afterwards, whole (resumable block by block only without MPI).
    const bool distributed = CurrentDrawDistributor() != nullptr;
    if (context.save_to != nullptr && !distributed &&
        ComputeSavedSweep(prepared, context, output)) {
      return output;
    }
    ComputeSweeps(prepared, context, output);
    if (distributed && IsLeadProcess()) {
      output.saved = SaveRun(context, [&](RunStore& store) {
        const std::int64_t id = BeginSavedSweep(store, prepared, context.program_version);
        for (std::size_t m = 0; m < output.models.size(); ++m) {
          store.SaveSweepBlock(id, output.models[m].info->name, output.results[m]);
        }
        SweepContinuation continuation;  // every draw is saved: nothing left to compute
        ContinueSavedSweep(store, id, continuation);
        return id;
      });
    }
    return output;
  });
}

Outcome<SweepOutput> Sweep(const SweepRequest& request, const Context& context) {
  Outcome<PreparedSweep> prepared = PrepareSweep(request);
  if (!prepared.ok()) return prepared.error();
  return Sweep(prepared.value(), context);
}

Outcome<std::int64_t> BeginSweepRun(const PreparedSweep& prepared, const Context& context) {
  return Guard(
      [&] { return BeginSavedSweep(*context.save_to->Open(), prepared, context.program_version); });
}

Json SweepOutputToJson(const SweepOutput& output) {
  Json results = Json::array();
  for (std::size_t m = 0; m < output.results.size(); ++m) {
    results.push_back(SweepItemJson(*output.input, output.models[m], output.plan, output.results[m],
                                    output.sweep, output.target, output.drivers));
  }
  return results.size() == 1 ? results.front() : Json{{"models", results}};
}

// ---------------------------------------------------------------------------------------------
// optimize

Outcome<PreparedOptimize> PrepareOptimize(const OptimizeRequest& request) {
  return Guard([&] {
    PreparedOptimize prepared;
    prepared.options.sweep = ToSweepOptions(request.uncertainty);
    if (request.target.empty()) {
      FailField("target", "missing, expected the event to reach, e.g. \"munitions<=25\"");
    }
    CheckRequiredProbability("probability", request.probability);
    CheckBudget("budget", request.budget);
    CheckRange("runners_up", request.runners_up, 0, kMaxRunnersUp);
    if (request.models.empty()) FailField("models", "found an empty list, expected a model");
    prepared.models = ChooseModels(request.models);
    prepared.input = LoadShared(request.scenario);
    const ScenarioWithLevers& input = *prepared.input;
    prepared.options.target = ParseTarget(input.scenario, request.target);
    prepared.options.probability = request.probability;
    prepared.options.budget = request.budget;
    prepared.options.runners_up = static_cast<int>(request.runners_up);
    prepared.options.exhaustive = request.exhaustive;
    if (input.levers.levers.empty()) {
      throw InputError(ScenarioName(prepared.input->scenario) +
                       " declares no levers; optimize builds plans from a 'levers' section");
    }
    return prepared;
  });
}

Outcome<OptimizeOutput> Optimize(const PreparedOptimize& prepared, const Context& context) {
  return Guard([&] {
    OptimizeOutput output{prepared.input, prepared.models, prepared.options, {}, {}};
    CheckCancelled(context);
    OptimizeOptions watched = prepared.options;
    watched.sweep.cancelled = context.cancelled;
    SearchDrawProgress progress(context, prepared.models.size(), prepared.options);
    progress.Watch(watched);
    watched.cancelled = context.cancelled;
    output.result = statecraft::Optimize(prepared.input->scenario, prepared.input->levers,
                                         prepared.models, watched);
    if (output.result.cancelled) throw RequestError(ErrorCode::kCancelled, "cancelled");
    progress.Finish();
    output.saved = SaveRun(context, [&](RunStore& store) {
      RunHeader header =
          MakeRunHeader("optimize", prepared.models, prepared.options.sweep.seed, context);
      // The plan of an optimisation is its answer: the cheapest plan, when one meets the target.
      if (output.result.best) {
        header.plan = Json{{"levers", AppliedLeversToJson(output.result.best->levers)}};
      }
      const OptimizeOptions& options = prepared.options;
      header.options = Json{{"target", options.target.text},
                            {"probability", options.probability},
                            {"budget", options.budget ? Json(*options.budget) : Json(nullptr)},
                            {"runners_up", options.runners_up},
                            {"search", options.exhaustive ? "exhaustive" : "sequential"},
                            {"draws", options.sweep.draws},
                            {"distribution", DistributionName(options.sweep.distribution)}};
      return store.SaveRun(prepared.input->scenario, header, {}, OptimizeOutputToJson(output));
    });
    return output;
  });
}

Outcome<OptimizeOutput> Optimize(const OptimizeRequest& request, const Context& context) {
  Outcome<PreparedOptimize> prepared = PrepareOptimize(request);
  if (!prepared.ok()) return prepared.error();
  return Optimize(prepared.value(), context);
}

Json OptimizeOutputToJson(const OptimizeOutput& output) {
  Json json = OptimizeToJson(output.result, output.options, output.models);
  std::vector<std::string> labels;
  for (const ModelChoice& model : output.models) labels.push_back(ModelLabel(model));
  json["model_error"] = ModelErrorToJson(output.options.sweep, output.input->scenario, labels);
  // Whose counter-levers were weighed, so that a saved optimisation tells it without its file.
  if (!output.input->levers.counter.owner.empty()) {
    json["opponent"] = output.input->levers.counter.owner;
  }
  return json;
}

}  // namespace statecraft::app
