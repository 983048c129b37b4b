#include "statecraft/levers/lever.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

// Two issues, three actors: A and B trade; C watches. Issue "p" is decided by A and B.
Scenario TradeScenario(double a_salience_p, double a_salience_q, double b_salience_p,
                       double b_salience_q) {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}, {"C", "", Estimate(2.0)}};
  Issue p;
  p.name = "p";
  Issue q;
  q.name = "q";
  scenario.issues = {p, q};
  scenario.ResizeStakes();
  auto stake = [](double position, double salience) {
    Stake result;
    result.position = Estimate(position);
    result.salience = Estimate(salience);
    return result;
  };
  scenario.SetStake(0, 0, stake(100, a_salience_p));
  scenario.SetStake(0, 1, stake(0, a_salience_q));
  scenario.SetStake(1, 0, stake(0, b_salience_p));
  scenario.SetStake(1, 1, stake(100, b_salience_q));
  scenario.SetStake(2, 0, stake(50, 0.5));
  scenario.issues[0].decision_rule.kind = DecisionRule::Kind::kDeciders;
  scenario.issues[0].decision_rule.deciders = {0, 1};
  scenario.Validate();
  return scenario;
}

Lever SimpleLever(const std::string& name, EffectType type, std::vector<std::string> actors,
                  std::vector<std::string> issues, Estimate magnitude) {
  Lever lever;
  lever.name = name;
  lever.magnitude = magnitude;
  Effect effect;
  effect.type = type;
  effect.actors = std::move(actors);
  effect.issues = std::move(issues);
  lever.effects.push_back(effect);
  return lever;
}

Lever DealLever(double give_up_to, double take_up_to) {
  Lever lever;
  lever.name = "deal";
  lever.magnitude = Estimate(give_up_to);
  Effect effect;
  effect.type = EffectType::kDeal;
  effect.give = {{"A"}, "p", std::nullopt};
  effect.take = {{"B"}, "q", take_up_to};
  lever.effects.push_back(effect);
  return lever;
}

TEST(LeverTest, ShiftPositionMovesTheWholeRangeAndHoldsItToTheScale) {
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  scenario.MutableStake(2, 0).position = Estimate(40, 50, 70);
  const Lever lever = SimpleLever("up", EffectType::kShiftPosition, {"C"}, {"p"}, Estimate(40));
  ValidateLever(scenario, lever);
  ApplyLever(scenario, lever, 40);
  const Estimate& position = scenario.StakeOf(2, 0).position;
  EXPECT_DOUBLE_EQ(position.central, 90);
  EXPECT_DOUBLE_EQ(*position.low, 80);
  EXPECT_DOUBLE_EQ(*position.high, 100);  // 110 held to the scale
}

TEST(LeverTest, SetSalienceMakesAPointAndScaleCapabilityCreatesAnOverride) {
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  scenario.MutableStake(2, 0).salience = Estimate(0.2, 0.5, 0.6);
  ApplyLever(scenario, SimpleLever("s", EffectType::kSetSalience, {"C"}, {"p"}, Estimate(0.9)),
             0.9);
  EXPECT_DOUBLE_EQ(scenario.Salience(2, 0), 0.9);
  EXPECT_FALSE(scenario.StakeOf(2, 0).salience.IsRanged());
  ApplyLever(scenario, SimpleLever("c", EffectType::kScaleCapability, {"C"}, {"p"}, Estimate(3.0)),
             3.0);
  EXPECT_DOUBLE_EQ(scenario.Capability(2, 0), 6.0);
  EXPECT_DOUBLE_EQ(scenario.actors[2].capability.central, 2.0);  // the actor's own is unchanged
  ApplyLever(scenario, SimpleLever("s2", EffectType::kShiftSalience, {"C"}, {"p"}, Estimate(0.5)),
             0.5);
  EXPECT_DOUBLE_EQ(scenario.Salience(2, 0), 1.0);  // held to [0, 1]
}

TEST(LeverTest, AddAndRemoveActorsKeepStakesAndDecidersConsistent) {
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  Lever add;
  add.name = "add";
  Effect effect;
  effect.type = EffectType::kAddActor;
  effect.new_actor = {"D", "", Estimate(4.0)};
  Stake stake;
  stake.position = Estimate(20);
  stake.salience = Estimate(0.7);
  effect.new_stakes = {{"q", stake}};
  add.effects.push_back(effect);
  ValidateLever(scenario, add);
  ApplyLever(scenario, add, add.magnitude.central);
  scenario.Validate();
  ASSERT_EQ(scenario.ActorCount(), 4);
  EXPECT_FALSE(scenario.HasStake(3, 0));
  EXPECT_DOUBLE_EQ(scenario.Position(3, 1), 20);

  ApplyLever(scenario, SimpleLever("remove", EffectType::kRemoveActor, {"A"}, {}, Estimate(1)), 1);
  scenario.Validate();
  ASSERT_EQ(scenario.ActorCount(), 3);
  EXPECT_EQ(scenario.actors[0].name, "B");
  EXPECT_DOUBLE_EQ(scenario.Position(2, 1), 20);  // D moved from index 3 to 2
  EXPECT_EQ(scenario.issues[0].decision_rule.deciders, std::vector<int>({0}));  // B, renumbered
}

TEST(LeverTest, EffectsOnAnActorAnotherLeverRemovedAreSkipped) {
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  ApplyLever(scenario, SimpleLever("remove", EffectType::kRemoveActor, {"C"}, {}, Estimate(1)), 1);
  ApplyLever(scenario, SimpleLever("up", EffectType::kShiftPosition, {"C"}, {"p"}, Estimate(5)), 5);
  ApplyLever(scenario, SimpleLever("c", EffectType::kSetCapability, {"C"}, {}, Estimate(5)), 5);
  EXPECT_EQ(scenario.ActorCount(), 2);
  scenario.Validate();
}

TEST(LeverTest, SetDecisionRuleMakesAnIssueCollective) {
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  Lever lever = SimpleLever("rule", EffectType::kSetDecisionRule, {}, {"p"}, Estimate(1));
  ValidateLever(scenario, lever);
  ApplyLever(scenario, lever, 1);
  EXPECT_EQ(scenario.issues[0].decision_rule.kind, DecisionRule::Kind::kCollective);
  lever.effects[0].rule_kind = DecisionRule::Kind::kDeciders;
  lever.effects[0].deciders = {"C"};
  ApplyLever(scenario, lever, 1);
  EXPECT_EQ(scenario.issues[0].decision_rule.deciders, std::vector<int>({2}));
}

TEST(LeverTest, DealIsStruckAtTheEqualGainRate) {
  // A cares about q (0.9) more than p (0.3); B the reverse: both gain from trading.
  Scenario scenario = TradeScenario(0.3, 0.9, 0.6, 0.2);
  std::vector<DealReport> deals;
  const Lever lever = DealLever(20, 60);
  ValidateLever(scenario, lever);
  ApplyLever(scenario, lever, 20, &deals);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_TRUE(deals[0].struck) << deals[0].reason;
  // rate = (0.3 + 0.6) / (0.9 + 0.2); A gives its cap of 20.
  const double rate = 0.9 / 1.1;
  EXPECT_NEAR(deals[0].give_amount, 20, 1e-12);
  EXPECT_NEAR(deals[0].take_amount, 20 * rate, 1e-12);
  EXPECT_NEAR(scenario.Position(0, 0), 80, 1e-12);
  EXPECT_NEAR(scenario.Position(1, 1), 100 - 20 * rate, 1e-12);
  // Both sides gain: A gains 0.9·Δq − 0.3·Δp > 0, B gains 0.6·Δp − 0.2·Δq > 0.
  EXPECT_GT(0.9 * deals[0].take_amount - 0.3 * deals[0].give_amount, 0);
  EXPECT_GT(0.6 * deals[0].give_amount - 0.2 * deals[0].take_amount, 0);
}

TEST(LeverTest, DealIsLimitedByTheOtherSidesCap) {
  Scenario scenario = TradeScenario(0.3, 0.9, 0.6, 0.2);
  std::vector<DealReport> deals;
  ApplyLever(scenario, DealLever(50, 10), 50, &deals);
  ASSERT_TRUE(deals[0].struck);
  EXPECT_NEAR(deals[0].take_amount, 10, 1e-12);
  EXPECT_NEAR(deals[0].give_amount, 10 * 1.1 / 0.9, 1e-12);
}

TEST(LeverTest, DealIsRefusedWhenTheSaliencesLeaveNoGain) {
  // Both value q relative to p the same way: no exchange improves both.
  Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  std::vector<DealReport> deals;
  ApplyLever(scenario, DealLever(20, 60), 20, &deals);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_FALSE(deals[0].struck);
  EXPECT_NE(deals[0].reason.find("refused"), std::string::npos);
  EXPECT_DOUBLE_EQ(scenario.Position(0, 0), 100);  // nobody moved
  EXPECT_DOUBLE_EQ(scenario.Position(1, 1), 100);
}

TEST(LeverTest, UnknownActorOrIssueIsAnInputError) {
  const Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  try {
    ValidateLever(scenario,
                  SimpleLever("L", EffectType::kShiftPosition, {"ZZ"}, {"p"}, Estimate(1)));
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "lever 'L': unknown actor 'ZZ'; actors: A, B, C");
  }
  EXPECT_THROW(
      ValidateLever(scenario, SimpleLever("L", EffectType::kShiftPosition, {"A"}, {"x"}, 1)),
      InputError);
  // C has no stake on q.
  EXPECT_THROW(
      ValidateLever(scenario, SimpleLever("L", EffectType::kShiftPosition, {"C"}, {"q"}, 1)),
      InputError);
}

TEST(LeverTest, PlanValidationCatchesRangesRepeatsExclusionsAndContradictions) {
  const Scenario scenario = TradeScenario(0.5, 0.5, 0.5, 0.5);
  LeverSet set;
  set.levers.push_back(
      SimpleLever("set_low", EffectType::kSetPosition, {"C"}, {"p"}, Estimate(10, 20, 30)));
  set.levers.push_back(
      SimpleLever("set_high", EffectType::kSetPosition, {"C"}, {"p"}, Estimate(60, 70, 80)));
  set.levers.push_back(
      SimpleLever("shift", EffectType::kShiftPosition, {"C"}, {"p"}, Estimate(5, 10, 15)));
  set.levers.push_back(SimpleLever("remove_c", EffectType::kRemoveActor, {"C"}, {}, Estimate(1)));
  Lever excluded;
  excluded.name = "war";
  excluded.excluded = "not feasible";
  set.levers.push_back(excluded);

  EXPECT_NO_THROW(ValidatePlan(scenario, set, Plan{"ok", "", {{"set_low", 25.0}}}));
  auto message = [&](const Plan& plan) {
    try {
      ValidatePlan(scenario, set, plan);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(Plan{"x", "", {{"set_low", 35.0}}}),
            "plan 'x': lever 'set_low': magnitude 35 is outside its declared range [10, 30]");
  EXPECT_EQ(message(Plan{"x", "", {{"nope", std::nullopt}}}),
            "plan 'x': unknown lever 'nope'; declared: set_low, set_high, shift, remove_c, war");
  EXPECT_EQ(message(Plan{"x", "", {{"shift", std::nullopt}, {"shift", std::nullopt}}}),
            "plan 'x': lever 'shift' appears twice");
  EXPECT_EQ(message(Plan{"x", "", {{"war", std::nullopt}}}),
            "plan 'x': lever 'war' is excluded: not feasible");
  EXPECT_NE(message(Plan{"x", "", {{"set_low", std::nullopt}, {"set_high", std::nullopt}}})
                .find("contradict"),
            std::string::npos);
  EXPECT_NE(message(Plan{"x", "", {{"shift", std::nullopt}, {"set_high", std::nullopt}}})
                .find("contradict"),
            std::string::npos);
  EXPECT_NE(message(Plan{"x", "", {{"shift", std::nullopt}, {"remove_c", std::nullopt}}})
                .find("contradict"),
            std::string::npos);
}

TEST(LeverTest, CostAndStepsFollowTheDeclaration) {
  Lever lever = SimpleLever("L", EffectType::kShiftPosition, {"C"}, {"p"}, Estimate(10, 20, 30));
  lever.fixed_cost = 2;
  lever.cost_per_unit = 0.5;
  EXPECT_DOUBLE_EQ(lever.Cost(20), 12);
  EXPECT_EQ(lever.Steps(), std::vector<double>({10, 20, 30}));
  lever.steps = {15};
  EXPECT_EQ(lever.Steps(), std::vector<double>({15}));
  EXPECT_EQ(DescribeLevers({{&lever, 15}}), "L 15");
  EXPECT_EQ(DescribeLevers({}), "baseline");
}

}  // namespace
}  // namespace statecraft
