#include "statecraft/io/levers_format.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

const char* kHead = R"(name: toy
salience_scale: 100
actors:
  - {name: A, capability: 1}
  - {name: B, capability: 1}
issues:
  - {name: p, scale: [0, 100]}
  - {name: q, scale: [0, 100]}
stakes:
  A: {p: {position: 100, salience: 30}, q: {position: 0, salience: 90}}
  B: {p: {position: 0, salience: 60}, q: {position: 100, salience: 20}}
)";

std::string ErrorOf(const std::string& text) {
  try {
    ParseScenarioWithLevers(text, "toy.yaml");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(LeversFormatTest, BuiltinScenarioDeclaresTheFlagshipLevers) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  std::vector<std::string> names;
  for (const Lever& lever : flagship.levers.levers) names.push_back(lever.name);
  EXPECT_EQ(names, std::vector<std::string>({"L1", "L2", "L3", "L4", "L5"}));
  EXPECT_FALSE(flagship.levers.FindLever("L4")->excluded.empty());
  EXPECT_EQ(flagship.levers.counter.owner, "RUS");
  EXPECT_EQ(flagship.levers.counter.levers.size(), 3u);
  EXPECT_GT(flagship.levers.counter.budget, 0);
  ASSERT_NE(flagship.levers.FindPlan("everything"), nullptr);
  // Salience amounts are read on the file's 0-100 scale.
  const Lever& china = *flagship.levers.FindLever("L2");
  EXPECT_DOUBLE_EQ(china.effects[1].amount.value() * china.effects[1].unit, 0.6);
  EXPECT_DOUBLE_EQ(china.effects[0].unit, -1.0);
  for (const Lever& lever : flagship.levers.levers) {
    EXPECT_FALSE(lever.basis.empty()) << lever.name;
  }
}

TEST(LeversFormatTest, ReadsEveryPartOfALever) {
  const std::string text = std::string(kHead) + R"(levers:
  - name: trade
    magnitude: [10, 20, 30]
    steps: [10, 30]
    cost: {fixed: 2, per_unit: 0.5}
    effects:
      - type: deal
        give: {actors: [A], issue: p}
        take: {actors: [B], issue: q, up_to: 50}
  - name: newcomer
    cost: 1
    effects:
      - type: add_actor
        actor: {name: C, capability: 3}
        stakes: {p: {position: 40, salience: 50}}
plans:
  - {name: both, levers: [{trade: 30}, newcomer]}
)";
  const ScenarioWithLevers input = ParseScenarioWithLevers(text, "toy.yaml");
  ASSERT_EQ(input.levers.levers.size(), 2u);
  const Lever& trade = input.levers.levers[0];
  EXPECT_EQ(trade.Steps(), std::vector<double>({10, 30}));
  EXPECT_DOUBLE_EQ(trade.Cost(20), 12);
  EXPECT_EQ(*trade.effects[0].take.up_to, 50);
  EXPECT_DOUBLE_EQ(input.levers.levers[1].effects[0].new_stakes[0].second.salience.central, 0.5);
  const Plan& plan = input.levers.plans[0];
  ASSERT_EQ(plan.items.size(), 2u);
  EXPECT_DOUBLE_EQ(*plan.items[0].magnitude, 30);
  EXPECT_FALSE(plan.items[1].magnitude);
  const Plan parsed = ParsePlanSpec(input.scenario, input.levers, "trade=10+newcomer");
  EXPECT_DOUBLE_EQ(*parsed.items[0].magnitude, 10);
}

TEST(LeversFormatTest, BadLeversAreLocatedErrors) {
  const std::string head = kHead;
  EXPECT_EQ(ErrorOf(head + "levers:\n  - {name: x, effects: [{type: shift_position, actors: [Z], "
                           "issues: [p]}]}\n"),
            "toy.yaml:13:5: levers[0]: lever 'x': unknown actor 'Z'; actors: A, B");
  EXPECT_NE(ErrorOf(head + "levers:\n  - {name: x, effects: [{type: shift_position, actors: [A], "
                           "issues: [r]}]}\n")
                .find("unknown issue 'r'; issues: p, q"),
            std::string::npos);
  EXPECT_NE(ErrorOf(head + "levers:\n  - {name: x, effects: [{type: push, actors: [A]}]}\n")
                .find("expected an effect type: shift_position"),
            std::string::npos);
  EXPECT_NE(ErrorOf(head + "levers:\n  - {name: x, magnitude: [1, 2, 3], steps: [5], effects: "
                           "[{type: shift_position, actors: [A]}]}\n")
                .find("magnitude 5 is outside its declared range [1, 3]"),
            std::string::npos);
  EXPECT_NE(ErrorOf(head + "levers:\n  - {name: x, magnitude: [1, 2, 3], effects: [{type: "
                           "shift_position, actors: [A]}]}\nplans:\n  - {name: p1, levers: [{x: "
                           "9}]}\n")
                .find("toy.yaml:15:5: plans[0]: plan 'p1': lever 'x': magnitude 9 is outside"),
            std::string::npos);
  EXPECT_NE(ErrorOf(head + "levers:\n  - {name: x, effects: [{type: set_position, actors: [A], "
                           "issues: [p], amount: 5}]}\n  - {name: y, effects: [{type: "
                           "set_position, actors: [A], issues: [p], amount: 9}]}\nplans:\n  - "
                           "{name: both, levers: [x, y]}\n")
                .find("levers 'x' and 'y' contradict each other"),
            std::string::npos);
  const ScenarioWithLevers ok = ParseScenarioWithLevers(
      head + "levers:\n  - {name: x, effects: [{type: shift_position, actors: [A]}]}\n",
      "toy.yaml");
  try {
    ParsePlanSpec(ok.scenario, ok.levers, "x+w");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("unknown plan or lever 'w'"), std::string::npos);
  }
}

}  // namespace
}  // namespace statecraft
