// Calibration: learning each model's error from decisions with known outcomes, out of sample.
//
// Issues of one scenario (DEU: one legislative proposal) are decided together, so every split is
// by scenario (core/folds.h). A model's residuals for calibration are out of fold:
// a fitted model is fitted on the other folds before it forecasts a fold; a model without fitted
// parameters forecasts as it is.
#ifndef STATECRAFT_ANALYSIS_CALIBRATION_H_
#define STATECRAFT_ANALYSIS_CALIBRATION_H_

#include <string>
#include <vector>

#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/run.h"
#include "statecraft/core/folds.h"
#include "statecraft/core/model.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

// One scored issue: scenario and issue index.
struct IssueSlot {
  int scenario = 0;
  int issue = 0;
};

// The issues of `scenarios` with a known outcome and at least `min_actors` actors with a stake.
std::vector<IssueSlot> ScoreableIssues(const std::vector<Scenario>& scenarios, int min_actors);

// The scenarios with the known outcomes of issues outside `slots` removed: what a fit may use.
std::vector<Scenario> TrainingSet(const std::vector<Scenario>& scenarios,
                                  const std::vector<IssueSlot>& slots,
                                  const std::vector<bool>& keep_scenario);

// A model as a backtest runs it: resolved parameters and, for fitted models, how to refit it.
class BacktestRunner {
 public:
  BacktestRunner(const ModelInfo& info, ParamAssignments params, bool apply_decision_rules);

  bool fitted() const { return static_cast<bool>(info_.fit); }
  const ModelInfo& info() const { return info_; }

  // The forecast scored for every slot, with the model as given (its shipped parameters).
  std::vector<double> Forecasts(const std::vector<Scenario>& scenarios,
                                const std::vector<IssueSlot>& slots) const;
  // The same with the model fitted on `training` first (as given when it is not fitted).
  std::vector<double> FittedForecasts(const std::vector<Scenario>& training,
                                      const std::vector<Scenario>& scenarios,
                                      const std::vector<IssueSlot>& slots) const;
  // Out-of-fold forecasts: each scenario's issues forecast by the model fitted on the other
  // folds (the model as given when it is not fitted).
  std::vector<double> OutOfFoldForecasts(const std::vector<Scenario>& scenarios,
                                         const std::vector<IssueSlot>& slots, int folds) const;

 private:
  std::vector<double> Predict(const ModelInfo& info, const ParamValues& params,
                              const std::vector<Scenario>& scenarios,
                              const std::vector<IssueSlot>& slots,
                              const std::vector<bool>* only) const;

  const ModelInfo& info_;
  ParamAssignments params_;
  ParamValues resolved_;
  bool apply_decision_rules_;
};

// The fitted parameters of a fitted model (ModelInfo::fit) on every scoreable issue of
// `scenarios`: what the shipped parameters of `choice` come from. InputError for a model without
// fitted parameters.
ParamAssignments FitOnDataset(const BacktestModel& spec, const std::vector<Scenario>& scenarios,
                              int min_actors = 3);

// The residuals of `forecasts` (one per slot) as the error model reads them.
std::vector<Residual> Residuals(const std::vector<Scenario>& scenarios,
                                const std::vector<IssueSlot>& slots,
                                const std::vector<double>& forecasts);

struct CalibrateOptions {
  int min_actors = 3;
  int folds = kDefaultFolds;
  std::string source;  // recorded in the calibration: the dataset and settings, in words
};

// Every model's error from its out-of-fold residuals on `scenarios`. InputError when no issue
// can be scored.
Calibration Calibrate(const std::vector<Scenario>& scenarios,
                      const std::vector<BacktestModel>& models, const CalibrateOptions& options);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_CALIBRATION_H_
