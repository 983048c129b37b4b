#include "statecraft/io/native_format.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft {
namespace {

const char* kSmall = R"(
name: Small
salience_scale: 100
actors:
  - {name: A, capability: [1, 2, 3]}
  - {name: B}
issues:
  - name: x
    scale: [-10, 10]
    anchors: {-10: low end, 10: high end}
    reference_point: 0
    known_outcome: {low: -2, central: 1, high: 3, source: coded}
    deciders: [A, B]
stakes:
  A: {x: {position: -5, salience: 40, source: "why A"}}
  B: {x: {position: [2, 4, 6], salience: 100, capability: 7}}
)";

TEST(NativeFormat, ReadsEveryField) {
  const Scenario scenario = ParseNativeScenario(kSmall, "small.yaml");
  ASSERT_EQ(scenario.ActorCount(), 2);
  EXPECT_EQ(scenario.name, "Small");
  EXPECT_DOUBLE_EQ(scenario.actors[0].capability.central, 2.0);
  EXPECT_DOUBLE_EQ(*scenario.actors[0].capability.low, 1.0);
  const Issue& issue = scenario.issues[0];
  EXPECT_DOUBLE_EQ(issue.scale_low, -10);
  ASSERT_EQ(issue.anchors.size(), 2u);
  EXPECT_EQ(issue.anchors[0].meaning, "low end");
  EXPECT_EQ(issue.known_outcome->source, "coded");
  EXPECT_EQ(issue.decision_rule.kind, DecisionRule::Kind::kDeciders);
  EXPECT_EQ(issue.decision_rule.deciders, (std::vector<int>{0, 1}));
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.4);
  EXPECT_EQ(scenario.StakeOf(0, 0).source, "why A");
  EXPECT_DOUBLE_EQ(scenario.Capability(1, 0), 7.0);
  EXPECT_DOUBLE_EQ(*scenario.StakeOf(1, 0).position.high, 6.0);
}

// Saliences on 0-100 are divided by 100, so "70" reads as the double nearest 0.7 (what "0.7"
// reads as, and what KTAB's percent saliences become), not 70 * 0.01.
TEST(NativeFormat, PercentSaliencesReadAsTheirNearestFraction) {
  const Scenario scenario = ParseNativeScenario(
      "salience_scale: 100\nactors: [{name: A}]\nissues: [{name: x}]\n"
      "stakes: {A: {x: {position: 1, salience: [35, 70, 95]}}}\n",
      "f.yaml");
  const Estimate& salience = scenario.StakeOf(0, 0).salience;
  EXPECT_EQ(salience.central, 0.7);
  EXPECT_EQ(*salience.low, 0.35);
  EXPECT_EQ(*salience.high, 0.95);
}

void ExpectSame(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.ActorCount(), b.ActorCount());
  ASSERT_EQ(a.IssueCount(), b.IssueCount());
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.sources, b.sources);
  for (int actor = 0; actor < a.ActorCount(); ++actor) {
    EXPECT_EQ(a.actors[actor].name, b.actors[actor].name);
    EXPECT_DOUBLE_EQ(a.actors[actor].capability.central, b.actors[actor].capability.central);
    for (int issue = 0; issue < a.IssueCount(); ++issue) {
      ASSERT_EQ(a.HasStake(actor, issue), b.HasStake(actor, issue));
      if (!a.HasStake(actor, issue)) continue;
      const Stake& x = a.StakeOf(actor, issue);
      const Stake& y = b.StakeOf(actor, issue);
      EXPECT_DOUBLE_EQ(x.position.central, y.position.central);
      EXPECT_DOUBLE_EQ(x.position.Low(), y.position.Low());
      EXPECT_DOUBLE_EQ(x.position.High(), y.position.High());
      EXPECT_NEAR(x.salience.central, y.salience.central, 1e-15);
      EXPECT_NEAR(x.salience.Low(), y.salience.Low(), 1e-15);
      EXPECT_EQ(x.capability.has_value(), y.capability.has_value());
      EXPECT_EQ(x.source, y.source);
    }
  }
  ASSERT_EQ(a.question.has_value(), b.question.has_value());
  if (a.question) {
    EXPECT_EQ(a.question->text, b.question->text);
    EXPECT_EQ(a.question->target, b.question->target);
    EXPECT_EQ(a.question->probability, b.question->probability);
    EXPECT_EQ(a.question->budget, b.question->budget);
  }
  for (int issue = 0; issue < a.IssueCount(); ++issue) {
    EXPECT_EQ(a.issues[issue].name, b.issues[issue].name);
    EXPECT_EQ(a.issues[issue].anchors.size(), b.issues[issue].anchors.size());
    EXPECT_EQ(a.issues[issue].decision_rule.deciders, b.issues[issue].decision_rule.deciders);
    EXPECT_EQ(a.issues[issue].reference_point.has_value(),
              b.issues[issue].reference_point.has_value());
  }
}

const char* kQuestion = R"(
question: {text: "Can x get down to 5?", target: "x <= 5", probability: 0.9, budget: 4}
actors: [{name: A}, {name: B}]
issues: [{name: x}]
stakes: {A: {x: {position: 10, salience: 0.5}}, B: {x: {position: 0, salience: 0.5}}}
)";

TEST(NativeFormat, ReadsTheQuestion) {
  const Scenario scenario = ParseNativeScenario(kQuestion, "q.yaml");
  ASSERT_TRUE(scenario.question.has_value());
  EXPECT_EQ(scenario.question->text, "Can x get down to 5?");
  EXPECT_EQ(scenario.question->target, "x<=5");  // normalised by the target parser
  EXPECT_EQ(scenario.question->probability, 0.9);
  EXPECT_EQ(scenario.question->budget, 4.0);
  EXPECT_FALSE(ParseNativeScenario(kSmall, "small.yaml").question.has_value());
  // The built-in scenario declares its own question.
  const Scenario builtin = ParseNativeScenario(BuiltinScenarioText(), "builtin.yaml");
  ASSERT_TRUE(builtin.question.has_value());
  EXPECT_EQ(builtin.question->target, "munitions<=25");
  EXPECT_EQ(builtin.question->probability, 0.8);
  EXPECT_FALSE(builtin.question->budget.has_value());
}

TEST(NativeFormat, YamlAndJsonRoundTrip) {
  for (const std::string& text :
       {std::string(kSmall), std::string(kQuestion), BuiltinScenarioText()}) {
    const Scenario original = ParseNativeScenario(text, "input.yaml");
    ExpectSame(original, ParseNativeScenario(WriteScenarioYaml(original), "again.yaml"));
    ExpectSame(original, ParseNativeScenario(WriteScenarioJson(original), "again.json"));
  }
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseNativeScenario(text, "f.yaml");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(NativeFormat, ErrorsNameLineColumnAndKey) {
  EXPECT_EQ(ErrorOf("actors: [{name: A}]\nissues: [{name: x}]\nstakes: {A: {x: {position: "
                    "10, salience: 2}}}\n"),
            "f.yaml:3:42: stakes.A.x.salience: found '2', expected a salience in [0, 1] (write "
            "'salience_scale: 100' at the top of the file for 0-100 saliences)");
  EXPECT_EQ(ErrorOf("actors: [{name: A}]\nissues: [{name: x}]\nstakes: {A: {x: {position: "
                    "10}}}\n"),
            "f.yaml:3:17: stakes.A.x: missing key 'salience'");
  EXPECT_EQ(ErrorOf("actors: [{name: A, power: 2}]\n"),
            "f.yaml:1:20: actors[0]: unknown key 'power', expected one of name, description, "
            "capability");
  const std::string rest =
      "\nactors: [{name: A}]\nissues: [{name: x}]\nstakes: {A: {x: {position: 1, salience: 1}}}\n";
  EXPECT_EQ(ErrorOf("question: {text: q, target: \"y<=2\"}" + rest),
            "f.yaml:1:29: question.target: target \"y<=2\": unknown issue 'y'; issues: x");
  EXPECT_EQ(ErrorOf("question: {text: q, target: \"x<=2\", probability: 0}" + rest),
            "f.yaml:1:50: question.probability: found '0', expected a probability in (0, 1]");
  EXPECT_EQ(ErrorOf("question: {text: q, target: \"x<=2\", budget: -1}" + rest),
            "f.yaml:1:45: question.budget: found '-1', expected a budget >= 0");
  EXPECT_EQ(ErrorOf("question: {target: \"x<=2\"}" + rest),
            "f.yaml:1:11: question: missing key 'text'");
  EXPECT_EQ(ErrorOf("question: {text: q, target: x, odds: 2}" + rest),
            "f.yaml:1:32: question: unknown key 'odds', expected one of text, target, "
            "probability, budget");
  EXPECT_EQ(ErrorOf("actors: [{name: A}\n"),
            "f.yaml:2:1: syntax error: end of sequence flow not "
            "found");
}

// Files statecraft writes declare the scenario format's version first; files without it are
// version 1; a file of a newer format is refused with a message saying so.
TEST(NativeFormat, FormatVersionIsWrittenFirstAndChecked) {
  const Scenario small = ParseNativeScenario(kSmall, "small.yaml");
  EXPECT_EQ(WriteScenarioYaml(small).rfind("format_version: 1\n", 0), 0u);
  EXPECT_EQ(WriteScenarioJson(small).rfind("{\n  \"format_version\": 1,\n", 0), 0u);
  EXPECT_EQ(CanonicalScenarioJson(small).find("format_version"), std::string::npos);
  ExpectSame(small, ParseNativeScenario(std::string("format_version: 1\n") + kSmall, "v1.yaml"));
  EXPECT_EQ(ErrorOf(std::string("format_version: 2\n") + kSmall),
            "f.yaml:1:17: format_version: found format version 2, which a newer statecraft "
            "wrote; expected format version 1 (upgrade statecraft to read it)");
  EXPECT_EQ(ErrorOf(std::string("format_version: 0.5\n") + kSmall),
            "f.yaml:1:17: format_version: found '0.5', expected format version 1");
  EXPECT_EQ(ErrorOf(std::string("format_version: 1e300\n") + kSmall),
            "f.yaml:1:17: format_version: found format version 1e+300, which a newer statecraft "
            "wrote; expected format version 1 (upgrade statecraft to read it)");
}

TEST(ScenarioReader, DetectsFormatsByExtensionAndContent) {
  EXPECT_EQ(DetectFormat("name: x", "a.yaml"), "yaml");
  EXPECT_EQ(DetectFormat("{}", "a.json"), "json");
  EXPECT_EQ(DetectFormat("{\"a\": 1}", "scenario"), "json");
  EXPECT_EQ(DetectFormat("prnr\tisnr\tout\n", "data.tsv"), "deu");
  EXPECT_EQ(DetectFormat("prnr\tisnr\tout\n", "data.txt"), "deu");
}

TEST(ScenarioReader, ForcedUnknownFormat) {
  EXPECT_THROW(ParseScenarios("x", "f", ReadOptions{"xls", {}}), InputError);
}

}  // namespace
}  // namespace statecraft
