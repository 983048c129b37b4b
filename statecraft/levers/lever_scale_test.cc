// Scale invariance of every lever type: mapping one issue by x ↦ a·x + b (a > 0), together with
// every lever parameter given in that issue's units, maps the lever's result in the same way
// (within 1e-9 of the issue's range), and leaves the other issues as they were.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "statecraft/levers/lever.h"

namespace statecraft {
namespace {

Stake MakeStake(Estimate position, Estimate salience) {
  Stake stake;
  stake.position = position;
  stake.salience = salience;
  return stake;
}

// Three issues on 0-100, four actors with ranged positions; issue "p" decided by A and B.
Scenario BaseScenario() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)},
                     {"B", "", Estimate(2.0)},
                     {"C", "", Estimate(0.5, 1.5, 3.0)},
                     {"D", "", Estimate(1.0)}};
  for (const char* name : {"p", "q", "r"}) {
    Issue issue;
    issue.name = name;
    issue.reference_point = Estimate(30);
    issue.known_outcome = Estimate(20, 40, 60);
    scenario.issues.push_back(issue);
  }
  scenario.ResizeStakes();
  scenario.SetStake(0, 0, MakeStake(Estimate(80, 90, 100), Estimate(0.3)));
  scenario.SetStake(0, 1, MakeStake(Estimate(10), Estimate(0.8)));
  scenario.SetStake(0, 2, MakeStake(Estimate(55), Estimate(0.5)));
  scenario.SetStake(1, 0, MakeStake(Estimate(5), Estimate(0.9)));
  scenario.SetStake(1, 1, MakeStake(Estimate(70, 85, 95), Estimate(0.2)));
  scenario.SetStake(1, 2, MakeStake(Estimate(20), Estimate(0.4)));
  scenario.SetStake(2, 0, MakeStake(Estimate(40, 50, 65), Estimate(0.6)));
  scenario.SetStake(2, 1, MakeStake(Estimate(35), Estimate(0.1, 0.3, 0.5)));
  scenario.SetStake(3, 0, MakeStake(Estimate(25), Estimate(0.7)));
  scenario.SetStake(3, 2, MakeStake(Estimate(75), Estimate(0.6)));
  scenario.issues[0].decision_rule.kind = DecisionRule::Kind::kDeciders;
  scenario.issues[0].decision_rule.deciders = {0, 1};
  scenario.Validate();
  return scenario;
}

struct Mapping {
  int issue = 0;
  double a = 1.0;
  double b = 0.0;
  double Apply(double x) const { return a * x + b; }
};

void MapEstimate(Estimate& estimate, const Mapping& map) {
  estimate.central = map.Apply(estimate.central);
  if (estimate.low) estimate.low = map.Apply(*estimate.low);
  if (estimate.high) estimate.high = map.Apply(*estimate.high);
}

Scenario MapScenario(Scenario scenario, const Mapping& map) {
  Issue& issue = scenario.issues[map.issue];
  issue.scale_low = map.Apply(issue.scale_low);
  issue.scale_high = map.Apply(issue.scale_high);
  if (issue.reference_point) MapEstimate(*issue.reference_point, map);
  if (issue.known_outcome) MapEstimate(*issue.known_outcome, map);
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    if (scenario.HasStake(actor, map.issue)) {
      MapEstimate(scenario.MutableStake(actor, map.issue).position, map);
    }
  }
  return scenario;
}

// A lever whose parameters are in issue units is declared with the issue it is measured on.
struct LeverCase {
  Lever lever;
  double magnitude = 0.0;
  // The issue whose units the lever's magnitude is in (-1: the magnitude has no issue units).
  int magnitude_issue = -1;
};

Lever MakeLever(const std::string& name, Estimate magnitude, std::vector<Effect> effects) {
  Lever lever;
  lever.name = name;
  lever.magnitude = magnitude;
  lever.effects = std::move(effects);
  return lever;
}

Effect MakeEffect(EffectType type, std::vector<std::string> actors,
                  std::vector<std::string> issues) {
  Effect effect;
  effect.type = type;
  effect.actors = std::move(actors);
  effect.issues = std::move(issues);
  return effect;
}

Effect MakeDeal(std::vector<std::string> give, const std::string& give_issue,
                std::optional<double> give_up_to, std::vector<std::string> take,
                const std::string& take_issue, std::optional<double> take_up_to) {
  Effect effect;
  effect.type = EffectType::kDeal;
  effect.give = {std::move(give), give_issue, give_up_to};
  effect.take = {std::move(take), take_issue, take_up_to};
  return effect;
}

// One lever of every type (the deal in several forms: caps binding on either side, the
// magnitude capping one or both sides, a refused deal), each with the issue of its magnitude.
std::vector<LeverCase> EveryLeverType() {
  std::vector<LeverCase> cases;
  Effect down = MakeEffect(EffectType::kShiftPosition, {"C"}, {"p"});
  down.unit = -1.0;
  cases.push_back({MakeLever("shift", Estimate(10, 20, 30), {down}), 25, 0});
  cases.push_back({MakeLever("shift_far", Estimate(60),
                             {MakeEffect(EffectType::kShiftPosition, {"A", "C"}, {"p"})}),
                   60, 0});
  Effect fixed_shift = MakeEffect(EffectType::kShiftPosition, {"B"}, {"q"});
  fixed_shift.amount = -12.5;
  Lever shift_amount = MakeLever("shift_amount", Estimate(1), {fixed_shift});
  cases.push_back({shift_amount, 1, -1});
  cases.push_back(
      {MakeLever("set", Estimate(0, 35, 100), {MakeEffect(EffectType::kSetPosition, {"D"}, {"r"})}),
       42, 2});
  cases.push_back({MakeLever("salience", Estimate(0.2),
                             {MakeEffect(EffectType::kShiftSalience, {"A", "B"}, {"p", "q"})}),
                   0.2, -1});
  cases.push_back({MakeLever("scale_salience", Estimate(1.5),
                             {MakeEffect(EffectType::kScaleSalience, {"C"}, {})}),
                   1.5, -1});
  cases.push_back({MakeLever("set_salience", Estimate(0.9),
                             {MakeEffect(EffectType::kSetSalience, {"D"}, {"r"})}),
                   0.9, -1});
  cases.push_back(
      {MakeLever("capability", Estimate(2), {MakeEffect(EffectType::kShiftCapability, {"A"}, {})}),
       2, -1});
  cases.push_back({MakeLever("scale_capability", Estimate(3),
                             {MakeEffect(EffectType::kScaleCapability, {"B"}, {"q"})}),
                   3, -1});
  cases.push_back({MakeLever("set_capability", Estimate(5),
                             {MakeEffect(EffectType::kSetCapability, {"C"}, {"p"})}),
                   5, -1});
  Effect add = MakeEffect(EffectType::kAddActor, {}, {});
  add.new_actor = {"E", "", Estimate(2.0)};
  add.new_stakes = {{"p", MakeStake(Estimate(60, 70, 80), Estimate(0.5))},
                    {"q", MakeStake(Estimate(15), Estimate(0.4))}};
  cases.push_back({MakeLever("add", Estimate(1, 2, 4), {add}), 3, -1});
  cases.push_back(
      {MakeLever("remove", Estimate(1), {MakeEffect(EffectType::kRemoveActor, {"A"}, {})}), 1, -1});
  Effect rule = MakeEffect(EffectType::kSetDecisionRule, {}, {"q"});
  rule.rule_kind = DecisionRule::Kind::kDeciders;
  rule.deciders = {"B", "C"};
  cases.push_back({MakeLever("rule", Estimate(1), {rule}), 1, -1});
  // Deals between A and B on p (A gives) and q (B gives): A cares about q, B about p.
  cases.push_back({MakeLever("deal_magnitude_caps_a", Estimate(10, 20, 40),
                             {MakeDeal({"A"}, "p", std::nullopt, {"B"}, "q", 60)}),
                   20, 0});
  cases.push_back({MakeLever("deal_b_cap_binds", Estimate(50),
                             {MakeDeal({"A"}, "p", std::nullopt, {"B"}, "q", 8)}),
                   50, 0});
  cases.push_back({MakeLever("deal_magnitude_caps_both", Estimate(15),
                             {MakeDeal({"A"}, "p", std::nullopt, {"B"}, "q", std::nullopt)}),
                   15, 0});
  cases.push_back(
      {MakeLever("deal_distance_binds", Estimate(1), {MakeDeal({"A"}, "p", 200, {"B"}, "q", 300)}),
       1, -1});
  cases.push_back({MakeLever("deal_refused", Estimate(20),
                             {MakeDeal({"B"}, "q", std::nullopt, {"A"}, "p", 30)}),
                   20, 1});
  cases.push_back({MakeLever("deal_groups", Estimate(25),
                             {MakeDeal({"A", "C"}, "p", std::nullopt, {"B"}, "q", 40)}),
                   25, 0});
  return cases;
}

// The lever with every parameter in the mapped issue's units mapped: shifts and caps scale by
// a, set positions and added stakes map by a·x + b.
LeverCase MapLever(LeverCase lever_case, const Mapping& map) {
  const std::string issue_name = BaseScenario().issues[map.issue].name;
  Lever& lever = lever_case.lever;
  const bool magnitude_mapped = lever_case.magnitude_issue == map.issue;
  for (Effect& effect : lever.effects) {
    const bool on_issue =
        effect.issues.empty() ||
        std::find(effect.issues.begin(), effect.issues.end(), issue_name) != effect.issues.end();
    switch (effect.type) {
      case EffectType::kShiftPosition:
        if (on_issue && effect.amount) effect.amount = *effect.amount * map.a;
        break;
      case EffectType::kSetPosition:
        if (on_issue && effect.amount) effect.amount = map.Apply(*effect.amount);
        break;
      case EffectType::kAddActor:
        for (auto& [name, stake] : effect.new_stakes) {
          if (name == issue_name) MapEstimate(stake.position, map);
        }
        break;
      case EffectType::kDeal:
        for (DealSide* side : {&effect.give, &effect.take}) {
          if (side->issue == issue_name && side->up_to) side->up_to = *side->up_to * map.a;
        }
        break;
      default:
        break;
    }
  }
  if (magnitude_mapped) {
    const bool sets = lever.effects.front().type == EffectType::kSetPosition;
    auto map_value = [&](double value) { return sets ? map.Apply(value) : value * map.a; };
    lever.magnitude = Estimate(map_value(lever.magnitude.Low()), map_value(lever.magnitude.central),
                               map_value(lever.magnitude.High()));
    lever_case.magnitude = map_value(lever_case.magnitude);
  }
  return lever_case;
}

void ExpectEstimateNear(const Estimate& expected, const Estimate& actual, double tolerance,
                        const std::string& where) {
  EXPECT_NEAR(expected.central, actual.central, tolerance) << where;
  EXPECT_EQ(expected.low.has_value(), actual.low.has_value()) << where;
  EXPECT_NEAR(expected.Low(), actual.Low(), tolerance) << where;
  EXPECT_NEAR(expected.High(), actual.High(), tolerance) << where;
}

void ExpectScenariosNear(const Scenario& expected, const Scenario& actual, const Mapping& map,
                         const std::string& where) {
  ASSERT_EQ(expected.ActorCount(), actual.ActorCount()) << where;
  ASSERT_EQ(expected.IssueCount(), actual.IssueCount()) << where;
  for (int issue = 0; issue < expected.IssueCount(); ++issue) {
    const Issue& want = expected.issues[issue];
    const Issue& got = actual.issues[issue];
    const double range = want.scale_high - want.scale_low;
    const double tolerance = 1e-9 * range;
    EXPECT_NEAR(want.scale_low, got.scale_low, tolerance) << where;
    EXPECT_NEAR(want.scale_high, got.scale_high, tolerance) << where;
    EXPECT_EQ(want.decision_rule.kind, got.decision_rule.kind) << where;
    EXPECT_EQ(want.decision_rule.deciders, got.decision_rule.deciders) << where;
    for (int actor = 0; actor < expected.ActorCount(); ++actor) {
      const std::string at = where + ", actor " + expected.actors[actor].name + ", issue " +
                             want.name + (issue == map.issue ? " (mapped)" : "");
      ASSERT_EQ(expected.HasStake(actor, issue), actual.HasStake(actor, issue)) << at;
      if (!expected.HasStake(actor, issue)) continue;
      const Stake& a = expected.StakeOf(actor, issue);
      const Stake& b = actual.StakeOf(actor, issue);
      ExpectEstimateNear(a.position, b.position, tolerance, at + " position");
      ExpectEstimateNear(a.salience, b.salience, 1e-12, at + " salience");
      EXPECT_EQ(a.capability.has_value(), b.capability.has_value()) << at;
      if (a.capability && b.capability) {
        ExpectEstimateNear(*a.capability, *b.capability, 1e-12, at + " capability");
      }
    }
  }
  for (int actor = 0; actor < expected.ActorCount(); ++actor) {
    EXPECT_EQ(expected.actors[actor].name, actual.actors[actor].name) << where;
    ExpectEstimateNear(expected.actors[actor].capability, actual.actors[actor].capability, 1e-12,
                       where + " capability of " + expected.actors[actor].name);
  }
}

TEST(LeverScaleTest, EveryLeverTypeCommutesWithAnAffineMapOfAnIssue) {
  const std::vector<Mapping> mappings = {{0, 0.1, 0.0},    {0, 2.5, -40.0}, {1, 0.01, 1000.0},
                                         {1, 7.0, 3.0},    {2, 0.37, 12.5}, {0, 1e-3, -5.0},
                                         {1, 1000.0, 0.0}, {2, 1.0, 0.0}};
  int deals_struck = 0;
  for (const LeverCase& lever_case : EveryLeverType()) {
    for (const Mapping& map : mappings) {
      const std::string where = "lever '" + lever_case.lever.name + "', issue " +
                                std::to_string(map.issue) + " mapped by " + std::to_string(map.a) +
                                " x + " + std::to_string(map.b);
      Scenario original = BaseScenario();
      ValidateLever(original, lever_case.lever);
      std::vector<DealReport> original_deals;
      ApplyLever(original, lever_case.lever, lever_case.magnitude, &original_deals);

      const LeverCase mapped_case = MapLever(lever_case, map);
      Scenario mapped = MapScenario(BaseScenario(), map);
      mapped.Validate();
      ValidateLever(mapped, mapped_case.lever);
      std::vector<DealReport> mapped_deals;
      ApplyLever(mapped, mapped_case.lever, mapped_case.magnitude, &mapped_deals);

      ExpectScenariosNear(MapScenario(original, map), mapped, map, where);
      ASSERT_EQ(original_deals.size(), mapped_deals.size()) << where;
      for (std::size_t k = 0; k < original_deals.size(); ++k) {
        const DealReport& want = original_deals[k];
        const DealReport& got = mapped_deals[k];
        EXPECT_EQ(want.struck, got.struck) << where;
        deals_struck += want.struck ? 1 : 0;
        const Effect& deal = lever_case.lever.effects.front();
        const double give_factor =
            deal.give.issue == BaseScenario().issues[map.issue].name ? map.a : 1.0;
        const double take_factor =
            deal.take.issue == BaseScenario().issues[map.issue].name ? map.a : 1.0;
        EXPECT_NEAR(want.give_amount * give_factor, got.give_amount, 1e-9 * 100 * give_factor)
            << where;
        EXPECT_NEAR(want.take_amount * take_factor, got.take_amount, 1e-9 * 100 * take_factor)
            << where;
      }
    }
  }
  // The deals above are struck in most cases, so the invariance is not that of doing nothing.
  EXPECT_GT(deals_struck, 30);
}

// The same deal with issue q on 0-10 instead of 0-100 moves B a tenth as far in scale units.
TEST(LeverScaleTest, DealOnATenPointScaleMovesTheSameShareOfTheRange) {
  const Lever lever = MakeLever("deal", Estimate(20),
                                {MakeDeal({"A"}, "p", std::nullopt, {"B"}, "q", std::nullopt)});
  Scenario hundred = BaseScenario();
  std::vector<DealReport> on_hundred;
  ApplyLever(hundred, lever, 20, &on_hundred);
  Scenario ten = MapScenario(BaseScenario(), {1, 0.1, 0.0});
  std::vector<DealReport> on_ten;
  ApplyLever(ten, lever, 20, &on_ten);
  ASSERT_TRUE(on_hundred.front().struck);
  ASSERT_TRUE(on_ten.front().struck);
  EXPECT_NEAR(on_hundred.front().give_amount, on_ten.front().give_amount, 1e-12);
  EXPECT_NEAR(on_hundred.front().take_amount / 10, on_ten.front().take_amount, 1e-12);
}

// On 0-100 scales the deal is the published one: A (salience p 0.3, q 0.8) gives up to 20 on p,
// B (p 0.9, q 0.2) up to 60 on q, at the equal-gain rate (0.3 + 0.9) / (0.8 + 0.2) = 1.2.
TEST(LeverScaleTest, DealOnHundredPointScalesIsUnchanged) {
  const Lever lever =
      MakeLever("deal", Estimate(20), {MakeDeal({"A"}, "p", std::nullopt, {"B"}, "q", 60)});
  Scenario scenario = BaseScenario();
  std::vector<DealReport> deals;
  ApplyLever(scenario, lever, 20, &deals);
  ASSERT_TRUE(deals.front().struck);
  EXPECT_DOUBLE_EQ(deals.front().give_amount, 20.0);
  EXPECT_DOUBLE_EQ(deals.front().take_amount, 24.0);
}

}  // namespace
}  // namespace statecraft
