// Sweeps saved as they go, so that a sweep killed mid-way (kill -9) can be resumed without
// recomputing what was finished.
//
// A saved sweep runs one or more models. The run row is written first (status "running") with
// everything needed to compute it again: the scenario document (or null for the built-in one),
// the model specs, the plan spec and the sweep options. Each model's draws and summary are then
// saved as one part, in one transaction. ContinueSavedSweep computes the models that have no
// part yet, in order, and marks the run complete; every draw uses the seeds of its index
// (analysis/sweep.h), so a resumed sweep equals an uninterrupted one.
//
// The granularity is the model: RunSweep computes a model's draws 0..N-1 in one call, so a
// model interrupted mid-way is computed again from its first draw.
#ifndef STATECRAFT_STORE_SAVED_SWEEP_H_
#define STATECRAFT_STORE_SAVED_SWEEP_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statecraft/io/json_output.h"
#include "statecraft/store/run_store.h"

namespace statecraft {

struct SavedSweepRequest {
  Json document;                // a native scenario document as JSON; null: the built-in one
  Json models = Json::array();  // [{"name", "params": {NAME: text}}]
  std::string plan;             // a plan spec ("L1=15+L2"); empty: the baseline
  int draws = 1000;
  std::uint64_t seed = 0;
  std::string distribution = "triangular";
  std::string target;  // "ISSUE<=V"; empty: none
  int drivers = 10;
};

// Checks the request completely (scenario, models, plan, target) and writes the running row.
// InputError on a bad request.
std::int64_t BeginSavedSweep(RunStore& store, const SavedSweepRequest& request,
                             const std::string& program_version);

struct SweepContinuation {
  int threads = 0;
  // Called after each model with (models done, models in all).
  std::function<void(int, int)> progress;
  // Polled before each model; true stops the sweep (the run stays "running").
  std::function<bool()> cancelled;
  int models_computed = 0;  // out: models computed by this call
  int models_saved = 0;     // out: models found already saved
};

// Computes the missing models and completes the run; returns the result (as `statecraft sweep
// --format json` for one model, {"models": [...]} for several), or nullopt when cancelled.
// A complete run returns its result at once. InputError when the run is not a saved sweep.
std::optional<Json> ContinueSavedSweep(RunStore& store, std::int64_t id,
                                       SweepContinuation& continuation);

}  // namespace statecraft

#endif  // STATECRAFT_STORE_SAVED_SWEEP_H_
