#include "statecraft/analysis/sweep_error.h"

#include "statecraft/core/exact_scale.h"

namespace statecraft {

std::vector<IssueError> BindIssueErrors(const Calibration* calibration,
                                        const std::string& model_label, const Scenario& scenario,
                                        std::string* used) {
  std::shared_ptr<const ModelError> error;
  std::string entry;
  if (calibration != nullptr) error = calibration->Find(model_label, &entry);
  if (used != nullptr) *used = error ? entry : "";
  std::vector<IssueError> errors;
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    errors.push_back(BindError(error, scenario, issue));
  }
  return errors;
}

Scenario ScenarioForError(const Scenario& scenario, const SweepPlan& plan) {
  Scenario working = scenario;
  for (const auto* group : {&plan.counter, &plan.levers}) {
    for (const SweepLever& lever : *group) {
      // A sampled lever's `magnitude` is its central one (MakeSweepPlan).
      ApplyLever(working, *lever.lever, lever.magnitude);
    }
  }
  return working;
}

ForecastDistribution IssueDistribution(const SweepResult& result, int issue,
                                       const IssueError& error, bool ruled) {
  const std::vector<double>& source = ruled ? result.outcomes : result.unconstrained;
  std::vector<double> points(result.draws);
  for (int draw = 0; draw < result.draws; ++draw) {
    points[draw] = source[static_cast<std::size_t>(draw) * result.issue_count + issue];
  }
  return ForecastDistribution(std::move(points), error);
}

Quantiles SummarizeIssue(const SweepResult& result, int issue, const IssueError& error,
                         bool ruled) {
  if (!error.HasError()) return SummarizeIssue(result, issue, ruled);
  const ForecastDistribution distribution = IssueDistribution(result, issue, error, ruled);
  Quantiles quantiles;
  quantiles.q10 = distribution.Quantile(0.1);
  quantiles.median = distribution.Quantile(0.5);
  quantiles.q90 = distribution.Quantile(0.9);
  // The mean of the mixture: per draw the mean of its atoms, summed in draw order on values
  // brought into the band of exact_scale.h (outcomes of ±1e308 would overflow the sum).
  const int exponent = ScaleExponent(error.scale_low(), error.scale_high());
  double sum = 0.0;
  const std::vector<double>& source = ruled ? result.outcomes : result.unconstrained;
  for (int draw = 0; draw < result.draws; ++draw) {
    const double point = source[static_cast<std::size_t>(draw) * result.issue_count + issue];
    double atoms = 0.0;
    for (int k = 0; k < error.Atoms(); ++k) {
      atoms += ScaleByPowerOfTwo(error.Atom(point, k), exponent);
    }
    sum += atoms / error.Atoms();
  }
  quantiles.mean = ScaleByPowerOfTwo(sum / result.draws, -exponent);
  return quantiles;
}

double DrawTargetProbability(const Target& target, const IssueError& error, double point) {
  return target.at_most ? error.AtMost(point, target.value) : error.AtLeast(point, target.value);
}

double TargetProbability(const SweepResult& result, const Target& target, const IssueError& error) {
  if (!error.HasError()) return TargetProbability(result, target);
  double sum = 0.0;
  for (int draw = 0; draw < result.draws; ++draw) {
    sum += DrawTargetProbability(target, error, result.Outcome(draw, target.issue));
  }
  return sum / result.draws;
}

}  // namespace statecraft
