// backtest: forecasts scored against known outcomes (analysis/backtest.h) — a dataset such as
// DEU, or one scenario's coded outcomes scored with and without decision rules (the built-in
// scenario's June 2024 forecast against 2024-25).
#ifndef STATECRAFT_APP_BACKTEST_COMMAND_H_
#define STATECRAFT_APP_BACKTEST_COMMAND_H_

#include <cstdint>
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
};

struct BacktestOutput {
  std::vector<Scenario> scenarios;
  BacktestResult scores;  // with decision rules unless apply_decision_rules is false
  std::optional<BacktestResult> without_decision_rules;  // with both_rules
};

// One step per forecast (a model on a scenario), both passes counted with both_rules.
Outcome<BacktestOutput> Backtest(const BacktestRequest& request, const Context& context = {});
// {"issues_scored": N, "models": {label: {"mae", "mae_ci": [lo, hi], "within": {"5": share}}}};
// with both rules {"with_decision_rules": ..., "without_decision_rules": ...}.
Json BacktestOutputToJson(const BacktestOutput& output);
Json BacktestToJson(const BacktestResult& result);
// One model's scores as every backtest writes them (deu, flagship, gallery):
//   {"mae", "mae_ci": [lo, hi] (null where undefined), "within": {"5": share, ...}}
Json ModelScoreToJson(const ModelScore& score);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_BACKTEST_COMMAND_H_
