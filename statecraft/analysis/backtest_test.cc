#include "statecraft/analysis/backtest.h"

#include <gtest/gtest.h>

#include <cmath>

namespace statecraft {
namespace {

TEST(ClusteredMeanInterval, SingletonClustersGiveTheUsualStandardError) {
  const std::vector<double> values = {1, 2, 3, 4};
  double mean = 0, low = 0, high = 0;
  ClusteredMeanInterval(values, {0, 1, 2, 3}, &mean, &low, &high);
  EXPECT_DOUBLE_EQ(mean, 2.5);
  // Σ(v − mean)² = 5; G/(G−1)·5/N² = 4/3·5/16; the half width is 1.96 times its root.
  const double half_width = 1.959963984540054 * std::sqrt(4.0 / 3.0 * 5.0 / 16.0);
  EXPECT_NEAR(high - mean, half_width, 1e-12);
  EXPECT_NEAR(mean - low, half_width, 1e-12);
}

TEST(ClusteredMeanInterval, CorrelatedClustersWiden) {
  const std::vector<double> values = {1, 1, 4, 4};
  double mean = 0, independent_low = 0, independent_high = 0, low = 0, high = 0;
  ClusteredMeanInterval(values, {0, 1, 2, 3}, &mean, &independent_low, &independent_high);
  ClusteredMeanInterval(values, {0, 0, 1, 1}, &mean, &low, &high);
  EXPECT_GT(high - low, independent_high - independent_low);
}

TEST(ClusteredMeanInterval, OneClusterHasNoInterval) {
  double mean = 0, low = 0, high = 0;
  ClusteredMeanInterval({1, 2, 6}, {0, 0, 0}, &mean, &low, &high);
  EXPECT_DOUBLE_EQ(mean, 3.0);
  EXPECT_TRUE(std::isnan(low));
  EXPECT_TRUE(std::isnan(high));
}

TEST(Backtest, ScoresOnlyIssuesWithOutcomeAndEnoughActors) {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}, {"C", "", Estimate(1.0)}};
  scenario.issues.resize(2);
  scenario.issues[0].name = "scored";
  scenario.issues[0].known_outcome = Estimate(40.0);
  scenario.issues[1].name = "unscored";
  scenario.issues[1].known_outcome = Estimate(40.0);
  scenario.ResizeStakes();
  for (int actor = 0; actor < 3; ++actor) {
    scenario.SetStake(actor, 0, {Estimate(actor * 30.0), Estimate(1.0), std::nullopt, ""});
  }
  scenario.SetStake(0, 1, {Estimate(0.0), Estimate(1.0), std::nullopt, ""});
  const BacktestResult result = Backtest({scenario}, {{"mean", "mean", {}}});
  EXPECT_EQ(result.issues_scored, 1);
  ASSERT_EQ(result.models.size(), 1u);
  EXPECT_DOUBLE_EQ(result.models[0].mean_absolute_error, 10.0);  // mean 30 against 40
  EXPECT_DOUBLE_EQ(result.models[0].share_within.at(10), 1.0);
  EXPECT_DOUBLE_EQ(result.models[0].share_within.at(5), 0.0);
}

}  // namespace
}  // namespace statecraft
