// Sweeps saved as they go, so that a sweep killed mid-way (kill -9) can be resumed without
// recomputing what was finished.
//
// A saved sweep runs one or more models. The run row is written first (status "running") with
// everything needed to compute it again: the scenario (a document, the text of the file it was
// read from, or null for the built-in one), the model specs, the plan spec and the sweep
// options. Each model's draws are then computed and saved in blocks of `block_draws` draws, one
// transaction per block (RunStore::SaveSweepBlock), and the model's summary is saved as a part
// once its last block is in. ContinueSavedSweep reloads the saved blocks, computes only the
// draws no block holds, in order, folds all of them through a SweepAccumulator (as RunSweep
// folds its own blocks: bounded memory for the sampled inputs), and marks the run complete.
// Draw k uses the seeds of its index whatever the range it is computed in (analysis/sweep.h), so
// a sweep interrupted at any point and resumed equals an uninterrupted one bit for bit.
#ifndef STATECRAFT_APP_SAVED_SWEEP_H_
#define STATECRAFT_APP_SAVED_SWEEP_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statecraft/analysis/sweep.h"
#include "statecraft/app/lever_commands.h"
#include "statecraft/io/json_output.h"
#include "statecraft/store/run_store.h"

namespace statecraft::app {

// Draws per block (one transaction each): small enough that a kill loses little work, large
// enough that the store's writes cost little beside the models.
inline constexpr int kDefaultBlockDraws = 250;

struct SavedSweepRequest {
  Json document;  // a native scenario document as JSON; null: `text`, or the built-in one
  // The scenario file's text, read as `file_name` with the reader's format and capability
  // options (used when `document` is null and `text` is not empty).
  std::string text;
  std::string file_name;
  std::string from = "auto";
  std::string capability = "equal";
  Json models = Json::array();  // [{"name", "params": {NAME: text}}]
  std::string plan;             // a plan spec ("L1=15+L2"); empty: the baseline
  int draws = 1000;
  std::uint64_t seed = 0;
  std::string distribution = "triangular";
  std::string target;  // "ISSUE<=V"; empty: none
  int drivers = 10;
  int block_draws = kDefaultBlockDraws;
  // The models' errors the summary includes (docs/calibration.md): null for none
  // (`--model-error off`), "built in" for the shipped calibration, or a calibration document
  // (CalibrationToJson), kept so that a resumed sweep summarises as the original would.
  Json calibration = "built in";
};

// Checks the request completely (scenario, models, plan, target: as a sweep request,
// lever_commands.h) and writes the running row. InputError on a bad request.
std::int64_t BeginSavedSweep(RunStore& store, const SavedSweepRequest& request,
                             const std::string& program_version);
// The running row of a prepared sweep (its scenario recorded as a document, a file's text, or
// nothing for the built-in one).
std::int64_t BeginSavedSweep(RunStore& store, const PreparedSweep& prepared,
                             const std::string& program_version);

// One model's sweep as `statecraft sweep --format json` prints it: scenario, model, plan and its
// levers, then the sweep's summary (lever_json.h, SweepToJson).
Json SweepItemJson(const ScenarioWithLevers& input, const ModelChoice& model, const Plan& plan,
                   const SweepResult& result, const SweepOptions& options,
                   const std::optional<Target>& target, int drivers);

struct SweepContinuation {
  int threads = 0;
  // Called after each model with (models done, models in all).
  std::function<void(int, int)> progress;
  // Called after each block with (draws done, draws in all), every model counted.
  std::function<void(std::int64_t, std::int64_t)> draw_progress;
  // Set on the sweeps of the draws computed (SweepOptions::draws_done), as they go.
  std::function<void(int)> draws_done;
  // Polled before each block and every few draws within it; true stops the sweep (the run stays
  // "running", with the blocks completed before).
  std::function<bool()> cancelled;
  // Called with each model's whole sweep when it is computed (not for a model whose summary was
  // already saved).
  std::function<void(int, const SweepResult&)> model_done;
  int models_computed = 0;          // out: models computed (wholly or partly) by this call
  int models_saved = 0;             // out: models found already complete
  std::int64_t draws_computed = 0;  // out: draws computed by this call
  std::int64_t draws_reused = 0;    // out: draws found saved and not computed again
};

// Computes the missing models and completes the run; returns the result (as `statecraft sweep
// --format json` for one model, {"models": [...]} for several), or nullopt when cancelled.
// A complete run returns its result at once. InputError when the run is not a saved sweep.
std::optional<Json> ContinueSavedSweep(RunStore& store, std::int64_t id,
                                       SweepContinuation& continuation);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_SAVED_SWEEP_H_
