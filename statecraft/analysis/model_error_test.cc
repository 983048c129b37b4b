#include "statecraft/analysis/model_error.h"

#include <gtest/gtest.h>

#include <cmath>

#include "statecraft/analysis/forecast_distribution.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/core/error.h"

namespace statecraft {
namespace {

std::shared_ptr<const ModelError> Error(double intercept, double slope, std::vector<double> z) {
  ModelError error;
  error.scale_intercept = intercept;
  error.scale_slope = slope;
  error.standardized = std::move(z);
  return std::make_shared<const ModelError>(error);
}

TEST(ModelError, SpreadIsTheWeightedStandardDeviationAsAShareOfTheRange) {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(3.0)}};
  Issue issue;
  issue.name = "x";
  issue.scale_low = 10;
  issue.scale_high = 30;
  scenario.issues = {issue};
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, {Estimate(10.0), Estimate(1.0), std::nullopt, ""});
  scenario.SetStake(1, 0, {Estimate(30.0), Estimate(1.0), std::nullopt, ""});
  // Weights 1 and 3: mean 25, variance (1·225 + 3·25) / 4 = 75.
  EXPECT_NEAR(ErrorSpread(scenario, 0), std::sqrt(75.0) / 20.0, 1e-15);
  scenario.MutableStake(0, 0).salience = Estimate(0.0);
  scenario.MutableStake(1, 0).salience = Estimate(0.0);
  // Nobody cares: unweighted, mean 20, SD 10.
  EXPECT_NEAR(ErrorSpread(scenario, 0), 0.5, 1e-15);
}

TEST(ModelError, FitLearnsTheScaleFromTheSpreadAndStandardisesTheResiduals) {
  // |y − m| / R = 0.1 + 0.5 x exactly, signs alternating.
  std::vector<Residual> residuals;
  for (int k = 0; k < 40; ++k) {
    const double spread = 0.01 * k;
    const double size = 100.0 * (0.1 + 0.5 * spread);
    residuals.push_back({50.0, k % 2 == 0 ? 50.0 + size : 50.0 - size, 0.0, 100.0, spread});
  }
  const ModelError error = FitModelError(residuals);
  EXPECT_NEAR(error.scale_intercept, 0.1, 1e-12);
  EXPECT_NEAR(error.scale_slope, 0.5, 1e-12);
  ASSERT_EQ(error.standardized.size(), 40u);
  EXPECT_NEAR(error.standardized.front(), -1.0, 1e-12);
  EXPECT_NEAR(error.standardized.back(), 1.0, 1e-12);
  EXPECT_TRUE(std::is_sorted(error.standardized.begin(), error.standardized.end()));
}

TEST(ModelError, FitKeepsTheScalePositiveAndTheSlopeNonNegative) {
  // Exact forecasts everywhere: the scale floor holds, every residual is 0.
  std::vector<Residual> exact(5, {30.0, 30.0, 0.0, 100.0, 0.2});
  const ModelError error = FitModelError(exact);
  EXPECT_GE(error.scale_intercept, 0.01);
  EXPECT_GE(error.scale_slope, 0.0);
  for (double z : error.standardized) EXPECT_EQ(z, 0.0);
  // Errors shrinking with the spread: the slope stays 0.
  std::vector<Residual> shrinking;
  for (int k = 0; k < 10; ++k) shrinking.push_back({50, 50 + 30.0 - 3.0 * k, 0, 100, 0.05 * k});
  EXPECT_EQ(FitModelError(shrinking).scale_slope, 0.0);
  EXPECT_THROW(FitModelError({}), InputError);
}

TEST(ModelError, IssueErrorClampsToTheScaleAndCountsAtoms) {
  // Scale 0-100, spread 0: s = 0.2, so the error's scale is 20; z = -2, -1, 0, 1, 2.
  const IssueError error(Error(0.2, 1.0, {-2, -1, 0, 1, 2}), 0.0, 100.0, 0.0);
  EXPECT_DOUBLE_EQ(error.Scale(), 20.0);
  EXPECT_EQ(error.Atoms(), 5);
  // Around 90: atoms 50, 70, 90, 100 (110 clamped), 100 (130 clamped).
  EXPECT_DOUBLE_EQ(error.Atom(90, 3), 100.0);
  EXPECT_DOUBLE_EQ(error.AtMost(90, 99.9), 0.6);
  EXPECT_DOUBLE_EQ(error.AtMost(90, 100), 1.0);
  EXPECT_DOUBLE_EQ(error.Below(90, 100), 0.6);
  EXPECT_DOUBLE_EQ(error.AtLeast(90, 100), 0.4);  // the mass piled at the end
  EXPECT_DOUBLE_EQ(error.AtMost(90, 70), 0.4);    // closed: 50 and 70
  EXPECT_DOUBLE_EQ(error.Below(90, 70), 0.2);
  // No error: the point itself.
  const IssueError none;
  EXPECT_FALSE(none.HasError());
  EXPECT_EQ(none.AtMost(40, 40), 1.0);
  EXPECT_EQ(none.Below(40, 40), 0.0);
}

TEST(ModelError, CalibrationFindsAModelOrItsFamily) {
  Calibration calibration;
  calibration.models["eum"] = Error(0.1, 0, {0});
  calibration.models["exchange:rounds=10"] = Error(0.2, 0, {0});
  std::string used;
  EXPECT_EQ(calibration.Find("eum:stop=fixed_rounds", &used)->scale_intercept, 0.1);
  EXPECT_EQ(used, "eum");
  EXPECT_EQ(calibration.Find("exchange:rounds=10", &used)->scale_intercept, 0.2);
  EXPECT_EQ(calibration.Find("exchange"), nullptr);
  EXPECT_EQ(calibration.Find("smp"), nullptr);
}

// ---- ForecastDistribution ----------------------------------------------------------------------

// Every atom of a mixture, sorted: the brute-force reference.
std::vector<double> AllAtoms(const std::vector<double>& points, const IssueError& error) {
  std::vector<double> atoms;
  for (double point : points) {
    for (int k = 0; k < error.Atoms(); ++k) atoms.push_back(error.Atom(point, k));
  }
  std::sort(atoms.begin(), atoms.end());
  return atoms;
}

TEST(ForecastDistribution, MatchesBruteForceOnRandomMixtures) {
  for (int trial = 0; trial < 20; ++trial) {
    DrawRandom random(DrawSeed(3, trial, 0));
    std::vector<double> z;
    for (int k = 0; k < 7; ++k) z.push_back(std::round(8 * random.Uniform() - 4));
    std::sort(z.begin(), z.end());
    std::vector<double> points;
    for (int d = 0; d < 5; ++d) points.push_back(std::round(100 * random.Uniform()));
    const IssueError error(Error(0.1, 0.0, z), 0.0, 100.0, 0.0);
    const ForecastDistribution distribution(points, error);
    const std::vector<double> atoms = AllAtoms(points, error);
    const double n = static_cast<double>(atoms.size());
    // Fixed values, every atom (ties between points and residuals) and the doubles beside them.
    std::vector<double> values = {0.0, 5.0, 10.0, 33.0, 50.0, 99.0, 100.0};
    for (double atom : atoms) {
      values.insert(values.end(), {atom, std::nextafter(atom, -1e9), std::nextafter(atom, 1e9)});
    }
    for (double x : values) {
      const double at_most = std::upper_bound(atoms.begin(), atoms.end(), x) - atoms.begin();
      const double below = std::lower_bound(atoms.begin(), atoms.end(), x) - atoms.begin();
      EXPECT_DOUBLE_EQ(distribution.AtMost(x), at_most / n);
      EXPECT_DOUBLE_EQ(distribution.Below(x), below / n);
    }
    for (double p : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) {
      // The generalised inverse: the ceil(p·n)-th smallest atom.
      const std::size_t index = static_cast<std::size_t>(std::ceil(p * n - 1e-12)) - 1;
      EXPECT_EQ(distribution.Quantile(p), atoms[index]) << "p " << p;
    }
    // CRPS = E|X − y| − ½ E|X − X'| for a discrete distribution.
    for (double y : {0.0, 17.0, 50.0, 100.0}) {
      double first = 0.0, second = 0.0;
      for (double a : atoms) {
        first += std::abs(a - y);
        for (double b : atoms) second += std::abs(a - b);
      }
      EXPECT_NEAR(distribution.Crps(y), first / n - 0.5 * second / (n * n), 1e-9);
    }
  }
}

TEST(ForecastDistribution, APointForecastScoresItsAbsoluteError) {
  const ForecastDistribution point({42.0}, IssueError());
  EXPECT_DOUBLE_EQ(point.Crps(50.0), 8.0);
  EXPECT_DOUBLE_EQ(point.Crps(30.0), 12.0);
  EXPECT_DOUBLE_EQ(point.Quantile(0.1), 42.0);
  EXPECT_DOUBLE_EQ(point.Quantile(0.9), 42.0);
}

TEST(ForecastDistribution, RandomizedPitSpreadsAnAtom) {
  // Atoms 0 (twice), 50, 100: F(0−) = 0, F(0) = 0.5.
  const ForecastDistribution distribution(
      {50.0}, IssueError(Error(1.0, 0, {-1, -0.5, 0, 1}), 0.0, 100.0, 0.0));
  EXPECT_DOUBLE_EQ(distribution.RandomizedPit(0.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(distribution.RandomizedPit(0.0, 0.5), 0.25);
  EXPECT_DOUBLE_EQ(distribution.RandomizedPit(100.0, 0.5), 0.875);
}

}  // namespace
}  // namespace statecraft
