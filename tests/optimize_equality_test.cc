// The sequential search of optimize (statecraft/analysis/optimize.h) gives the answer of the
// exhaustive search: the same cheapest plan, or the same "none", with probabilities within the
// Monte Carlo error shown beside them. Both draw the same worlds (common random numbers), so
// the comparison is exact up to the sequential search's early stops.
//
// Cases: the built-in scenario's targets munitions<=25, <=50 and <=60 under every registered
// model, with the models' error (the default) and without it; and generated scenarios (random
// actors, issues, levers and counter-levers) at several targets and requirements. Several
// minutes of exhaustive searches on a loaded machine: labelled `heavy`, left out of
// `make test-asan`.
#include <gtest/gtest.h>

#include <random>

#include "statecraft/analysis/optimize.h"
#include "statecraft/app/checks.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

struct Searched {
  OptimizeResult sequential;
  OptimizeResult exhaustive;
};

Searched BothSearches(const Scenario& scenario, const LeverSet& levers,
                      const std::vector<ModelChoice>& models, OptimizeOptions options) {
  Searched both;
  options.exhaustive = false;
  both.sequential = Optimize(scenario, levers, models, options);
  options.exhaustive = true;
  both.exhaustive = Optimize(scenario, levers, models, options);
  return both;
}

// The same cheapest plan (or none); its probability without counter-levers is drawn to the last
// draw by both searches, so it is the same number; against the counter-levers the race may stop
// at another counter-plan within the Monte Carlo error.
// Draws spent by each search over every comparison of a test.
struct DrawTotals {
  std::uint64_t sequential = 0;
  std::uint64_t exhaustive = 0;
  void Add(const Searched& both) {
    sequential += both.sequential.draws;
    exhaustive += both.exhaustive.draws;
  }
};

void ExpectSameAnswer(const Searched& both, const std::string& label) {
  SCOPED_TRACE(label);
  const OptimizeResult& fast = both.sequential;
  const OptimizeResult& every = both.exhaustive;
  EXPECT_EQ(fast.candidates, every.candidates);
  EXPECT_DOUBLE_EQ(fast.baseline_probability, every.baseline_probability);
  ASSERT_EQ(fast.best.has_value(), every.best.has_value());
  if (!every.best) return;
  EXPECT_EQ(DescribeLevers(fast.best->levers), DescribeLevers(every.best->levers));
  EXPECT_DOUBLE_EQ(fast.best->probability, every.best->probability);
  EXPECT_DOUBLE_EQ(fast.best->median, every.best->median);
  EXPECT_FALSE(fast.best->estimated);
  ASSERT_TRUE(fast.best->countered_probability && every.best->countered_probability);
  const double error = std::max(fast.best->countered_error, every.best->countered_error);
  EXPECT_NEAR(*fast.best->countered_probability, *every.best->countered_probability, error + 1e-12);
  EXPECT_GE(*fast.best->countered_probability, *every.best->countered_probability);
}

const ScenarioWithLevers& Flagship() {
  static const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  return flagship;
}

class BuiltinTargets : public ::testing::TestWithParam<bool> {};

TEST_P(BuiltinTargets, EveryModelFindsTheExhaustiveAnswer) {
  const bool model_error = GetParam();
  OptimizeOptions options;
  options.sweep.draws = 64;
  options.sweep.calibration = app::ChosenCalibration(model_error, nullptr);
  options.probability = 0.8;
  int found = 0;
  DrawTotals draws;
  for (const std::string target : {"munitions<=25", "munitions<=50", "munitions<=60"}) {
    options.target = ParseTarget(Flagship().scenario, target);
    for (const ModelChoice& model : AllModels()) {
      const Searched both = BothSearches(Flagship().scenario, Flagship().levers, {model}, options);
      ExpectSameAnswer(both, target + " " + model.info->name);
      if (both.exhaustive.best) ++found;
      draws.Add(both);
    }
  }
  EXPECT_LT(draws.sequential, draws.exhaustive / 2);
  // Without the models' error some plans meet the target, so the cheapest plan is compared, not
  // only "none" (with it, no model is accurate enough to promise any of these targets).
  if (!model_error) {
    EXPECT_GT(found, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(ModelError, BuiltinTargets, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "On" : "Off"; });

TEST(BuiltinTargets, TwoModelsTogetherFindTheExhaustiveAnswer) {
  OptimizeOptions options;
  options.sweep.draws = 100;
  options.sweep.calibration = app::ChosenCalibration(false, nullptr);
  options.probability = 0.6;
  options.target = ParseTarget(Flagship().scenario, "munitions<=60");
  const std::vector<ModelChoice> models = {ChooseModel({"compromise", {}}),
                                           ChooseModel({"exchange", {}})};
  ExpectSameAnswer(BothSearches(Flagship().scenario, Flagship().levers, models, options),
                   "compromise + exchange");
}

// A random scenario: 5 to 8 actors on two issues with ranged positions, saliences and
// capabilities; three levers that move or strengthen actors, two or three steps each; two
// counter-levers of one actor with a budget.
ScenarioWithLevers Generated(std::uint32_t seed) {
  std::mt19937 random(seed);
  auto uniform = [&random](double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
  };
  auto ranged = [&uniform](double central, double spread, double low, double high) {
    return Estimate(std::max(low, central - spread), central, std::min(high, central + spread));
  };
  ScenarioWithLevers out;
  Scenario& scenario = out.scenario;
  scenario.name = "generated " + std::to_string(seed);
  const int actors = 5 + static_cast<int>(random() % 4);
  for (int actor = 0; actor < actors; ++actor) {
    scenario.actors.push_back(
        {"A" + std::to_string(actor), "", ranged(uniform(10, 100), 10, 1, 100)});
  }
  for (const std::string name : {"x", "y"}) {
    Issue issue;
    issue.name = name;
    scenario.issues.push_back(issue);
  }
  scenario.ResizeStakes();
  for (int actor = 0; actor < actors; ++actor) {
    for (int issue = 0; issue < 2; ++issue) {
      Stake stake;
      stake.position = ranged(uniform(0, 100), 8, 0, 100);
      stake.salience = ranged(uniform(0.2, 1.0), 0.1, 0.05, 1.0);
      scenario.SetStake(actor, issue, stake);
    }
  }
  auto lever = [&](const std::string& name, EffectType type, double sign, double low, double high) {
    Lever made;
    made.name = name;
    const int steps = 2 + static_cast<int>(random() % 2);
    for (int step = 0; step < steps; ++step) {
      made.steps.push_back(low + (high - low) * step / (steps - 1));
    }
    made.magnitude = Estimate(low, (low + high) / 2, high);
    made.fixed_cost = uniform(0.5, 3);
    made.cost_per_unit = 0.05;
    Effect effect;
    effect.type = type;
    effect.actors = {"A" + std::to_string(random() % actors),
                     "A" + std::to_string(random() % actors)};
    effect.issues = {"x"};
    effect.unit = sign;
    made.effects.push_back(effect);
    return made;
  };
  out.levers.levers = {lever("L1", EffectType::kShiftPosition, -1, 10, 30),
                       lever("L2", EffectType::kShiftPosition, -1, 20, 40),
                       lever("L3", EffectType::kShiftSalience, 1, 10, 30)};
  out.levers.counter.owner = "A0";
  out.levers.counter.budget = uniform(2, 5);
  out.levers.counter.levers = {lever("R1", EffectType::kShiftPosition, 1, 5, 15),
                               lever("R2", EffectType::kShiftSalience, 1, 5, 15)};
  return out;
}

TEST(GeneratedScenarios, FastModelsFindTheExhaustiveAnswer) {
  OptimizeOptions options;
  options.sweep.draws = 120;
  int found = 0;
  int none = 0;
  DrawTotals draws;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const ScenarioWithLevers generated = Generated(seed);
    const Scenario& scenario = generated.scenario;
    // The baseline's median of x, and targets below it that some plans reach.
    const double median =
        RunWithLevers(scenario, ChooseModel({"compromise", {}}), {}, {}, 0).ruled_outcome.front();
    for (const double below : {3.0, 10.0}) {
      options.target = ParseTarget(scenario, "x<=" + std::to_string(median - below));
      options.probability = seed % 2 == 0 ? 0.8 : 0.6;
      options.sweep.calibration = app::ChosenCalibration(seed % 3 != 0, nullptr);
      for (const std::string model : {"compromise", "weighted_median", "exchange"}) {
        const Searched both =
            BothSearches(scenario, generated.levers, {ChooseModel({model, {}})}, options);
        ExpectSameAnswer(both, scenario.name + " " + options.target.text + " " + model);
        (both.exhaustive.best ? found : none) += 1;
        draws.Add(both);
      }
    }
  }
  // Both outcomes occur, so both branches of the search are compared.
  EXPECT_GT(found, 0);
  EXPECT_GT(none, 0);
  EXPECT_LT(draws.sequential, draws.exhaustive);
}

}  // namespace
}  // namespace statecraft
