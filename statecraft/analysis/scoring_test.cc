#include "statecraft/analysis/scoring.h"

#include <gtest/gtest.h>

#include <cmath>

#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/calibration.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/core/folds.h"

namespace statecraft {
namespace {

std::shared_ptr<const ModelError> Error(std::vector<double> z) {
  ModelError error;
  error.scale_intercept = 0.1;
  error.standardized = std::move(z);
  return std::make_shared<const ModelError>(error);
}

TEST(Scoring, CoverageUsesClosedIntervals) {
  // Atoms 30, 40, 50, 60, 70 around 50 (z = -2..2, scale 10): the central 50 % interval is
  // [Q(0.25), Q(0.75)] = [40, 60], closed, so outcomes of exactly 40 and 60 are inside it; the
  // 80 % one is [30, 70].
  const IssueError error(Error({-2, -1, 0, 1, 2}), 0.0, 100.0, 0.0);
  std::vector<ScoredForecast> forecasts;
  for (double known : {40.0, 60.0, 39.9, 60.1}) {
    forecasts.push_back({0, known, 50.0, ForecastDistribution({50.0}, error)});
  }
  const DistributionScore score = ScoreForecasts(forecasts);
  EXPECT_DOUBLE_EQ(score.coverage.at(50), 0.5);
  EXPECT_DOUBLE_EQ(score.coverage.at(80), 1.0);
  EXPECT_DOUBLE_EQ(score.coverage.at(90), 1.0);
  EXPECT_DOUBLE_EQ(score.mean_absolute_error, (10 + 10 + 10.1 + 10.1) / 4.0);
  EXPECT_TRUE(std::isnan(score.interval_low));  // one cluster
  ASSERT_EQ(score.pit.size(), 10u);
  double total = 0.0;
  for (double share : score.pit) total += share;
  EXPECT_NEAR(total, 1.0, 1e-12);
}

// Outcomes drawn from the forecast distribution itself: coverage near nominal, PIT near flat,
// even with heavy atoms (the randomised PIT).
TEST(Scoring, CalibratedForecastsCoverAndHaveAFlatPit) {
  const std::vector<double> z = {-3, -1, -1, 0, 0, 0, 0.5, 1, 2, 4};
  const IssueError error(Error(z), 0.0, 100.0, 0.0);
  std::vector<ScoredForecast> forecasts;
  for (int k = 0; k < 4000; ++k) {
    DrawRandom random(DrawSeed(11, k, 0));
    const double point = 100.0 * random.Uniform();
    const int pick = static_cast<int>(random.Uniform() * z.size());
    forecasts.push_back({k, error.Atom(point, pick), point, ForecastDistribution({point}, error)});
  }
  const DistributionScore score = ScoreForecasts(forecasts);
  // Closed intervals over atoms cover at least the nominal share.
  EXPECT_GE(score.coverage.at(50), 0.48);
  EXPECT_GE(score.coverage.at(80), 0.78);
  for (double share : score.pit) EXPECT_NEAR(share, 0.1, 0.02);
  EXPECT_LT(score.crps, score.mean_absolute_error);
}

TEST(Scoring, PairedDifferenceIsClusteredByScenario) {
  const PairedDifference difference = CompareErrors({1, 2, 3, 4}, {2, 2, 2, 2}, {0, 0, 1, 1});
  EXPECT_DOUBLE_EQ(difference.mean, 0.5);
  EXPECT_LT(difference.low, 0.5);
  EXPECT_GT(difference.high, 0.5);
}

TEST(Folds, DependOnNamesNotOrderAndAreBalanced) {
  std::vector<Scenario> scenarios(23);
  for (std::size_t k = 0; k < scenarios.size(); ++k) scenarios[k].name = "p" + std::to_string(k);
  const std::vector<int> folds = AssignFolds(scenarios, 10);
  std::vector<Scenario> reversed(scenarios.rbegin(), scenarios.rend());
  const std::vector<int> reversed_folds = AssignFolds(reversed, 10);
  std::vector<int> sizes(10, 0);
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    EXPECT_EQ(folds[k], reversed_folds[scenarios.size() - 1 - k]);
    ++sizes[folds[k]];
  }
  for (int size : sizes) EXPECT_TRUE(size == 2 || size == 3);
}

// Ten proposals of three issues each, with outcomes at the capability-weighted mean plus noise.
std::vector<Scenario> Proposals() {
  std::vector<Scenario> scenarios;
  for (int s = 0; s < 10; ++s) {
    Scenario scenario;
    scenario.name = "proposal" + std::to_string(s);
    scenario.actors = {
        {"A", "", Estimate(1.0)}, {"B", "", Estimate(2.0)}, {"C", "", Estimate(1.0)}};
    for (int i = 0; i < 3; ++i) {
      Issue issue;
      issue.name = "issue" + std::to_string(i);
      scenario.issues.push_back(issue);
    }
    scenario.ResizeStakes();
    for (int i = 0; i < 3; ++i) {
      DrawRandom random(DrawSeed(5, s * 3 + i, 0));
      for (int a = 0; a < 3; ++a) {
        scenario.SetStake(
            a, i, {Estimate(std::round(100 * random.Uniform())), Estimate(1.0), std::nullopt, ""});
      }
      scenario.issues[i].known_outcome = Estimate(std::round(100 * random.Uniform()));
    }
    scenario.Validate();
    scenarios.push_back(std::move(scenario));
  }
  return scenarios;
}

TEST(Backtest, CrossValidatedErrorsAreOutOfSampleAndAddToThePoint) {
  const std::vector<Scenario> scenarios = Proposals();
  BacktestOptions options;
  options.folds = 5;
  const BacktestResult result = Backtest(scenarios, {{"mean", "mean", {}}}, options);
  ASSERT_EQ(result.models.size(), 1u);
  const ModelScore& score = result.models[0];
  EXPECT_EQ(score.issue_count, 30);
  EXPECT_TRUE(score.out_of_sample);
  EXPECT_LT(score.crps, score.mean_absolute_error);
  ASSERT_TRUE(score.vs_reference.has_value());  // against the compromise
  // Without model error the forecast is a point: CRPS is the absolute error.
  options.error_source = ErrorSource::kNone;
  const BacktestResult points = Backtest(scenarios, {{"mean", "mean", {}}}, options);
  EXPECT_DOUBLE_EQ(points.models[0].crps, points.models[0].mean_absolute_error);
  EXPECT_DOUBLE_EQ(points.models[0].mean_absolute_error, score.mean_absolute_error);
}

TEST(Backtest, ACalibrationFittedOnTheScoredScenariosIsNotOutOfSample) {
  const std::vector<Scenario> scenarios = Proposals();
  CalibrateOptions calibrate;
  calibrate.folds = 5;
  const Calibration calibration = Calibrate(scenarios, {{"mean", "mean", {}}}, calibrate);
  EXPECT_EQ(calibration.scenarios.size(), 10u);
  BacktestOptions options;
  options.error_source = ErrorSource::kCalibration;
  options.calibration = &calibration;
  EXPECT_FALSE(Backtest(scenarios, {{"mean", "mean", {}}}, options).models[0].out_of_sample);
  // Fitted on the first five, scored on the last five: out of sample.
  const std::vector<Scenario> first(scenarios.begin(), scenarios.begin() + 5);
  const std::vector<Scenario> last(scenarios.begin() + 5, scenarios.end());
  const Calibration earlier = Calibrate(first, {{"mean", "mean", {}}}, calibrate);
  options.calibration = &earlier;
  EXPECT_TRUE(Backtest(last, {{"mean", "mean", {}}}, options).models[0].out_of_sample);
  // The same with a training file.
  BacktestOptions trained;
  trained.training = &first;
  trained.folds = 5;
  EXPECT_TRUE(Backtest(last, {{"mean", "mean", {}}}, trained).models[0].out_of_sample);
  trained.training = &scenarios;
  EXPECT_FALSE(Backtest(last, {{"mean", "mean", {}}}, trained).models[0].out_of_sample);
}

TEST(SweepError, TargetProbabilityIsTheMeanOfPerDrawProbabilities) {
  SweepResult result;
  result.draws = 4;
  result.issue_count = 1;
  result.outcomes = {10, 20, 30, 40};
  result.unconstrained = result.outcomes;
  Target target;
  target.value = 25;
  const IssueError error(Error({-1, 0, 1}), 0.0, 100.0, 0.0);  // ±10
  // P(Y ≤ 25): 10 → 1, 20 → 2/3 (10, 20), 30 → 1/3 (20), 40 → 0.
  EXPECT_DOUBLE_EQ(TargetProbability(result, target, error), (1 + 2.0 / 3 + 1.0 / 3 + 0) / 4);
  EXPECT_DOUBLE_EQ(TargetProbability(result, target, IssueError()), 0.5);
  target.at_most = false;
  EXPECT_DOUBLE_EQ(TargetProbability(result, target, error), (0 + 1.0 / 3 + 2.0 / 3 + 1) / 4);
  const Quantiles quantiles = SummarizeIssue(result, 0, error);
  EXPECT_DOUBLE_EQ(quantiles.median, 20.0);  // 12 atoms; the 6th smallest
  EXPECT_DOUBLE_EQ(quantiles.mean, 25.0);
}

}  // namespace
}  // namespace statecraft
