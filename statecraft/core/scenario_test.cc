#include "statecraft/core/scenario.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

Scenario Small() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(2.0)}, {"B", "", Estimate(1.0)}};
  scenario.issues.resize(1);
  scenario.issues[0].name = "x";
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, {Estimate(10.0), Estimate(0.5), std::nullopt, ""});
  scenario.SetStake(1, 0, {Estimate(20, 30, 40), Estimate(1.0), Estimate(5.0), ""});
  return scenario;
}

std::string ValidationError(const Scenario& scenario) {
  try {
    scenario.Validate();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(Scenario, LookupsAndCapabilityOverride) {
  const Scenario scenario = Small();
  EXPECT_EQ(ValidationError(scenario), "");
  EXPECT_EQ(scenario.ActorIndex("B"), 1);
  EXPECT_EQ(scenario.ActorIndex("C"), -1);
  EXPECT_EQ(scenario.IssueIndex("x"), 0);
  EXPECT_DOUBLE_EQ(scenario.Capability(0, 0), 2.0);
  EXPECT_DOUBLE_EQ(scenario.Capability(1, 0), 5.0);
  EXPECT_DOUBLE_EQ(scenario.Position(1, 0), 30.0);
  EXPECT_TRUE(scenario.StakeOf(1, 0).position.IsRanged());
}

TEST(Scenario, ValidateNamesTheElement) {
  Scenario duplicate = Small();
  duplicate.actors[1].name = "A";
  EXPECT_EQ(ValidationError(duplicate), "scenario: actors[1].name: duplicate actor name 'A'");

  Scenario off_scale = Small();
  off_scale.MutableStake(0, 0).position = Estimate(120.0);
  EXPECT_EQ(ValidationError(off_scale),
            "scenario: stakes[A][x].position: found 120, expected a value within the issue's "
            "scale [0, 100]");

  Scenario salience = Small();
  salience.MutableStake(0, 0).salience = Estimate(1.5);
  EXPECT_NE(ValidationError(salience).find("stakes[A][x].salience: found 1.5"), std::string::npos);

  Scenario unordered = Small();
  unordered.MutableStake(1, 0).position = Estimate(40, 30, 20);
  EXPECT_NE(ValidationError(unordered).find("expected low <= central <= high"), std::string::npos);

  Scenario bad_scale = Small();
  bad_scale.issues[0].scale_low = 100;
  bad_scale.issues[0].scale_high = 0;
  EXPECT_NE(ValidationError(bad_scale).find("issues[0].scale"), std::string::npos);

  Scenario empty;
  EXPECT_EQ(ValidationError(empty), "scenario: actors: found no actors, expected at least one");
}

TEST(Scenario, DecidersNeedStakes) {
  Scenario scenario = Small();
  scenario.issues[0].decision_rule = {DecisionRule::Kind::kDeciders, {0, 1}};
  EXPECT_EQ(ValidationError(scenario), "");
  scenario.stakes[1].reset();
  EXPECT_EQ(ValidationError(scenario),
            "scenario: issues[0].deciders: decider 'B' has no position on this issue");
}

}  // namespace
}  // namespace statecraft
