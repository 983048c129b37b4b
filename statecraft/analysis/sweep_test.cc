#include "statecraft/analysis/sweep.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <numeric>
#include <utility>
#include <vector>

#include "statecraft/analysis/distributed.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

ModelChoice Model(const std::string& name) {
  const ModelInfo& info = BuiltinModels().Get(name);
  return {&info, ResolveParams(name, info.params, {})};
}

TEST(UncertaintyTest, TriangularQuantileHitsTheEndsAndTheMode) {
  EXPECT_DOUBLE_EQ(TriangularQuantile(10, 20, 40, 0.0), 10);
  EXPECT_NEAR(TriangularQuantile(10, 20, 40, 1.0 / 3.0), 20, 1e-12);  // CDF(mode) = 1/3
  EXPECT_NEAR(TriangularQuantile(10, 20, 40, 1.0 - 1e-15), 40, 1e-5);
  EXPECT_DOUBLE_EQ(TriangularQuantile(5, 5, 5, 0.3), 5);
}

TEST(UncertaintyTest, SamplesHaveTheDistributionsMeans) {
  DrawRandom random(42);
  const Estimate estimate(0, 10, 50);
  double triangular = 0.0, uniform = 0.0;
  const int n = 200000;
  for (int k = 0; k < n; ++k) {
    const double u = random.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    triangular += SampleEstimate(estimate, Distribution::kTriangular, u);
    uniform += SampleEstimate(estimate, Distribution::kUniform, u);
  }
  EXPECT_NEAR(triangular / n, 20.0, 0.15);  // (0 + 10 + 50) / 3
  EXPECT_NEAR(uniform / n, 25.0, 0.15);
  EXPECT_DOUBLE_EQ(SampleEstimate(Estimate(7), Distribution::kTriangular, 0.9), 7);
}

TEST(UncertaintyTest, DrawSeedsDependOnEveryPart) {
  EXPECT_EQ(DrawSeed(1, 2, 3), DrawSeed(1, 2, 3));
  EXPECT_NE(DrawSeed(1, 2, 3), DrawSeed(1, 2, 4));
  EXPECT_NE(DrawSeed(1, 2, 3), DrawSeed(1, 3, 3));
  EXPECT_NE(DrawSeed(1, 2, 3), DrawSeed(2, 2, 3));
  EXPECT_EQ(ParseDistribution("uniform"), Distribution::kUniform);
  EXPECT_THROW(ParseDistribution("normal"), InputError);
}

TEST(SweepTest, ResultsAreIdenticalForAnyThreadCount) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const Plan plan = ParsePlanSpec(flagship.scenario, flagship.levers, "L1+L3+L5");
  const SweepPlan sweep_plan = MakeSweepPlan(flagship.levers, plan);
  for (const std::string name : {"compromise", "weighted_median"}) {
    const ModelChoice model = Model(name);
    SweepOptions options;
    options.draws = 300;
    options.seed = 7;
    options.threads = 1;
    const SweepResult one =
        RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
    for (int threads : {2, 16}) {
      options.threads = threads;
      const SweepResult many =
          RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
      EXPECT_EQ(one.outcomes, many.outcomes) << name << " with " << threads << " threads";
      EXPECT_EQ(one.inputs, many.inputs);
      EXPECT_EQ(one.deals_struck, many.deals_struck);
    }
    options.seed = 8;
    const SweepResult other =
        RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
    EXPECT_NE(one.inputs, other.inputs);
  }
}

void ExpectSameSweep(const SweepResult& expected, const SweepResult& actual,
                     const std::string& context) {
  EXPECT_EQ(expected.first_draw, actual.first_draw) << context;
  EXPECT_EQ(expected.draws, actual.draws) << context;
  EXPECT_EQ(expected.input_labels, actual.input_labels) << context;
  EXPECT_EQ(expected.deals_offered, actual.deals_offered) << context;
  // Bit for bit: memcmp-equal doubles, not merely close ones.
  ASSERT_EQ(expected.inputs.size(), actual.inputs.size()) << context;
  ASSERT_EQ(expected.outcomes.size(), actual.outcomes.size()) << context;
  ASSERT_EQ(expected.unconstrained.size(), actual.unconstrained.size()) << context;
  EXPECT_EQ(0, std::memcmp(expected.inputs.data(), actual.inputs.data(),
                           expected.inputs.size() * sizeof(double)))
      << context;
  EXPECT_EQ(0, std::memcmp(expected.outcomes.data(), actual.outcomes.data(),
                           expected.outcomes.size() * sizeof(double)))
      << context;
  EXPECT_EQ(0, std::memcmp(expected.unconstrained.data(), actual.unconstrained.data(),
                           expected.unconstrained.size() * sizeof(double)))
      << context;
  EXPECT_EQ(expected.deals_struck, actual.deals_struck) << context;
}

TEST(SweepTest, DrawRangesAppendedInOrderEqualTheWholeSweep) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const Plan plan = ParsePlanSpec(flagship.scenario, flagship.levers, "L1+L3+L5");
  const SweepPlan sweep_plan = MakeSweepPlan(flagship.levers, plan);
  for (const std::string name : {"compromise", "eum", "exchange", "smp", "weighted_median"}) {
    const ModelChoice model = Model(name);
    SweepOptions options;
    options.draws = name == "compromise" || name == "weighted_median" ? 1000 : 120;
    options.seed = 11;
    options.threads = 2;
    const SweepResult whole =
        RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
    ASSERT_GT(whole.deals_offered, 0) << "the plan should offer a deal";
    const int split = options.draws * 3 / 10;
    SweepResult appended;
    for (const auto& [first, count] :
         std::vector<std::pair<int, int>>{{0, split}, {split, 0}, {split, -1}}) {
      options.first_draw = first;
      options.draw_count = count;
      const SweepResult part =
          RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
      EXPECT_EQ(part.first_draw, first);
      EXPECT_EQ(part.draws, count == -1 ? options.draws - first : count);
      AppendSweepPart(appended, part);
    }
    ExpectSameSweep(whole, appended, name);
    EXPECT_EQ(SummarizeIssue(whole, 0).median, SummarizeIssue(appended, 0).median) << name;

    // One draw alone is the same as that draw in the whole sweep.
    options.first_draw = options.draws - 1;
    options.draw_count = 1;
    const SweepResult last =
        RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
    for (int issue = 0; issue < whole.issue_count; ++issue) {
      EXPECT_EQ(last.Outcome(0, issue), whole.Outcome(options.draws - 1, issue)) << name;
    }
  }
}

TEST(SweepTest, LongSweepsRunInBlocksAndKeepInputsOnlyForTheDriverDraws) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const Plan plan = ParsePlanSpec(flagship.scenario, flagship.levers, "L1+L3+L5");
  const SweepPlan sweep_plan = MakeSweepPlan(flagship.levers, plan);
  const ModelChoice model = Model("compromise");
  SweepOptions options;
  options.draws = 2 * kSweepBlockDraws + 100;  // three blocks
  options.seed = 3;
  const SweepResult full =
      RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
  EXPECT_EQ(full.InputDraws(), options.draws);
  options.driver_draws = 1000;
  const SweepResult bounded =
      RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
  EXPECT_EQ(bounded.draws, options.draws);
  ASSERT_EQ(bounded.InputDraws(), 1000);
  EXPECT_EQ(bounded.outcomes, full.outcomes);
  EXPECT_EQ(bounded.unconstrained, full.unconstrained);
  EXPECT_EQ(bounded.deals_struck, full.deals_struck);
  const std::size_t row = full.input_labels.size();
  EXPECT_TRUE(std::equal(bounded.inputs.begin(), bounded.inputs.end(), full.inputs.begin()));
  EXPECT_EQ(bounded.inputs.size(), 1000 * row);
  const Quantiles exact = SummarizeIssue(full, 1);
  const Quantiles kept = SummarizeIssue(bounded, 1);
  EXPECT_EQ(exact.median, kept.median);
  EXPECT_EQ(exact.mean, kept.mean);

  // The drivers are those of the first 1000 draws.
  SweepOptions first_thousand = options;
  first_thousand.draws = 1000;
  const SweepResult short_sweep =
      RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, first_thousand);
  const std::vector<Driver> expected = Drivers(short_sweep, 0, 5);
  const std::vector<Driver> actual = Drivers(bounded, 0, 5);
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(expected[k].input, actual[k].input);
    EXPECT_EQ(expected[k].rank_correlation, actual[k].rank_correlation);
    EXPECT_EQ(expected[k].outcome_when_low, actual[k].outcome_when_low);
  }

  // Parts folded by an accumulator equal the sweep; a range past the driver draws holds no input.
  SweepAccumulator accumulator(1000, options.draws);
  for (const int first : {0, 700, 1500}) {
    SweepOptions range = options;
    range.first_draw = first;
    range.draw_count = first == 1500 ? -1 : (first == 0 ? 700 : 800);
    const SweepResult part =
        RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, range);
    const int expected_input_draws = first == 0 ? 700 : (first == 700 ? 300 : 0);
    EXPECT_EQ(part.InputDraws(), expected_input_draws);
    accumulator.Add(part);
  }
  ExpectSameSweep(bounded, accumulator.result(), "accumulated parts");
  // AppendSweepPart keeps every input while it can, then stops.
  SweepResult appended = RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, [&] {
    SweepOptions range = options;
    range.draw_count = 1200;
    return range;
  }());
  EXPECT_EQ(appended.InputDraws(), 1000);
  options.first_draw = 1200;
  AppendSweepPart(appended, RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, [&] {
                    SweepOptions range = options;
                    range.driver_draws = options.draws;
                    return range;
                  }()));
  EXPECT_EQ(appended.InputDraws(), 1000);
  EXPECT_EQ(appended.outcomes, full.outcomes);
}

TEST(SweepTest, ReportsEveryDrawAndStopsWhenCancelledWithoutChangingResults) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const SweepPlan sweep_plan =
      MakeSweepPlan(flagship.levers, ParsePlanSpec(flagship.scenario, flagship.levers, "L1+L3"));
  const ModelChoice model = Model("compromise");
  SweepOptions options;
  options.draws = kSweepBlockDraws + 500;  // two blocks
  options.seed = 3;
  options.threads = 3;
  const SweepResult plain =
      RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
  std::atomic<std::int64_t> reported{0};
  std::atomic<int> calls{0};
  options.draws_done = [&](int draws) {
    reported += draws;
    ++calls;
  };
  options.cancelled = [] { return false; };
  const SweepResult watched =
      RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options);
  ExpectSameSweep(plain, watched, "a sweep with progress hooks");
  EXPECT_EQ(reported.load(), options.draws);
  EXPECT_GT(calls.load(), options.draws / 16) << "progress is reported a few draws at a time";

  // Cancelled after the first hundred draws: the sweep stops within a few draws per thread.
  reported = 0;
  options.cancelled = [&] { return reported.load() >= 100; };
  EXPECT_THROW(RunSweep(flagship.scenario, sweep_plan, *model.info, model.params, options),
               SweepCancelled);
  EXPECT_GE(reported.load(), 100);
  EXPECT_LT(reported.load(), 100 + 8 * options.threads * 2);
}

TEST(SweepTest, BadDrawRangesAndMisplacedPartsAreInputErrors) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const ModelChoice model = Model("compromise");
  auto run = [&](int first, int count) {
    SweepOptions options;
    options.draws = 100;
    options.first_draw = first;
    options.draw_count = count;
    return RunSweep(flagship.scenario, {}, *model.info, model.params, options);
  };
  try {
    run(101, -1);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(),
                 "draw range starting at 101 with -1 draws: the first draw is outside [0, 100]; "
                 "expected a range within the 100 draws of the sweep (count -1: up to the last "
                 "draw)");
  }
  try {
    run(90, 11);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(),
                 "draw range starting at 90 with 11 draws: the count is outside [0, 10]; expected "
                 "a range within the 100 draws of the sweep (count -1: up to the last draw)");
  }
  EXPECT_THROW(run(-1, 5), InputError);
  EXPECT_THROW(run(0, -2), InputError);
  EXPECT_EQ(run(100, -1).draws, 0);
  EXPECT_EQ(run(100, 0).draws, 0);

  SweepResult whole = run(0, 10);
  try {
    AppendSweepPart(whole, run(20, 10));
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(),
                 "sweep part starting at draw 20: expected it to start at draw 10, where the draws "
                 "held so far (0 to 9) end");
  }
  EXPECT_THROW(AppendSweepPart(whole, run(0, 10)), InputError);
  SweepOptions options;
  options.draws = 100;
  options.first_draw = 10;
  const Plan plan = ParsePlanSpec(flagship.scenario, flagship.levers, "L1+L3+L5");
  const SweepResult other_plan = RunSweep(flagship.scenario, MakeSweepPlan(flagship.levers, plan),
                                          *model.info, model.params, options);
  EXPECT_THROW(AppendSweepPart(whole, other_plan), InputError);
  EXPECT_EQ(whole.draws, 10);
  AppendSweepPart(whole, run(10, -1));
  EXPECT_EQ(whole.draws, 100);
}

// One issue; C's position is uncertain on (20, 40, 90), A and B are fixed at 0 and 10.
Scenario OneUncertainActor() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}, {"C", "", Estimate(1.0)}};
  Issue issue;
  issue.name = "x";
  scenario.issues = {issue};
  scenario.ResizeStakes();
  for (int actor = 0; actor < 3; ++actor) {
    Stake stake;
    stake.position = actor == 2 ? Estimate(20, 40, 90) : Estimate(10.0 * actor);
    stake.salience = Estimate(0.5);
    scenario.SetStake(actor, 0, stake);
  }
  scenario.Validate();
  return scenario;
}

// Rejects every scenario where C stands above 80 (about 4 % of the draws).
class PickyModel : public Model {
 public:
  Forecast Run(const Scenario& scenario, std::uint64_t) const override {
    if (scenario.Position(2, 0) > 80) {
      throw InputError("C at " + std::to_string(scenario.Position(2, 0)) + " is too far");
    }
    Forecast forecast;
    forecast.outcome = {scenario.Position(2, 0)};
    return forecast;
  }
};

ModelInfo PickyModelInfo() {
  ModelInfo info;
  info.name = "picky";
  info.create = [](const ParamValues&) { return std::make_unique<PickyModel>(); };
  return info;
}

// Stands in for process `index` of `count`: records what RunSweep hands over and returns the part.
class RecordingDistributor : public DrawDistributor {
 public:
  RecordingDistributor(int index, int count) : index_(index), count_(count) {}
  int ProcessIndex() const override { return index_; }
  int ProcessCount() const override { return count_; }
  int ProcessesOnThisMachine() const override { return count_; }
  SweepResult Gather(const SweepResult& part, const std::optional<DrawFailure>& failure, int,
                     int) override {
    part_ = part;
    failure_ = failure;
    return part;
  }
  SweepResult part_;
  std::optional<DrawFailure> failure_;

 private:
  int index_;
  int count_;
};

TEST(SweepTest, TheLowestFailingDrawWinsForAnyThreadCountAndIsHandedToTheDistributor) {
  const Scenario scenario = OneUncertainActor();
  const ModelInfo info = PickyModelInfo();
  SweepOptions options;
  options.draws = 400;
  std::string first_message;
  for (int threads : {1, 2, 16}) {
    options.threads = threads;
    try {
      RunSweep(scenario, {}, info, {}, options);
      FAIL() << "some draw should put C above 80";
    } catch (const InputError& error) {
      if (first_message.empty()) first_message = error.what();
      EXPECT_EQ(first_message, error.what()) << threads << " threads";
    }
  }
  EXPECT_EQ(first_message.rfind("model 'picky', draw ", 0), 0u) << first_message;

  // Process 1 of 2 computes draws [200, 400) and reports the lowest failure among them.
  RecordingDistributor second(1, 2);
  SetDrawDistributor(&second);
  EXPECT_FALSE(IsLeadProcess());
  EXPECT_NO_THROW(RunSweep(scenario, {}, info, {}, options));
  SetDrawDistributor(nullptr);
  EXPECT_TRUE(IsLeadProcess());
  ASSERT_TRUE(second.failure_);
  EXPECT_GE(second.failure_->draw, 200);
  EXPECT_TRUE(second.failure_->input_error);
  options.first_draw = 200;
  try {
    RunSweep(scenario, {}, info, {}, options);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(second.failure_->message, error.what());
  }

  // Without failures the distributor gets this process's share, as a local run computes it.
  const ModelChoice compromise = Model("compromise");
  options.first_draw = 0;
  RecordingDistributor first(0, 3);
  SetDrawDistributor(&first);
  EXPECT_TRUE(IsLeadProcess());
  RunSweep(scenario, {}, *compromise.info, compromise.params, options);
  SetDrawDistributor(nullptr);
  EXPECT_FALSE(first.failure_);
  EXPECT_EQ(DrawShare(0, 400, 0, 3), std::make_pair(0, 133));
  EXPECT_EQ(DrawShare(0, 400, 2, 3), std::make_pair(266, 134));
  EXPECT_EQ(DrawShare(10, 1, 1, 3), std::make_pair(10, 0));
  options.draw_count = 133;
  ExpectSameSweep(RunSweep(scenario, {}, *compromise.info, compromise.params, options), first.part_,
                  "share of process 0");
}

TEST(SweepTest, DrawsStayWithinTheRangesAndTheTornadoFindsTheOnlyRangedInput) {
  // Only C's position is uncertain, so it must be the single driver, with rho = 1.
  const Scenario scenario = OneUncertainActor();
  const ModelChoice model = Model("compromise");
  SweepOptions options;
  options.draws = 500;
  const SweepResult result = RunSweep(scenario, {}, *model.info, model.params, options);
  ASSERT_EQ(result.input_labels, std::vector<std::string>({"C x position"}));
  for (double value : result.inputs) {
    EXPECT_GE(value, 20);
    EXPECT_LE(value, 90);
  }
  const std::vector<Driver> drivers = Drivers(result, 0, 5);
  ASSERT_EQ(drivers.size(), 1u);
  EXPECT_NEAR(drivers[0].rank_correlation, 1.0, 1e-12);
  EXPECT_LT(drivers[0].outcome_when_low, drivers[0].outcome_when_high);
  const Quantiles quantiles = SummarizeIssue(result, 0);
  // compromise = (0 + 10 + c) / 3 with c triangular on (20, 40, 90): median of c ≈ 45.4.
  EXPECT_NEAR(quantiles.median, (10 + 90 - std::sqrt(0.5 * 70 * 50)) / 3.0, 0.7);
  EXPECT_LT(quantiles.q10, quantiles.median);
  EXPECT_LT(quantiles.median, quantiles.q90);
  Target target;
  target.issue = 0;
  target.value = quantiles.median;
  EXPECT_NEAR(TargetProbability(result, target), 0.5, 0.01);
}

TEST(WhatifTest, PlansShareDrawsAndTheDealMovesTheDecidersInterval) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  SweepOptions options;
  options.draws = 200;
  const Target target = ParseTarget(flagship.scenario, "munitions<=60");
  const WhatifResult result =
      RunWhatif(flagship.scenario, flagship.levers,
                {*flagship.levers.FindPlan("relief"), *flagship.levers.FindPlan("pressure")},
                {Model("compromise")}, options, target);
  ASSERT_EQ(result.cases.size(), 3u);
  EXPECT_EQ(result.cases[0].name, "baseline");
  const WhatifCell& baseline = result.cases[0].cells[0];
  const WhatifCell& relief = result.cases[1].cells[0];
  // Common random numbers: the scenario inputs of every draw are the same in each case.
  const std::size_t scenario_inputs = baseline.sweep.input_labels.size();
  for (int draw = 0; draw < 200; ++draw) {
    for (std::size_t k = 0; k < scenario_inputs; ++k) {
      ASSERT_EQ(baseline.sweep.inputs[draw * scenario_inputs + k],
                relief.sweep.inputs[draw * relief.sweep.input_labels.size() + k]);
    }
  }
  // Under the deciders rule only a lever that moves the deciders moves munitions: the deal does.
  ASSERT_EQ(result.cases[1].deals.size(), 1u);
  EXPECT_TRUE(result.cases[1].deals[0].struck) << result.cases[1].deals[0].reason;
  EXPECT_LT(relief.quantiles[0].median, baseline.quantiles[0].median - 20);
  EXPECT_GT(*relief.target_probability, *baseline.target_probability);
  EXPECT_DOUBLE_EQ(result.cases[2].cells[0].quantiles[0].median, baseline.quantiles[0].median);
  EXPECT_DOUBLE_EQ(result.cases[1].cost, 7.0);
}

// A toy where the answer is known: the outcome is the mean of A (fixed at 80) and B (at 80, which
// levers move); the target x <= 50 needs B at 20 or below.
struct Toy {
  Scenario scenario;
  LeverSet levers;
};

Toy MakeToy(double counter_budget) {
  Toy toy;
  toy.scenario.actors = {{"A", "", Estimate(1.0)}, {"B", "", Estimate(1.0)}};
  Issue issue;
  issue.name = "x";
  toy.scenario.issues = {issue};
  toy.scenario.ResizeStakes();
  for (int actor = 0; actor < 2; ++actor) {
    Stake stake;
    stake.position = Estimate(80);
    stake.salience = Estimate(0.5);
    toy.scenario.SetStake(actor, 0, stake);
  }
  auto lever = [](const std::string& name, double fixed_cost, std::vector<double> steps,
                  double sign) {
    Lever result;
    result.name = name;
    result.magnitude = Estimate(steps.front(), steps.front(), steps.back());
    result.steps = steps;
    result.fixed_cost = fixed_cost;
    result.cost_per_unit = 0.1;
    Effect effect;
    effect.type = EffectType::kShiftPosition;
    effect.actors = {"B"};
    effect.issues = {"x"};
    effect.unit = sign;
    result.effects.push_back(effect);
    return result;
  };
  toy.levers.levers = {lever("cheap", 0, {30, 60}, -1), lever("dear", 5, {70}, -1)};
  toy.levers.counter.budget = counter_budget;
  toy.levers.counter.levers = {lever("push", 1, {10}, +1)};
  return toy;
}

TEST(OptimizeTest, FindsTheCheapestPlanAndAccountsForTheCounterLever) {
  OptimizeOptions options;
  options.sweep.draws = 10;
  options.probability = 0.5;
  Toy toy = MakeToy(0);
  options.target = ParseTarget(toy.scenario, "x<=50");
  const std::vector<ModelChoice> models = {Model("compromise")};
  OptimizeResult result = Optimize(toy.scenario, toy.levers, models, options);
  ASSERT_TRUE(result.best);
  EXPECT_EQ(DescribeLevers(result.best->levers), "cheap 60");
  EXPECT_DOUBLE_EQ(result.best->cost, 6.0);
  EXPECT_DOUBLE_EQ(result.baseline_probability, 0.0);
  EXPECT_EQ(result.candidates, 6u);  // {off, 30, 60} × {off, 70}

  // With a budget of 2 the opponent pushes B back by 10: cheap 60 leaves B at 30, x = 55.
  toy = MakeToy(2);
  result = Optimize(toy.scenario, toy.levers, models, options);
  ASSERT_TRUE(result.best);
  EXPECT_EQ(DescribeLevers(result.best->levers), "dear 70");
  EXPECT_DOUBLE_EQ(*result.best->countered_probability, 1.0);
  // The other plans that meet add the cheap lever to dear 70: the sequential search does not
  // weigh those dearer supersets, the exhaustive search lists them as runners-up.
  EXPECT_TRUE(result.runners_up.empty());
  EXPECT_EQ(result.pruned, 2u);
  OptimizeOptions exhaustive = options;
  exhaustive.exhaustive = true;
  const OptimizeResult every = Optimize(toy.scenario, toy.levers, models, exhaustive);
  ASSERT_TRUE(every.best);
  EXPECT_EQ(DescribeLevers(every.best->levers), "dear 70");
  EXPECT_EQ(every.runners_up.size(), 2u);
  EXPECT_EQ(every.pruned, 0u);
  EXPECT_EQ(every.draws_saved, 0u);

  options.budget = 6.5;  // dear 70 costs 12: nothing within budget meets the target
  result = Optimize(toy.scenario, toy.levers, models, options);
  EXPECT_FALSE(result.best);
  ASSERT_FALSE(result.closest.empty());
  EXPECT_EQ(DescribeLevers(result.closest[0].levers), "cheap 60");
  EXPECT_DOUBLE_EQ(*result.closest[0].countered_probability, 0.0);
  EXPECT_EQ(DescribeLevers(result.closest[0].best_counter), "push 10");
}

TEST(OptimizeTest, BadProbabilityIsAnInputError) {
  Toy toy = MakeToy(0);
  OptimizeOptions options;
  options.target = ParseTarget(toy.scenario, "x<=50");
  options.probability = 1.5;
  EXPECT_THROW(Optimize(toy.scenario, toy.levers, {Model("compromise")}, options), InputError);
}

TEST(OptimizeTest, ReportsProgressAndStopsWhenCancelled) {
  Toy toy = MakeToy(0);
  OptimizeOptions options;
  options.sweep.draws = 10;
  options.probability = 0.5;
  options.target = ParseTarget(toy.scenario, "x<=50");
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  options.progress = [&calls](std::size_t weighed, std::size_t candidates) {
    calls.emplace_back(weighed, candidates);
  };
  OptimizeResult result = Optimize(toy.scenario, toy.levers, {Model("compromise")}, options);
  ASSERT_TRUE(result.best);
  EXPECT_FALSE(result.cancelled);
  ASSERT_GE(calls.size(), 2u);
  EXPECT_EQ(calls.front(), std::make_pair(std::size_t{0}, std::size_t{6}));
  EXPECT_EQ(calls.back(), std::make_pair(std::size_t{6}, std::size_t{6}));

  int polls = 0;
  options.progress = nullptr;
  options.cancelled = [&polls] { return ++polls > 2; };
  result = Optimize(toy.scenario, toy.levers, {Model("compromise")}, options);
  EXPECT_TRUE(result.cancelled);
  EXPECT_FALSE(result.best);
  EXPECT_EQ(result.evaluated, 2u);
}

}  // namespace
}  // namespace statecraft
