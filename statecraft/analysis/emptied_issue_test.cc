// Levers that take out every actor with a position on an issue: such an issue has no outcome, so
// plans that do it are refused with a message naming the plan, the lever and the issue; optimize
// leaves such combinations out; and every model refuses a scenario with such an issue as an input
// error instead of crashing.
#include <gtest/gtest.h>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

Lever Lever(const std::string& name, EffectType type, std::vector<std::string> actors,
            std::vector<std::string> issues = {}) {
  statecraft::Lever lever;
  lever.name = name;
  Effect effect;
  effect.type = type;
  effect.actors = std::move(actors);
  effect.issues = std::move(issues);
  lever.effects.push_back(effect);
  return lever;
}

// A and B hold positions on x; C holds one on y only.
Scenario TwoIssues() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(2.0)}, {"C", "", Estimate(1.0)}};
  Issue x;
  x.name = "x";
  Issue y;
  y.name = "y";
  scenario.issues = {x, y};
  scenario.ResizeStakes();
  auto stake = [](double position) {
    Stake result;
    result.position = Estimate(position);
    result.salience = Estimate(0.5);
    return result;
  };
  scenario.SetStake(0, 0, stake(10));
  scenario.SetStake(1, 0, stake(90));
  scenario.SetStake(2, 1, stake(40));
  scenario.Validate();
  return scenario;
}

LeverSet Levers() {
  LeverSet set;
  set.levers = {Lever("out_a", EffectType::kRemoveActor, {"A"}),
                Lever("out_b", EffectType::kRemoveActor, {"B"}),
                Lever("out_ab", EffectType::kRemoveActor, {"A", "B"}),
                Lever("push_c", EffectType::kShiftPosition, {"C"}, {"y"})};
  set.levers[3].magnitude = Estimate(5);
  set.levers[3].steps = {5};
  set.counter.budget = 10;
  set.counter.levers = {Lever("cut_b", EffectType::kRemoveActor, {"B"})};
  return set;
}

Plan PlanOf(const std::string& name, std::vector<std::string> levers) {
  Plan plan;
  plan.name = name;
  for (const auto& lever : levers) plan.items.push_back({lever, std::nullopt});
  return plan;
}

ModelChoice Model(const std::string& name) {
  const ModelInfo& info = BuiltinModels().Get(name);
  return {&info, ResolveParams("model", info.params, {})};
}

std::string ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(EmptiedIssueTest, APlanTakingOutEveryActorWithAPositionIsRefusedByName) {
  const Scenario scenario = TwoIssues();
  const LeverSet levers = Levers();
  EXPECT_EQ(ErrorOf([&] { ValidatePlan(scenario, levers, PlanOf("gone", {"out_ab"})); }),
            "plan 'gone': lever 'out_ab' takes out the last actor with a position on issue 'x' "
            "(A by lever 'out_ab', B by lever 'out_ab'); expected every issue to keep at least "
            "one actor with a position");
  // Two levers together: the second one is named, and who took out whom.
  EXPECT_EQ(ErrorOf([&] {
              ValidatePlan(scenario, levers, PlanOf("both", {"out_a", "out_b"}));
            }),
            "plan 'both': lever 'out_b' takes out the last actor with a position on issue 'x' "
            "(A by lever 'out_a', B by lever 'out_b'); expected every issue to keep at least one "
            "actor with a position");
  EXPECT_EQ(ErrorOf([&] { ValidatePlan(scenario, levers, PlanOf("one", {"out_a"})); }), "");
}

TEST(EmptiedIssueTest, TheOpponentsCounterLeversCountToo) {
  const Scenario scenario = TwoIssues();
  const LeverSet levers = Levers();
  const auto counter = ResolvePlan(levers, PlanOf("counter", {"cut_b"}), /*counter=*/true);
  SweepOptions options;
  options.draws = 4;
  const std::string message = ErrorOf([&] {
    RunWhatif(scenario, levers, {PlanOf("one", {"out_a"})}, {Model("compromise")}, options,
              std::nullopt, counter);
  });
  EXPECT_EQ(message,
            "plan 'one' with the counter-levers: lever 'out_a' takes out the last actor with a "
            "position on issue 'x' (B by counter-lever 'cut_b', A by lever 'out_a'); expected "
            "every issue to keep at least one actor with a position");
  // A sweep refuses the same combination, whoever calls it.
  SweepPlan plan = MakeSweepPlan(levers, PlanOf("one", {"out_a"}));
  plan.counter = FixedLevers(levers, counter, /*counter=*/true);
  EXPECT_NE(ErrorOf([&] { RunSweep(scenario, plan, *Model("median").info, {}, options); }), "");
  EXPECT_NE(ErrorOf([&] {
              RunWithLevers(scenario, Model("mean"), counter,
                            ResolvePlan(levers, PlanOf("one", {"out_a"})), 0);
            }),
            "");
}

TEST(EmptiedIssueTest, OptimizeLeavesSuchPlansAndCounterPlansOut) {
  const Scenario scenario = TwoIssues();
  LeverSet levers = Levers();
  OptimizeOptions options;
  options.sweep.draws = 4;
  options.probability = 0.5;
  options.target = ParseTarget(scenario, "x<=60");
  const OptimizeResult result = Optimize(scenario, levers, {Model("compromise")}, options);
  // Of the 16 combinations of the four levers, those with out_ab, or with out_a and out_b, empty
  // issue x: 16 - 8 (out_ab) - 2 (out_a and out_b without out_ab) = 6 remain.
  EXPECT_EQ(result.candidates, 6u);
  // Removing A leaves B at 90; removing B leaves A at 10, which meets the target. The opponent's
  // cut_b then changes nothing (B is gone either way); with out_a it would empty x, and that
  // pair is skipped rather than evaluated.
  ASSERT_TRUE(result.best);
  EXPECT_EQ(DescribeLevers(result.best->levers), "out_b 1");
  EXPECT_DOUBLE_EQ(*result.best->countered_probability, 1.0);
}

TEST(EmptiedIssueTest, EveryModelRefusesAnIssueWithoutPositionsAsAnInputError) {
  Scenario scenario = TwoIssues();
  // What ApplyLever leaves after removing A and B: issue x without any stake.
  ApplyLever(scenario, Levers().levers[2], 1.0);
  ASSERT_EQ(scenario.ActorCount(), 1);
  for (const ModelInfo& info : BuiltinModels().models()) {
    const auto model = info.create(ResolveParams("model", info.params, {}));
    EXPECT_EQ(ErrorOf([&] { model->Run(scenario, 1); }),
              "issue 'x': no actor has a position, expected at least one")
        << info.name;
    EXPECT_EQ(ErrorOf([&] { model->RunOutcome(scenario, 1); }),
              "issue 'x': no actor has a position, expected at least one")
        << info.name;
  }
}

}  // namespace
}  // namespace statecraft
