// What-if: the baseline against each plan, per model, with uncertainty.
//
// Every case (the baseline first, then each plan) is run twice per model: once on the central
// values (a point forecast, with the reports of any deal the plan offers) and as a Monte Carlo
// sweep. All cases share the draws' seeds (common random numbers), so differences between a plan
// and the baseline come from the plan, not from sampling noise. With options.calibration, the
// quantiles and probabilities include each model's error (sweep_error.h).
#ifndef STATECRAFT_ANALYSIS_WHATIF_H_
#define STATECRAFT_ANALYSIS_WHATIF_H_

#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/core/forecast.h"
#include "statecraft/core/model.h"
#include "statecraft/levers/lever.h"

namespace statecraft {

struct WhatifCell {
  std::string model;
  Forecast central;  // the point forecast at central values and central lever magnitudes
  SweepResult sweep;
  std::vector<Quantiles> quantiles;          // per issue, after decision rules
  std::optional<double> target_probability;  // when a target is given
  // The calibration entry whose error the quantiles and probability include; empty: the inputs'
  // uncertainty alone.
  std::string model_error;
};

struct WhatifCase {
  std::string name;  // "baseline" or the plan's name
  std::string description;
  std::vector<AppliedLever> levers;  // at their central (or given) magnitudes
  double cost = 0.0;                 // at those magnitudes
  std::vector<DealReport> deals;     // at the central values
  std::vector<WhatifCell> cells;     // one per model
};

struct WhatifResult {
  std::vector<WhatifCase> cases;
  std::optional<Target> target;
  std::vector<AppliedLever> counter;  // the opponent's counter-levers applied in every case
};

// Runs the baseline and the plans (validated here) on every model, with the opponent's
// counter-levers (at fixed magnitudes) applied first in every case.
WhatifResult RunWhatif(const Scenario& scenario, const LeverSet& levers,
                       const std::vector<Plan>& plans, const std::vector<ModelChoice>& models,
                       const SweepOptions& options, const std::optional<Target>& target,
                       const std::vector<AppliedLever>& counter = {});

// The point forecast of one model under fixed levers (counter-levers first).
Forecast RunWithLevers(const Scenario& scenario, const ModelChoice& model,
                       const std::vector<AppliedLever>& counter,
                       const std::vector<AppliedLever>& levers, std::uint64_t seed,
                       std::vector<DealReport>* deals = nullptr);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_WHATIF_H_
