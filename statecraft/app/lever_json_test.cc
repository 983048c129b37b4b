// How large a model's own error is, as the lever analyses' JSON gives it (lever_json.h).
#include "statecraft/app/lever_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "statecraft/analysis/model_error.h"

namespace statecraft::app {
namespace {

// Two actors at 10 and 30 on an issue of scale [10, 30] (range 20), equal weights: spread 0.5.
Scenario TwoActors() {
  Scenario scenario;
  scenario.name = "two actors";
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}};
  Issue issue;
  issue.name = "x";
  issue.scale_low = 10;
  issue.scale_high = 30;
  scenario.issues = {issue};
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, {Estimate(10.0), Estimate(1.0), std::nullopt, ""});
  scenario.SetStake(1, 0, {Estimate(30.0), Estimate(1.0), std::nullopt, ""});
  return scenario;
}

TEST(ModelErrorSize, IsTheCentralEightyPercentAndTheMeanMissInTheIssuesPoints) {
  Calibration calibration;
  calibration.source = "test residuals";
  calibration.scenarios = {"another"};
  ModelError error;
  error.scale_intercept = 0.1;
  error.scale_slope = 0.2;
  // Ten residuals: the 10 % quantile is the first (F = 0.1), the 90 % quantile the ninth.
  error.standardized = {-3.0, -2.0, -1.0, -0.5, 0.0, 0.0, 0.5, 1.0, 2.0, 4.0};
  calibration.models["eum"] = std::make_shared<const ModelError>(error);
  const Scenario scenario = TwoActors();
  ASSERT_NEAR(ErrorSpread(scenario, 0), 0.5, 1e-15);
  // R · s(x) = 20 · (0.1 + 0.2 · 0.5) = 4.
  const Json size = ModelErrorSizeJson(&calibration, "eum:rounds=10", scenario);
  ASSERT_FALSE(size.is_null());
  EXPECT_EQ(size["entry"], "eum");  // the family's entry
  EXPECT_EQ(size["fitted_on_scenario"], false);
  EXPECT_NEAR(size["issues"]["x"]["half_width_80"].get<double>(), 4.0 * (2.0 - -3.0) / 2, 1e-12);
  EXPECT_NEAR(size["issues"]["x"]["mean_absolute_error"].get<double>(), 4.0 * 14.0 / 10, 1e-12);

  calibration.scenarios.push_back("two actors");
  EXPECT_EQ(ModelErrorSizeJson(&calibration, "eum", scenario)["fitted_on_scenario"], true);
  EXPECT_TRUE(ModelErrorSizeJson(&calibration, "smp", scenario).is_null());
  EXPECT_TRUE(ModelErrorSizeJson(nullptr, "eum", scenario).is_null());
}

}  // namespace
}  // namespace statecraft::app
