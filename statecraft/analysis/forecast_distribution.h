// ForecastDistribution: what a model says about one issue's outcome once both sources of
// uncertainty are in — equally likely point forecasts (one per draw of the uncertain inputs, or
// the single forecast at central values) and the model's own error around each (model_error.h).
//
// The distribution is discrete: draws × residuals equally likely atoms. Its distribution
// function, quantiles and CRPS are computed exactly from the atoms:
//   F(x)          = share of atoms ≤ x (AtMost), F(x−) = share of atoms < x (Below);
//   Quantile(p)   = the smallest x with F(x) ≥ p (the generalised inverse, itself an atom);
//   CRPS(y)       = ∫ (F(x) − 1{x ≥ y})² dx, integrated over the step function.
// A probability of a threshold event for one draw is the error's distribution function at the
// threshold (IssueError::AtMost), and the event's probability is its mean over the draws
// (ProbabilityAtMost): per draw a binary search over the residuals.
#ifndef STATECRAFT_ANALYSIS_FORECAST_DISTRIBUTION_H_
#define STATECRAFT_ANALYSIS_FORECAST_DISTRIBUTION_H_

#include <vector>

#include "statecraft/analysis/model_error.h"

namespace statecraft {

class ForecastDistribution {
 public:
  // `points`: the point forecasts, equally likely (at least one).
  ForecastDistribution(std::vector<double> points, IssueError error);

  double AtMost(double value) const;  // F(value)
  double Below(double value) const;   // F(value−)
  double AtLeast(double value) const { return 1.0 - Below(value); }
  // The smallest value with F(value) ≥ probability, for probability in (0, 1].
  double Quantile(double probability) const;
  // The continuous ranked probability score against the outcome (lower is better; for a point
  // forecast it is the absolute error).
  double Crps(double outcome) const;
  // The randomised probability integral transform F(y−) + u · (F(y) − F(y−)), u ∈ [0, 1): uniform
  // on [0, 1] for a calibrated forecast even where the distribution has atoms.
  double RandomizedPit(double outcome, double u) const;

  const IssueError& error() const { return error_; }
  const std::vector<double>& points() const { return points_; }  // ascending

 private:
  // The number of atoms ≤ value (strict: < value), out of points × error atoms.
  double CountUpTo(double value, bool strict) const;

  std::vector<double> points_;
  IssueError error_;
};

// The atoms' count above which Crps thins the draws (every k-th sorted point forecast) to keep
// its cost bounded; backtests stay far below it.
inline constexpr long kCrpsAtomLimit = 1L << 22;

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_FORECAST_DISTRIBUTION_H_
