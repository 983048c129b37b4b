#include "statecraft/models/choice/choice.h"

#include <gtest/gtest.h>

#include <cmath>

#include "statecraft/analysis/run.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/core/error.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

Stake MakeStake(double position, double salience) {
  Stake stake;
  stake.position = Estimate(position);
  stake.salience = Estimate(salience);
  return stake;
}

// Four actors on one issue: A (capability 3) at 20, B and C at 60, D at 100; reference point 20.
Scenario FourActors(double low = 0.0, double high = 100.0) {
  Scenario scenario;
  scenario.name = "four";
  scenario.actors = {{"A", "", Estimate(3.0)},
                     {"B", "", Estimate(1.0)},
                     {"C", "", Estimate(1.0)},
                     {"D", "", Estimate(1.0)}};
  Issue issue;
  issue.name = "issue";
  issue.scale_low = low;
  issue.scale_high = high;
  auto map = [&](double x) { return low + (high - low) * x / 100.0; };
  issue.reference_point = Estimate(map(20));
  scenario.issues = {issue};
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, MakeStake(map(20), 0.5));
  scenario.SetStake(1, 0, MakeStake(map(60), 0.5));
  scenario.SetStake(2, 0, MakeStake(map(60), 1.0));
  scenario.SetStake(3, 0, MakeStake(map(100), 0.5));
  scenario.Validate();
  return scenario;
}

TEST(ChoiceTest, CandidatesAreThePositionsTheScaleAndTheReferencePoint) {
  const ChoiceCandidates made = MakeChoiceCandidates(FourActors(), 0);
  // Weights c·s: A 1.5, B 0.5, C 1.0, D 0.5 (total 3.5); mean (30 + 30 + 60 + 50) / 3.5.
  EXPECT_NEAR(made.weighted_mean, 170.0 / 3.5, 1e-12);
  ASSERT_EQ(made.values, (std::vector<double>{0, 20, 50, 60, 100}));
  const auto& at20 = made.features[1];
  EXPECT_EQ(at20[kChoiceHeld], 1.0);
  EXPECT_NEAR(at20[kChoiceShare], 1.5 / 3.5, 1e-12);
  EXPECT_NEAR(at20[kChoiceImbalance], 2.0 / 3.5, 1e-12);  // below 0, above 2.0
  EXPECT_EQ(at20[kChoiceReferencePoint], 1.0);
  EXPECT_EQ(at20[kChoiceScaleEnd], 0.0);
  const auto& at60 = made.features[3];
  EXPECT_NEAR(at60[kChoiceImbalance], 1.0 / 3.5, 1e-12);  // below 1.5, above 0.5
  EXPECT_EQ(made.features[0][kChoiceScaleEnd], 1.0);
  EXPECT_EQ(made.features[0][kChoiceHeld], 0.0);
  EXPECT_EQ(made.features[2][kChoiceMidpoint], 1.0);
  const double sd = std::sqrt((1.5 * std::pow(20 - made.weighted_mean, 2) +
                               1.5 * std::pow(60 - made.weighted_mean, 2) +
                               0.5 * std::pow(100 - made.weighted_mean, 2)) /
                              3.5);
  EXPECT_NEAR(at60[kChoiceDistance], std::abs(60 - made.weighted_mean) / (sd + 5.0), 1e-12);
}

TEST(ChoiceTest, TheForecastIsTheMedianWithTheCompromiseAtomMixedIn) {
  ChoiceCandidates made;
  made.values = {0, 40, 100};
  made.weighted_mean = 55;
  made.features.resize(3);
  const std::vector<double> probabilities = {0.2, 0.29, 0.51};
  EXPECT_EQ(ChoiceForecast(made, probabilities, 0.0), 100);
  // With α = 0.1: 0 carries 0.18, 40 0.261 (0.441 so far), 55 0.1 → 0.541: the median is 55.
  EXPECT_EQ(ChoiceForecast(made, probabilities, 0.1), 55);
  // The atom sits on a candidate: merged with it.
  made.weighted_mean = 40;
  EXPECT_EQ(ChoiceForecast(made, probabilities, 0.1), 40);
}

// Synthetic decisions drawn from a known choice model: the fit recovers its coefficients.
TEST(ChoiceTest, FitRecoversTheCoefficientsOfSyntheticDecisions) {
  ChoiceCoefficients truth;
  truth.beta[kChoiceDistance] = -2.0;
  truth.beta[kChoiceShare] = 3.0;
  truth.beta[kChoiceHeld] = 0.5;
  std::vector<Scenario> training;
  for (int s = 0; s < 400; ++s) {
    DrawRandom random(DrawSeed(7, s, 0));
    Scenario scenario;
    scenario.name = "synthetic" + std::to_string(s);
    for (int a = 0; a < 6; ++a) {
      scenario.actors.push_back(
          {"A" + std::to_string(a), "", Estimate(1.0 + 4 * random.Uniform())});
    }
    Issue issue;
    issue.name = "issue";
    scenario.issues = {issue};
    scenario.ResizeStakes();
    for (int a = 0; a < 6; ++a) {
      scenario.SetStake(
          a, 0, MakeStake(std::round(10 * random.Uniform()) * 10, 0.2 + 0.8 * random.Uniform()));
    }
    const ChoiceCandidates made = MakeChoiceCandidates(scenario, 0);
    const std::vector<double> probability = ChoiceProbabilities(made, truth);
    double u = random.Uniform();
    std::size_t pick = 0;
    while (pick + 1 < probability.size() && u >= probability[pick]) u -= probability[pick++];
    scenario.issues[0].known_outcome = Estimate(made.values[pick]);
    scenario.Validate();
    training.push_back(std::move(scenario));
  }
  const ChoiceCoefficients fitted = FitChoice(training, ChoiceIngredients::kPositions);
  EXPECT_NEAR(fitted.beta[kChoiceDistance], -2.0, 0.5);
  EXPECT_NEAR(fitted.beta[kChoiceShare], 3.0, 1.5);
  EXPECT_EQ(fitted.beta[kChoiceMidpoint], 0.0);  // not an ingredient of kPositions
  EXPECT_EQ(fitted.compromise_weight, 0.0);
  // Deterministic: the same data, the same numbers.
  const ChoiceCoefficients again = FitChoice(training, ChoiceIngredients::kPositions);
  EXPECT_EQ(fitted.beta, again.beta);
}

TEST(ChoiceTest, ForecastIsScaleInvariant) {
  const ModelInfo& info = BuiltinModels().Get("choice");
  const ParamAssignments params = {{"distance", "-1.7"}, {"share", "2.1"},
                                   {"held", "0.4"},      {"imbalance", "-1.2"},
                                   {"midpoint", "0.3"},  {"compromise_weight", "0.1"}};
  const Forecast base = RunModel(info, FourActors(), params, 0);
  const Forecast mapped = RunModel(info, FourActors(-3.0, 7.0), params, 0);
  EXPECT_NEAR(-3.0 + 0.1 * base.outcome[0], mapped.outcome[0], 1e-9 * 10);
}

TEST(ChoiceTest, FitWithoutKnownOutcomesIsAnInputError) {
  Scenario scenario = FourActors();
  EXPECT_THROW(FitChoice({scenario}, ChoiceIngredients::kAuto), InputError);
}

}  // namespace
}  // namespace statecraft
