// backtest: forecasts scored against known outcomes (analysis/backtest.h) — a dataset such as
// DEU, or one scenario's coded outcomes scored with and without decision rules (the built-in
// scenario's June 2024 forecast against 2024-25).
#ifndef STATECRAFT_APP_BACKTEST_COMMAND_H_
#define STATECRAFT_APP_BACKTEST_COMMAND_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "statecraft/analysis/backtest.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"

namespace statecraft::app {

struct BacktestRequest {
  std::vector<ScenarioSource> scenarios;  // every scenario of every source, in order
  std::vector<BacktestModel> models;      // empty: DefaultBacktestModels()
  std::int64_t min_actors = 3;            // an issue is scored with this many actors or more
  std::vector<int> thresholds = {5, 10, 20};
  bool apply_decision_rules = true;
  // Also score without decision rules (the form of `backtest flagship`): the output then holds
  // both scores.
  bool both_rules = false;
  // Fit the fitted models and the models' errors on these and score `scenarios` (`--train`).
  std::vector<ScenarioSource> training;
  // Score distributions with each model's error (docs/calibration.md): learned by
  // cross-validation by scenario (or on `training`), or, when `calibration` is given — and for a
  // single scenario, which has no folds (the flagship) — from a calibration (null: the shipped
  // one). Without model error the forecasts are points.
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

struct BacktestOutput {
  std::vector<Scenario> scenarios;
  BacktestResult scores;  // with decision rules unless apply_decision_rules is false
  std::optional<BacktestResult> without_decision_rules;  // with both_rules
};

// One step per model scored, both passes counted with both_rules.
Outcome<BacktestOutput> Backtest(const BacktestRequest& request, const Context& context = {});
// {"issues_scored": N, "model_error": words, "models": {label: {"mae", "mae_ci": [lo, hi],
//  "within": {"5": share}, "crps", "coverage": {"50", "80", "90"}, "pit": [10 shares],
//  "vs_compromise": {"mae_diff", "mae_diff_ci"}, "out_of_sample", "model_error"}}}; with both
// rules {"with_decision_rules": ..., "without_decision_rules": ...}.
Json BacktestOutputToJson(const BacktestOutput& output);
Json BacktestToJson(const BacktestResult& result);
// One model's scores as every backtest writes them (deu, flagship, gallery):
//   {"mae", "mae_ci": [lo, hi] (null where undefined), "within": {"5": share, ...}}
Json ModelScoreToJson(const ModelScore& score);
// The point scores above with the distribution's: crps, coverage, pit, vs_<reference> (the
// paired difference in MAE with its proposal-clustered interval), out_of_sample and model_error
// (docs/calibration.md).
Json DistributionScoreToJson(const ModelScore& score, const std::string& reference);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_BACKTEST_COMMAND_H_
