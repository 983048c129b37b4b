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

// What the answer says of one model, every number at full precision.
std::vector<double> Numbers(const ModelAnswer& item) {
  std::vector<double> numbers;
  for (const WhatifCase& item_case : item.whatif.cases) {
    const WhatifCell& cell = item_case.cells.front();
    numbers.push_back(cell.target_probability.value_or(-1.0));
    for (const Quantiles& quantiles : cell.quantiles) {
      numbers.insert(numbers.end(), {quantiles.q10, quantiles.median, quantiles.q90});
    }
  }
  if (item.optimize) {
    const OptimizeResult& result = *item.optimize;
    numbers.push_back(static_cast<double>(result.draws));
    numbers.push_back(static_cast<double>(result.evaluated));
    for (const auto* plans : {&result.runners_up, &result.closest}) {
      for (const PlanEvaluation& plan : *plans) {
        numbers.insert(numbers.end(), {plan.cost, plan.probability, plan.median,
                                       plan.countered_probability.value_or(-1.0)});
      }
    }
    if (result.best) numbers.push_back(result.best->probability);
  }
  return numbers;
}

TEST(AnswerTest, SearchesSideBySideGiveTheAnswerOfOneCore) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  AnswerOptions options = SmallOptions();
  options.models = {ChooseModel({"mean", {}}), ChooseModel({"compromise", {}}),
                    ChooseModel({"exchange", {}}), ChooseModel({"median", {}})};
  int reported = 0;
  options.progress = [&reported](int done, int total) {
    EXPECT_EQ(done, ++reported);
    EXPECT_EQ(total, 4);
  };
  const Answer both =
      ComputeAnswer(input.scenario, input.levers, *input.scenario.question, options);
  EXPECT_EQ(reported, 4);
  options.progress = nullptr;
  options.sweep.threads = 1;
  const Answer one = ComputeAnswer(input.scenario, input.levers, *input.scenario.question, options);
  ASSERT_EQ(both.answers.size(), 4u);
  ASSERT_EQ(one.answers.size(), 4u);
  for (std::size_t m = 0; m < 4; ++m) {
    EXPECT_EQ(both.answers[m].model, options.models[m].info->name);
    EXPECT_EQ(both.answers[m].model, one.answers[m].model);
    EXPECT_EQ(Numbers(both.answers[m]), Numbers(one.answers[m])) << both.answers[m].model;
  }
  EXPECT_EQ(both.disagreements, one.disagreements);
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

// One model's answer whose search found `levers` (reaching the target or only the closest).
ModelAnswer Searched(const std::string& model, std::vector<AppliedLever> levers, double cost,
                     double probability, bool reached) {
  PlanEvaluation plan;
  plan.levers = std::move(levers);
  plan.cost = cost;
  plan.probability = probability;
  ModelAnswer item;
  item.model = model;
  item.optimize.emplace();
  if (reached) {
    item.optimize->best = plan;
  } else {
    item.optimize->closest = {plan};
  }
  return item;
}

// The plan the answer names: a plan that reaches the target before any closest plan, the one
// most models choose before a cheaper one; among closest plans, the likelier first.
TEST(AnswerTest, TheFoundPlanIsTheReachingPlanMostModelsChoose) {
  Lever sanctions, relief;
  sanctions.name = "L1";
  relief.name = "L2";
  Answer answer;
  answer.answers = {Searched("mean", {{&relief, 5}}, 2.0, 0.9, true),
                    Searched("median", {{&sanctions, 10}}, 4.0, 0.85, true),
                    Searched("compromise", {{&sanctions, 10}}, 4.0, 0.82, true),
                    Searched("eum", {{&relief, 1}}, 1.0, 0.95, false)};
  std::optional<FoundPlan> found = ChooseFoundPlan(answer);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->reached);
  EXPECT_EQ(found->model, "median");
  EXPECT_EQ(found->chosen_under, (std::vector<std::string>{"median", "compromise"}));
  EXPECT_EQ(found->others, (std::vector<std::string>{"L2 5 (mean)", "L2 1 (eum, closest)"}));

  answer.answers = {Searched("mean", {{&relief, 5}}, 2.0, 0.3, false),
                    Searched("median", {}, 0.0, 0.4, false),
                    Searched("eum", {{&relief, 5}}, 2.0, 0.35, false)};
  found = ChooseFoundPlan(answer);
  ASSERT_TRUE(found.has_value());
  EXPECT_FALSE(found->reached);
  EXPECT_EQ(found->model, "median");
  EXPECT_EQ(found->others,
            (std::vector<std::string>{"L2 5 (mean, closest)", "L2 5 (eum, closest)"}));

  answer.answers = {ModelAnswer{"mean", "could not run", {}, std::nullopt}};
  EXPECT_FALSE(ChooseFoundPlan(answer).has_value());
}

TEST(AnswerTest, ATargetThatDoesNotFitIsBadInput) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  Question question = *input.scenario.question;
  question.target = "nosuch<=3";
  EXPECT_THROW(ComputeAnswer(input.scenario, input.levers, question, SmallOptions()), InputError);
}

}  // namespace
}  // namespace statecraft
