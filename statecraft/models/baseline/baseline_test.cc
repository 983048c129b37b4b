#include "statecraft/models/baseline/baseline.h"

#include <gtest/gtest.h>

#include <cmath>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

// Three actors on one 0–100 issue; the third has no stake on the second issue.
Scenario ThreeActors() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(2.0)}, {"C", "", Estimate(1.0)}};
  scenario.issues.resize(2);
  scenario.issues[0].name = "first";
  scenario.issues[1].name = "second";
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, {Estimate(0.0), Estimate(1.0), std::nullopt});
  scenario.SetStake(1, 0, {Estimate(60.0), Estimate(0.5), std::nullopt});
  scenario.SetStake(2, 0, {Estimate(100.0), Estimate(0.5), std::nullopt});
  scenario.SetStake(0, 1, {Estimate(10.0), Estimate(1.0), std::nullopt});
  scenario.SetStake(1, 1, {Estimate(20.0), Estimate(1.0), Estimate(3.0)});
  scenario.Validate();
  return scenario;
}

double Outcome(const std::string& model, const Scenario& scenario, int issue,
               const ParamAssignments& params = {}) {
  const Forecast forecast = RunModel(BuiltinModels().Get(model), scenario, params, 0);
  return forecast.outcome[issue];
}

TEST(WeightedMedian, OddCountIsMiddleValue) {
  EXPECT_DOUBLE_EQ(WeightedMedian({3, 1, 2}, {1, 1, 1}), 2.0);
}

TEST(WeightedMedian, EvenCountIsMidpointOfMiddleValues) {
  EXPECT_DOUBLE_EQ(WeightedMedian({4, 1, 3, 2}, {1, 1, 1, 1}), 2.5);
}

TEST(WeightedMedian, HeavyActorDecides) {
  EXPECT_DOUBLE_EQ(WeightedMedian({0, 50, 100}, {1, 5, 1}), 50.0);
  EXPECT_DOUBLE_EQ(WeightedMedian({0, 50, 100}, {10, 1, 1}), 0.0);
}

TEST(WeightedMedian, ZeroWeightsFallBackToPlainMedian) {
  EXPECT_DOUBLE_EQ(WeightedMedian({0, 50, 100}, {0, 0, 0}), 50.0);
}

TEST(BaselineModels, MeanAndMedian) {
  const Scenario scenario = ThreeActors();
  EXPECT_NEAR(Outcome("mean", scenario, 0), 160.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(Outcome("median", scenario, 0), 60.0);
  EXPECT_DOUBLE_EQ(Outcome("mean", scenario, 1), 15.0);  // C is absent on the second issue
}

TEST(BaselineModels, CompromiseWeighsCapabilityTimesSalience) {
  const Scenario scenario = ThreeActors();
  // weights 1·1, 2·0.5, 1·0.5 → (0 + 60 + 50) / 2.5
  EXPECT_NEAR(Outcome("compromise", scenario, 0), 44.0, 1e-12);
  // B's capability is overridden to 3 on the second issue: (10·1 + 20·3) / 4
  EXPECT_NEAR(Outcome("compromise", scenario, 1), 17.5, 1e-12);
}

TEST(BaselineModels, WeightedMedianIsTheMedianVoter) {
  const Scenario scenario = ThreeActors();
  // weights 1, 1, 0.5 of 2.5: cumulative 1 then 2 passes half at B.
  EXPECT_DOUBLE_EQ(Outcome("weighted_median", scenario, 0), 60.0);
}

TEST(BaselineModels, MeanWeightsParameter) {
  const Scenario scenario = ThreeActors();
  // (0·1 + 60·0.5 + 100·0.5) / 2
  EXPECT_NEAR(Outcome("mean", scenario, 0, {{"weights", "salience"}}), 40.0, 1e-12);
  EXPECT_THROW(Outcome("mean", scenario, 0, {{"weights", "votes"}}), InputError);
  EXPECT_THROW(Outcome("mean", scenario, 0, {{"wieghts", "none"}}), InputError);
}

TEST(BaselineModels, RoundZeroHoldsTheInput) {
  const Scenario scenario = ThreeActors();
  const Forecast forecast = RunModel(BuiltinModels().Get("mean"), scenario, {}, 0);
  ASSERT_EQ(forecast.rounds.size(), 1u);
  EXPECT_DOUBLE_EQ(forecast.rounds[0].positions[1 * 2 + 0], 60.0);
  EXPECT_TRUE(std::isnan(forecast.rounds[0].positions[2 * 2 + 1]));
}

}  // namespace
}  // namespace statecraft
