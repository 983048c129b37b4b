#include "statecraft/analysis/gallery_backtest.h"

#include <gtest/gtest.h>

#include <cmath>

#include "statecraft/analysis/student_t.h"

namespace statecraft {
namespace {

// Two-sided 95 % critical values of Student's t (any statistics table).
TEST(StudentT, QuantilesMatchTheTables) {
  EXPECT_NEAR(StudentTQuantile(0.975, 1), 12.7062047, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 2), 4.3026527, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 3), 3.1824463, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 4), 2.7764451, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 10), 2.2281389, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 30), 2.0422725, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.95, 5), 2.0150484, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 100000), 1.959984, 1e-5);  // the normal limit
}

TEST(StudentT, CentralProbabilityIsTheQuantilesInverse) {
  for (int degrees = 1; degrees <= 12; ++degrees) {
    EXPECT_NEAR(StudentTCentralProbability(StudentTQuantile(0.9, degrees), degrees), 0.8, 1e-12);
  }
  EXPECT_DOUBLE_EQ(StudentTCentralProbability(0.0, 3), 0.0);
}

TEST(TMeanInterval, UsesStudentsTOnTheCases) {
  double mean = 0, low = 0, high = 0;
  TMeanInterval({1, 2, 3}, &mean, &low, &high);
  EXPECT_DOUBLE_EQ(mean, 2.0);
  // Standard deviation 1, standard error 1/√3, t(0.975, 2) = 4.3027.
  EXPECT_NEAR(high - mean, 4.3026527 / std::sqrt(3.0), 1e-6);
  EXPECT_NEAR(mean - low, 4.3026527 / std::sqrt(3.0), 1e-6);
  TMeanInterval({5}, &mean, &low, &high);
  EXPECT_DOUBLE_EQ(mean, 5.0);
  EXPECT_TRUE(std::isnan(low));
  EXPECT_TRUE(std::isnan(high));
}

// Three actors at 0, 30 and 60 (equal weights, so the mean is 30) on one issue of scale `scale`.
Scenario OneIssue(double scale_high, std::optional<double> known) {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}, {"C", "", Estimate(1.0)}};
  scenario.issues.resize(1);
  scenario.issues[0].name = "x";
  scenario.issues[0].scale_high = scale_high;
  if (known) scenario.issues[0].known_outcome = Estimate(*known);
  scenario.ResizeStakes();
  for (int actor = 0; actor < 3; ++actor) {
    scenario.SetStake(actor, 0, {Estimate(actor * 30.0), Estimate(1.0), std::nullopt, ""});
  }
  return scenario;
}

TEST(BacktestGallery, ErrorsAreSharesOfTheRangeAndACaseCountsOnce) {
  // Case "two files": errors 10 of 100 (10 %) and 10 of 200 (5 %): the case's error is 7.5 %.
  // Case "one file": error 20 of 100 (20 %). Case "no outcome" is left out.
  const std::vector<GalleryCase> cases = {
      {"two files", {"a", "b"}, {OneIssue(100, 40.0), OneIssue(200, 40.0)}},
      {"one file", {"c"}, {OneIssue(100, 50.0)}},
      {"no outcome", {"d"}, {OneIssue(100, std::nullopt)}},
  };
  BacktestOptions options;
  options.min_actors = 1;
  const GalleryBacktestResult result = BacktestGallery(cases, {{"mean", "mean", {}}}, options);
  EXPECT_EQ(result.cases, 2);
  EXPECT_EQ(result.issues_scored, 3);
  ASSERT_EQ(result.models.size(), 1u);
  const GalleryModelScore& score = result.models[0];
  ASSERT_EQ(score.cases.size(), 2u);
  EXPECT_EQ(score.cases[0].name, "two files");
  ASSERT_EQ(score.cases[0].issues.size(), 2u);
  EXPECT_DOUBLE_EQ(score.cases[0].issues[0].error, 10.0);
  EXPECT_DOUBLE_EQ(score.cases[0].issues[1].error_percent, 5.0);
  EXPECT_EQ(score.cases[0].issues[1].scenario, 1);
  EXPECT_DOUBLE_EQ(score.cases[0].error_percent, 7.5);
  EXPECT_DOUBLE_EQ(score.cases[1].error_percent, 20.0);
  // The mean over cases, not over issues (which would be 35 / 3).
  EXPECT_DOUBLE_EQ(score.error_percent, 13.75);
  const double half_width = 12.7062047 * 6.25;  // t(0.975, 1) × (standard deviation 8.84 / √2)
  EXPECT_NEAR(score.interval_high - score.error_percent, half_width, 1e-5);
  // Within 5 %: half of "two files" (its 5 % issue), none of "one file": (1/2 + 0) / 2.
  // Within 10 %: all of "two files", none of "one file"; within 20 %: every issue.
  EXPECT_DOUBLE_EQ(score.share_within.at(5), 0.25);
  EXPECT_DOUBLE_EQ(score.share_within.at(10), 0.5);
  EXPECT_DOUBLE_EQ(score.share_within.at(20), 1.0);
}

}  // namespace
}  // namespace statecraft
