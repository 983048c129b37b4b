// Scoring: how good a model's forecasts were, judged as points and as distributions
// (docs/calibration.md has the definitions). One score object serves every backtest.
//
//   mae, mae_ci         mean absolute error of the point forecasts, 95 % interval clustered by
//                       scenario (DEU: proposal)
//   within              share of issues with absolute error ≤ each threshold
//   crps                mean continuous ranked probability score of the forecast distributions
//   coverage            share of outcomes inside the closed central 50 / 80 / 90 % intervals
//                       [Q((1 − c)/2), Q((1 + c)/2)] (closed, because outcomes often sit exactly on
//                       0, 50, 100 or an actor's position, where the distributions have atoms)
//   pit                 histogram (10 equal bins) of the randomised PIT, u from a fixed seed
//   vs_compromise       the paired difference of absolute errors to a reference model
//                       (compromise), mean and clustered 95 % interval
//   out_of_sample       neither the model nor its error was fitted on any issue it scores
#ifndef STATECRAFT_ANALYSIS_SCORING_H_
#define STATECRAFT_ANALYSIS_SCORING_H_

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "statecraft/analysis/forecast_distribution.h"

namespace statecraft {

inline constexpr int kPitBins = 10;
// The central intervals whose coverage is scored, in percent.
inline constexpr int kCoverageLevels[] = {50, 80, 90};

// One scored issue: where it belongs, what happened and what was forecast.
struct ScoredForecast {
  int cluster = 0;  // the scenario (DEU: the proposal)
  double known = 0.0;
  double point = 0.0;
  ForecastDistribution distribution;
};

struct PairedDifference {
  double mean = 0.0;  // mean of |e_model| − |e_reference|
  double low = 0.0;   // clustered 95 % interval; NaN with fewer than two clusters
  double high = 0.0;
};

struct DistributionScore {
  int issue_count = 0;
  double mean_absolute_error = 0.0;
  double interval_low = 0.0;  // clustered 95 % interval of the MAE; NaN for one cluster
  double interval_high = 0.0;
  std::map<int, double> share_within;  // threshold → share with absolute error ≤ threshold
  double crps = 0.0;
  std::map<int, double> coverage;  // level in percent → share of outcomes inside
  std::vector<double> pit;         // kPitBins shares
  std::optional<PairedDifference> vs_reference;
  bool out_of_sample = true;
  std::vector<double> absolute_errors;  // per issue, in the order scored
};

// Scores the forecasts. The PIT's u for the k-th forecast comes from a fixed stream (seed
// kPitSeed), so scores are reproducible.
DistributionScore ScoreForecasts(const std::vector<ScoredForecast>& forecasts,
                                 const std::vector<int>& thresholds = {5, 10, 20});

// The paired difference of two models' absolute errors on the same issues (same order).
PairedDifference CompareErrors(const std::vector<double>& errors,
                               const std::vector<double>& reference_errors,
                               const std::vector<int>& clusters);

inline constexpr std::uint64_t kPitSeed = 20240613;

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_SCORING_H_
