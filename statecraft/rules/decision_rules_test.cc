#include "statecraft/rules/decision_rules.h"

#include <gtest/gtest.h>

namespace statecraft {
namespace {

TEST(DecisionRules, DecidersHoldTheOutcomeToTheirInterval) {
  Scenario scenario;
  scenario.actors = {
      {"Buyer", "", Estimate(1.0)}, {"Seller", "", Estimate(1.0)}, {"Outsider", "", Estimate(5.0)}};
  scenario.issues.resize(2);
  scenario.issues[0].name = "sale";
  scenario.issues[0].decision_rule = {DecisionRule::Kind::kDeciders, {0, 1}};
  scenario.issues[1].name = "open";
  scenario.ResizeStakes();
  Forecast forecast;
  // Final positions: Buyer 70/10, Seller 90/20, Outsider 0/30.
  forecast.rounds.push_back({{70, 10, 90, 20, 0, 30}, {30, 5}, {}});
  forecast.outcome = {30, 5};
  const std::vector<double> ruled = ApplyDecisionRules(scenario, forecast);
  EXPECT_DOUBLE_EQ(ruled[0], 70.0);  // pulled up to the nearer decider
  EXPECT_DOUBLE_EQ(ruled[1], 5.0);   // collective: unchanged
  forecast.outcome = {80, 5};
  EXPECT_DOUBLE_EQ(ApplyDecisionRules(scenario, forecast)[0], 80.0);  // inside: unchanged
}

}  // namespace
}  // namespace statecraft
