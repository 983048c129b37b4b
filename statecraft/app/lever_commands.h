// whatif, sweep and optimize: the lever analyses with uncertainty (analysis/whatif.h, sweep.h,
// optimize.h) as requests. Each command is prepared first — the scenario read, every field,
// model, plan and target checked — and then run, so that the server can refuse a bad request at
// once and run a good one as a job.
#ifndef STATECRAFT_APP_LEVER_COMMANDS_H_
#define STATECRAFT_APP_LEVER_COMMANDS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/app/checks.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"

namespace statecraft::app {

// ---------------------------------------------------------------------------------------------
// whatif: the baseline against each plan, per model.

struct WhatifRequest {
  ScenarioSource scenario;
  std::optional<std::vector<std::string>> plans;  // plan specs; none: every declared plan
  std::vector<ModelSpec> models;                  // empty: every model
  std::string target;                             // "ISSUE<=V"; empty: none
  std::string counter;  // the opponent's counter-levers in every case ("R2=20+R3"); empty: none
  Uncertainty uncertainty{1000};
};

struct PreparedWhatif {
  std::shared_ptr<const ScenarioWithLevers> input;
  std::vector<Plan> plans;
  std::vector<ModelChoice> models;
  SweepOptions sweep;
  std::optional<Target> target;
  std::vector<AppliedLever> counter;
};

struct WhatifOutput {
  std::shared_ptr<const ScenarioWithLevers> input;  // the levers the result points to
  WhatifResult whatif;
  SweepOptions sweep;
  SaveReport saved;
};

Outcome<PreparedWhatif> PrepareWhatif(const WhatifRequest& request);
// One step per draw, every plan (the baseline included) and model counted (draw_progress.h).
Outcome<WhatifOutput> Whatif(const PreparedWhatif& prepared, const Context& context);
Outcome<WhatifOutput> Whatif(const WhatifRequest& request, const Context& context);
Json WhatifOutputToJson(const WhatifOutput& output);

// ---------------------------------------------------------------------------------------------
// sweep: a Monte Carlo of one or more models under one plan.

struct SweepRequest {
  ScenarioSource scenario;
  std::vector<ModelSpec> models{ModelSpec{"compromise", {}}};
  std::string plan;    // empty: the baseline
  std::string target;  // empty: none
  std::int64_t drivers = 10;
  Uncertainty uncertainty{1000};
};

struct PreparedSweep {
  std::shared_ptr<const ScenarioWithLevers> input;
  std::vector<ModelChoice> models;
  Plan plan;
  SweepOptions sweep;
  std::optional<Target> target;
  int drivers = 10;
  SweepRequest request;  // what a saved sweep records, to be computed again when resumed
};

struct SweepOutput {
  std::shared_ptr<const ScenarioWithLevers> input;
  std::vector<ModelChoice> models;
  Plan plan;
  SweepOptions sweep;
  std::optional<Target> target;
  int drivers = 10;
  std::vector<SweepResult> results;  // one per model
  SaveReport saved;
};

Outcome<PreparedSweep> PrepareSweep(const SweepRequest& request);
// Saved block by block as it goes when the context saves (statecraft/app/saved_sweep.h), so that
// `runs resume` completes a sweep killed mid-way. One step per draw, every model counted.
Outcome<SweepOutput> Sweep(const PreparedSweep& prepared, const Context& context);
Outcome<SweepOutput> Sweep(const SweepRequest& request, const Context& context);
// Writes a saved sweep's running row and returns its id; ResumeRun computes it (the server
// answers with the id at once and computes in a job).
Outcome<std::int64_t> BeginSweepRun(const PreparedSweep& prepared, const Context& context);
// One model as `statecraft sweep --format json` prints it; {"models": [...]} for several.
Json SweepOutputToJson(const SweepOutput& output);

// ---------------------------------------------------------------------------------------------
// optimize: the cheapest plan reaching a target with a probability, against the opponent.

struct OptimizeRequest {
  ScenarioSource scenario;
  std::string target;  // required
  double probability = 0.8;
  std::optional<double> budget;
  std::vector<ModelSpec> models{ModelSpec{"compromise", {}}};
  std::int64_t runners_up = 3;
  Uncertainty uncertainty{200};
  // Every plan on every draw against every counter-plan (analysis/optimize.h); false: the
  // sequential search, which gives the same cheapest plan with fewer draws.
  bool exhaustive = false;
};

struct PreparedOptimize {
  std::shared_ptr<const ScenarioWithLevers> input;
  std::vector<ModelChoice> models;
  OptimizeOptions options;
};

struct OptimizeOutput {
  std::shared_ptr<const ScenarioWithLevers> input;
  std::vector<ModelChoice> models;
  OptimizeOptions options;
  OptimizeResult result;
  SaveReport saved;
};

Outcome<PreparedOptimize> PrepareOptimize(const OptimizeRequest& request);
// Steps are the candidate plans weighed, out of the plans within the budget.
Outcome<OptimizeOutput> Optimize(const PreparedOptimize& prepared, const Context& context);
Outcome<OptimizeOutput> Optimize(const OptimizeRequest& request, const Context& context);
Json OptimizeOutputToJson(const OptimizeOutput& output);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_LEVER_COMMANDS_H_
