#include "statecraft/analysis/statistics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "statecraft/analysis/uncertainty.h"

namespace statecraft {
namespace {

TEST(StatisticsTest, QuantilesAndSpearmanOnKnownData) {
  EXPECT_DOUBLE_EQ(Quantile({1, 2, 3, 4, 5}, 0.5), 3);
  EXPECT_DOUBLE_EQ(Quantile({1, 2, 3, 4}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile({0, 10}, 0.1), 1);
  EXPECT_DOUBLE_EQ(SpearmanCorrelation({1, 2, 3, 4}, {10, 20, 30, 1000}), 1.0);
  EXPECT_DOUBLE_EQ(SpearmanCorrelation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
  EXPECT_DOUBLE_EQ(SpearmanCorrelation({1, 1, 1}, {1, 2, 3}), 0.0);
  // Ties share their average rank: ranks x = 1.5 1.5 3, y = 1 2 3 → rho = 0.866...
  EXPECT_NEAR(SpearmanCorrelation({1, 1, 2}, {1, 2, 3}), std::sqrt(3.0) / 2.0, 1e-12);
}

// Average ranks by the definition: 1 + (values below) + (ties - 1) / 2.
std::vector<double> RanksByCounting(const std::vector<double>& values) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> ranks;
  for (double value : values) {
    const auto low = std::lower_bound(sorted.begin(), sorted.end(), value);
    const auto high = std::upper_bound(sorted.begin(), sorted.end(), value);
    ranks.push_back(1.0 + static_cast<double>(low - sorted.begin()) +
                    0.5 * static_cast<double>(high - low - 1));
  }
  return ranks;
}

TEST(StatisticsTest, SpearmanOnLargeSamplesMatchesRanksByDefinition) {
  // Large enough for the radix sort, with negatives, both zeros, ties and a narrow range.
  DrawRandom random(5);
  std::vector<double> x, y;
  for (int k = 0; k < 6000; ++k) {
    const double u = random.Uniform();
    x.push_back(k % 7 == 0 ? (k % 14 == 0 ? -0.0 : 0.0) : std::round(u * 400.0) / 4.0 - 50.0);
    y.push_back(k % 5 == 0 ? 1e-300 * u : 1000.0 + u);
  }
  // Pearson's r of the ranks, computed the way the library does.
  auto pearson = [](const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double mean_a = std::accumulate(a.begin(), a.end(), 0.0) / n;
    const double mean_b = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      ab += (a[k] - mean_a) * (b[k] - mean_b);
      aa += (a[k] - mean_a) * (a[k] - mean_a);
      bb += (b[k] - mean_b) * (b[k] - mean_b);
    }
    return ab / std::sqrt(aa * bb);
  };
  EXPECT_EQ(SpearmanCorrelation(x, y), pearson(RanksByCounting(x), RanksByCounting(y)));
  EXPECT_EQ(SpearmanCorrelation(y, x), pearson(RanksByCounting(y), RanksByCounting(x)));
}

}  // namespace
}  // namespace statecraft
