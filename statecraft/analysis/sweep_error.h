// A sweep's summaries with the model's own error (docs/calibration.md): every draw's point
// forecast carries the model's empirical error around it (model_error.h), so the outcome's
// distribution is the mixture over draws of those errors (forecast_distribution.h).
//
// The probability of a target for one draw is the error's distribution function at the
// threshold — IssueError::AtMost(point, value), a binary search over the residuals — and the
// target's probability is the mean of those over the draws (TargetProbability). Draws are
// independent and equally likely, so the per-draw probabilities can be accumulated draw by draw
// (sequential tests of a plan need nothing else).
//
// The error's scale depends on the issue's spread of positions; it is read from the scenario the
// sweep starts from, with the case's counter-levers and levers applied at their central
// magnitudes (ScenarioForError).
#ifndef STATECRAFT_ANALYSIS_SWEEP_ERROR_H_
#define STATECRAFT_ANALYSIS_SWEEP_ERROR_H_

#include <string>
#include <vector>

#include "statecraft/analysis/forecast_distribution.h"
#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/sweep.h"

namespace statecraft {

// The model error of `model_label` bound to every issue of `scenario`; no error on any issue when
// `calibration` is null or holds no error for the model. `used` receives the calibration entry
// used ("" when none).
std::vector<IssueError> BindIssueErrors(const Calibration* calibration,
                                        const std::string& model_label, const Scenario& scenario,
                                        std::string* used = nullptr);

// The scenario whose spreads scale the errors of a case: `scenario` with the counter-levers and
// then the levers applied at their central magnitudes.
Scenario ScenarioForError(const Scenario& scenario, const SweepPlan& plan);

// The distribution of an issue's outcome (after decision rules, or the model's own) over the
// sweep's draws, with the error.
ForecastDistribution IssueDistribution(const SweepResult& result, int issue,
                                       const IssueError& error, bool ruled = true);

// Quantiles (the generalised inverse of the mixture's distribution function) and mean of the
// outcome with the error; without error, SummarizeIssue's own (interpolated) quantiles.
Quantiles SummarizeIssue(const SweepResult& result, int issue, const IssueError& error,
                         bool ruled = true);

// The probability of the target with the error: the mean over draws of
// error.AtMost(point, value) (or AtLeast); without error, the share of draws meeting it.
double TargetProbability(const SweepResult& result, const Target& target, const IssueError& error);

// One draw's probability of the target given its point forecast.
double DrawTargetProbability(const Target& target, const IssueError& error, double point);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_SWEEP_ERROR_H_
