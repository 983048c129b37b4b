#include "statecraft/analysis/scoring.h"

#include <cmath>

#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/uncertainty.h"

namespace statecraft {

DistributionScore ScoreForecasts(const std::vector<ScoredForecast>& forecasts,
                                 const std::vector<int>& thresholds) {
  DistributionScore score;
  score.issue_count = static_cast<int>(forecasts.size());
  std::vector<int> clusters;
  for (const ScoredForecast& forecast : forecasts) {
    score.absolute_errors.push_back(std::abs(forecast.point - forecast.known));
    clusters.push_back(forecast.cluster);
  }
  ClusteredMeanInterval(score.absolute_errors, clusters, &score.mean_absolute_error,
                        &score.interval_low, &score.interval_high);
  const double count = std::max<double>(1.0, static_cast<double>(forecasts.size()));
  for (int threshold : thresholds) {
    int within = 0;
    for (double error : score.absolute_errors) within += error <= threshold + 1e-9 ? 1 : 0;
    score.share_within[threshold] = within / count;
  }
  std::map<int, int> covered;
  std::vector<int> pit_counts(kPitBins, 0);
  double crps = 0.0;
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    const ScoredForecast& forecast = forecasts[k];
    const ForecastDistribution& distribution = forecast.distribution;
    crps += distribution.Crps(forecast.known);
    for (int level : kCoverageLevels) {
      const double tail = (1.0 - level / 100.0) / 2.0;
      const double low = distribution.Quantile(tail);
      const double high = distribution.Quantile(1.0 - tail);
      covered[level] += forecast.known >= low && forecast.known <= high ? 1 : 0;
    }
    DrawRandom random(DrawSeed(kPitSeed, k, 0));
    const double pit = distribution.RandomizedPit(forecast.known, random.Uniform());
    const int bin = std::min(kPitBins - 1, static_cast<int>(pit * kPitBins));
    ++pit_counts[bin];
  }
  for (int level : kCoverageLevels) score.coverage[level] = covered[level] / count;
  for (int bin : pit_counts) score.pit.push_back(bin / count);
  score.crps = forecasts.empty() ? 0.0 : crps / count;
  return score;
}

PairedDifference CompareErrors(const std::vector<double>& errors,
                               const std::vector<double>& reference_errors,
                               const std::vector<int>& clusters) {
  std::vector<double> differences(errors.size());
  for (std::size_t k = 0; k < errors.size(); ++k) {
    differences[k] = errors[k] - reference_errors[k];
  }
  PairedDifference difference;
  ClusteredMeanInterval(differences, clusters, &difference.mean, &difference.low, &difference.high);
  return difference;
}

}  // namespace statecraft
