// Backtests: forecasts scored against decisions whose outcomes are known.
//
// An issue is scored when it has a known outcome and at least `min_actors` actors with a stake.
// Each model's forecast on an issue is a distribution — its point forecast with the model's
// empirical error around it (model_error.h) — scored as a point (absolute error) and as a
// distribution (CRPS, coverage, PIT; scoring.h). Scenarios (DEU: legislative proposals) are the
// clusters of every interval and the units of every split, because issues of one proposal are
// decided together and their errors are not independent.
#ifndef STATECRAFT_ANALYSIS_BACKTEST_H_
#define STATECRAFT_ANALYSIS_BACKTEST_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/run.h"
#include "statecraft/analysis/scoring.h"
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
  double interval_low = 0.0;  // the central 80 % interval of the forecast distribution
  double interval_high = 0.0;
};

// Where a backtest takes each model's error from.
enum class ErrorSource {
  kCrossValidated,  // learned from the other folds' residuals (or the training file's)
  kCalibration,     // a calibration fitted elsewhere (BacktestOptions::calibration)
  kNone,            // no model error: the point forecast alone
};

// Every score of DistributionScore (scoring.h), per model.
struct ModelScore : DistributionScore {
  std::string label;
  std::string error_source;  // this model's: the calibration entry used, "none", ...
  std::vector<IssueScore> issues;
};

struct BacktestResult {
  int issues_scored = 0;
  std::string reference;    // the model every score's vs_reference compares with
  std::string model_error;  // where the models' errors come from, in words
  std::vector<ModelScore> models;
};

inline constexpr int kDefaultFolds = 10;

struct BacktestOptions {
  int min_actors = 3;
  std::vector<int> thresholds = {5, 10, 20};
  // Score the outcome after decision rules (true) or the model's unconstrained outcome.
  bool apply_decision_rules = true;
  // Called before each model is scored (its forecasts of every scenario, in every fold), and
  // once at the end, with (models done, models in all). May be empty.
  std::function<void(int, int)> progress;
  // Folds by scenario for fitted models and cross-validated model error.
  int folds = kDefaultFolds;
  ErrorSource error_source = ErrorSource::kCrossValidated;
  const Calibration* calibration = nullptr;  // for kCalibration (and to judge out_of_sample)
  // When set, fitted models and cross-validated model errors are fitted on these scenarios and
  // every scenario of the backtest is scored (`backtest deu FILE --train TRAINFILE`).
  const std::vector<Scenario>* training = nullptr;
  // The model every score is compared with (vs_reference), at its default parameters.
  std::string reference = "compromise";
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

// Scores every model on every scoreable issue of `scenarios` (scoring.h). Forecasts and model
// errors are out of sample wherever they are fitted: a fitted model is fitted on the other folds
// (or on options.training), and a cross-validated model error is refitted inside each fold from
// out-of-fold residuals of the training folds alone.
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
