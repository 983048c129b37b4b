// Backtests: forecasts scored against decisions whose outcomes are known.
//
// An issue is scored when it has a known outcome and at least `min_actors` actors with a stake.
// Errors are absolute differences on the issue's scale; scenarios (DEU: legislative proposals)
// are the clusters of the 95 % interval of the mean absolute error, because issues of one
// proposal are decided together and their errors are not independent.
#ifndef STATECRAFT_ANALYSIS_BACKTEST_H_
#define STATECRAFT_ANALYSIS_BACKTEST_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

struct BacktestModel {
  std::string label;  // how the model is reported ("exchange@1" for a variant)
  std::string model;  // registry name
  ParamAssignments params;
};

struct IssueScore {
  int scenario = 0;
  int issue = 0;
  double known = 0.0;
  double predicted = 0.0;
};

struct ModelScore {
  std::string label;
  double mean_absolute_error = 0.0;
  double interval_low = 0.0;  // 95 % interval, clustered by scenario; NaN for one scenario
  double interval_high = 0.0;
  std::map<int, double> share_within;  // threshold → share of issues with error ≤ threshold
  std::vector<IssueScore> issues;
};

struct BacktestResult {
  int issues_scored = 0;
  std::vector<ModelScore> models;
};

struct BacktestOptions {
  int min_actors = 3;
  std::vector<int> thresholds = {5, 10, 20};
  // Score the outcome after decision rules (true) or the model's unconstrained outcome.
  bool apply_decision_rules = true;
  // Called before each model's forecast of each scenario, and once at the end, with (forecasts
  // done, forecasts in all); scenarios without a scoreable issue count without a forecast. May be
  // empty.
  std::function<void(int, int)> progress;
};

// The models a backtest scores by default: every registered model with its defaults, and the
// exchange model (one round by default, the published prediction; Arregui, Stokman & Thomson
// 2006) also after ten rounds, as Decide runs it.
std::vector<BacktestModel> DefaultBacktestModels();

// "NAME" or "NAME:k=v,k=v" → a model to score, labelled by the spec itself. Throws InputError for
// an unknown model or a malformed assignment (before any work is done).
BacktestModel ParseBacktestModel(const std::string& spec);

// True when the issue has a known outcome and enough actors to be scored.
bool IsScoreable(const Scenario& scenario, int issue, int min_actors);

BacktestResult Backtest(const std::vector<Scenario>& scenarios,
                        const std::vector<BacktestModel>& models,
                        const BacktestOptions& options = {});

// Mean of `values` and its 95 % interval (normal approximation) with a cluster-robust standard
// error: clusters[k] names the cluster of values[k]. With fewer than two clusters the interval is
// undefined: low and high are NaN (null in JSON, "n/a" in tables).
void ClusteredMeanInterval(const std::vector<double>& values, const std::vector<int>& clusters,
                           double* mean, double* low, double* high);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_BACKTEST_H_
