#include "statecraft/analysis/answer.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

AnswerOptions SmallOptions() {
  AnswerOptions options;
  options.sweep.draws = 12;
  options.sweep.threads = 2;
  options.optimize_draws = 8;
  options.models = {ChooseModel({"compromise", {}}), ChooseModel({"exchange", {}})};
  return options;
}

TEST(AnswerTest, TheBuiltInQuestionWithItsOpponentAndDisagreements) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  ASSERT_TRUE(input.scenario.question.has_value());
  EXPECT_EQ(OpponentName(input.scenario, input.levers), "Russia");
  const Answer answer =
      ComputeAnswer(input.scenario, input.levers, *input.scenario.question, SmallOptions());
  ASSERT_EQ(answer.answers.size(), 2u);
  EXPECT_EQ(answer.target.text, "munitions<=25");
  EXPECT_EQ(answer.optimize.probability, 0.8);
  EXPECT_EQ(answer.optimize.sweep.draws, 8);
  // The baseline and every declared plan, per model.
  EXPECT_EQ(answer.answers[0].whatif.cases.size(), input.levers.plans.size() + 1);
  ASSERT_FALSE(answer.disagreements.empty());
  // The last sentence says which models reach the target against the opponent.
  EXPECT_NE(answer.disagreements.back().find("munitions<=25 with 80% confidence against "
                                             "Russia's best counter"),
            std::string::npos)
      << answer.disagreements.back();
  EXPECT_EQ(Disagreements(input.scenario, answer), answer.disagreements);
}

TEST(AnswerTest, ACancelledAnswerStopsBetweenModels) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  AnswerOptions options = SmallOptions();
  int polls = 0;
  options.cancelled = [&polls] { return ++polls > 1; };
  const Answer answer =
      ComputeAnswer(input.scenario, input.levers, *input.scenario.question, options);
  EXPECT_TRUE(answer.cancelled);
  EXPECT_LT(answer.answers.size(), 2u);
}

TEST(AnswerTest, ATargetThatDoesNotFitIsBadInput) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  Question question = *input.scenario.question;
  question.target = "nosuch<=3";
  EXPECT_THROW(ComputeAnswer(input.scenario, input.levers, question, SmallOptions()), InputError);
}

}  // namespace
}  // namespace statecraft
