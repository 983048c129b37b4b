#include "statecraft/io/levers_writer.h"

#include <gtest/gtest.h>

#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/native_format.h"

namespace statecraft {
namespace {

// Saliences on 0–1 here, so that writing (on 0–100) has to rescale every salience amount.
const char* kEveryEffect = R"(name: every effect
salience_scale: 1
actors:
  - {name: A, capability: 2}
  - {name: B, capability: [1, 1.5, 2]}
  - {name: C, capability: 1}
issues:
  - {name: p, scale: [0, 100], deciders: [A, B]}
  - {name: q, scale: [-1, 1]}
stakes:
  A: {p: {position: 100, salience: 0.3}, q: {position: -1, salience: 0.9}}
  B: {p: {position: 0, salience: [0.5, 0.6, 0.7]}, q: {position: 1, salience: 0.2}}
  C: {p: {position: 40, salience: 0.07, source: "analyst"}}
levers:
  - name: push
    description: "push C toward A"
    basis: "a note"
    unit: "points"
    magnitude: [5, 10, 20]
    steps: [5, 20]
    cost: {fixed: 1.5, per_unit: 0.25}
    effects:
      - {type: shift_position, actors: [C], issues: [p]}
      - {type: shift_salience, actors: [C], issues: [p], factor: -0.01}
      - {type: set_salience, actors: [A], issues: [q], amount: 0.35}
  - name: weigh
    magnitude: [0.5, 1, 2]
    cost: 3
    effects:
      - {type: scale_salience, actors: [B], issues: [q]}
      - {type: scale_capability, actors: [A]}
      - {type: shift_capability, actors: [B], issues: [p], amount: 0.5}
      - {type: set_capability, actors: [C], amount: 4}
      - {type: set_position, actors: [B], issues: [q], amount: 0.25}
  - name: newcomer
    magnitude: [1, 2, 3]
    effects:
      - type: add_actor
        actor: {name: D, description: "a new actor", capability: 2}
        stakes: {p: {position: 70, salience: [0.2, 0.25, 0.3]}, q: {position: 0.5, salience: 0.11}}
  - name: reshape
    effects:
      - {type: remove_actor, actors: [C]}
      - {type: set_decision_rule, issues: [p], rule: collective}
  - name: deciders
    effects:
      - {type: set_decision_rule, issues: [q], deciders: [A]}
  - name: swap
    magnitude: [10, 20, 30]
    effects:
      - type: deal
        give: {actors: [A], issue: p, up_to: 15}
        take: {actors: [B], issue: q}
  - name: ruled_out
    excluded: "not an option"
plans:
  - {name: both, description: "push and weigh", levers: [push, {weigh: 2}]}
  - {name: one, levers: [swap]}
counter_levers:
  owner: B
  budget: 4
  description: "B answers"
  levers:
    - {name: answer, magnitude: [0, 0.1, 0.2], cost: 1, effects: [{type: shift_salience, actors: [B], issues: [p]}]}
)";

void ExpectSameLevers(const std::vector<Lever>& expected, const std::vector<Lever>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Lever& want = expected[k];
    const Lever& got = actual[k];
    EXPECT_EQ(want.name, got.name);
    EXPECT_EQ(want.description, got.description);
    EXPECT_EQ(want.basis, got.basis);
    EXPECT_EQ(want.unit, got.unit);
    EXPECT_EQ(want.excluded, got.excluded);
    EXPECT_EQ(want.Steps(), got.Steps());
    EXPECT_EQ(want.fixed_cost, got.fixed_cost);
    EXPECT_EQ(want.cost_per_unit, got.cost_per_unit);
    ASSERT_EQ(want.effects.size(), got.effects.size()) << want.name;
    for (std::size_t e = 0; e < want.effects.size(); ++e) {
      EXPECT_EQ(want.effects[e].type, got.effects[e].type);
      EXPECT_EQ(want.effects[e].unit, got.effects[e].unit) << want.name << " effect " << e;
      EXPECT_EQ(want.effects[e].amount, got.effects[e].amount) << want.name << " effect " << e;
    }
  }
}

// Applying every lever at every step gives the same scenario from the original and from the
// written file.
void ExpectSameEffects(const ScenarioWithLevers& original, const ScenarioWithLevers& again) {
  for (std::size_t k = 0; k < original.levers.levers.size(); ++k) {
    const Lever& lever = original.levers.levers[k];
    if (!lever.excluded.empty()) continue;
    for (double magnitude : lever.Steps()) {
      Scenario from_original = original.scenario;
      Scenario from_again = again.scenario;
      ApplyLever(from_original, lever, magnitude);
      ApplyLever(from_again, again.levers.levers[k], magnitude);
      EXPECT_EQ(DocumentJson(ScenarioDocument(from_original)),
                DocumentJson(ScenarioDocument(from_again)))
          << lever.name << " at " << magnitude;
    }
  }
}

TEST(LeversWriter, EveryEffectReadsBackTheSame) {
  const ScenarioWithLevers original = ParseScenarioWithLevers(kEveryEffect, "every.yaml");
  for (bool yaml : {true, false}) {
    const std::string written =
        yaml ? WriteScenarioWithLeversYaml(original) : WriteScenarioWithLeversJson(original);
    const ScenarioWithLevers again =
        ParseScenarioWithLevers(written, yaml ? "again.yaml" : "again.json");
    ExpectSameLevers(original.levers.levers, again.levers.levers);
    ExpectSameLevers(original.levers.counter.levers, again.levers.counter.levers);
    EXPECT_EQ(again.levers.counter.owner, "B");
    EXPECT_EQ(again.levers.counter.budget, 4);
    EXPECT_EQ(again.levers.counter.description, "B answers");
    ASSERT_EQ(again.levers.plans.size(), 2u);
    EXPECT_EQ(again.levers.plans[0].description, "push and weigh");
    ASSERT_EQ(again.levers.plans[0].items.size(), 2u);
    EXPECT_FALSE(again.levers.plans[0].items[0].magnitude.has_value());
    EXPECT_EQ(again.levers.plans[0].items[1].magnitude, 2.0);
    ExpectSameEffects(original, again);
    // Writing what was read back gives the same text: nothing drifts on a second round trip.
    EXPECT_EQ(yaml ? WriteScenarioWithLeversYaml(again) : WriteScenarioWithLeversJson(again),
              written);
  }
}

TEST(LeversWriter, SaliencesAreWrittenOnZeroToHundred) {
  const ScenarioWithLevers original = ParseScenarioWithLevers(kEveryEffect, "every.yaml");
  const Json document = ScenarioWithLeversDocument(original);
  EXPECT_EQ(document["salience_scale"], 100);
  EXPECT_EQ(document["stakes"]["C"]["p"]["salience"], 7.0);
  EXPECT_EQ(document["stakes"]["B"]["p"]["salience"], Json({50.0, 60.0, 70.0}));
  EXPECT_EQ(document["levers"][0]["effects"][1]["factor"], -1.0);
  EXPECT_EQ(document["levers"][0]["effects"][2]["amount"], 0.35);
  EXPECT_EQ(document["levers"][0]["effects"][2]["factor"], 100.0);
}

TEST(LeversWriter, TheBuiltInScenarioKeepsItsLevers) {
  const ScenarioWithLevers original = BuiltinScenarioWithLevers();
  ASSERT_FALSE(original.levers.levers.empty());
  const std::string yaml = WriteScenarioWithLeversYaml(original);
  const ScenarioWithLevers again = ParseScenarioWithLevers(yaml, "again.yaml");
  ExpectSameLevers(original.levers.levers, again.levers.levers);
  ExpectSameLevers(original.levers.counter.levers, again.levers.counter.levers);
  EXPECT_EQ(again.levers.plans.size(), original.levers.plans.size());
  ExpectSameEffects(original, again);
  EXPECT_EQ(WriteScenarioWithLeversYaml(again), yaml);
  EXPECT_EQ(WriteScenarioWithLeversJson(again), WriteScenarioWithLeversJson(original));
}

TEST(LeversWriter, AScenarioWithoutLeversIsWrittenAsBefore) {
  const ScenarioWithLevers original = ParseScenarioWithLevers(
      "actors: [{name: A}]\nissues: [{name: p, scale: [0, 1]}]\n"
      "stakes: {A: {p: {position: 0.5, salience: 1}}}\n",
      "plain.yaml");
  EXPECT_EQ(WriteScenarioWithLeversYaml(original), WriteScenarioYaml(original.scenario));
  EXPECT_EQ(WriteScenarioWithLeversJson(original), WriteScenarioJson(original.scenario));
}

}  // namespace
}  // namespace statecraft
