#include "statecraft/analysis/optimize.h"

#include <algorithm>

#include "statecraft/analysis/optimize_search.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft {
namespace {

// Today's plan against every counter-plan on every draw: the lowest probability is the robust
// one (ties keep the first counter-plan in cost order).
void CounterEveryPlan(const SearchSpace& space, CaseDrawer& drawer, PlanEvaluation& evaluation) {
  evaluation.countered_probability = evaluation.probability;
  evaluation.countered_error = evaluation.probability_error;
  evaluation.best_counter.clear();
  evaluation.counter_cost = 0.0;
  for (const std::size_t index : CounterOptions(space, evaluation.levers)) {
    PlanCase item = drawer.MakeCase(evaluation.levers, space.counter_plans[index]);
    drawer.DrawAll(item);
    double error = 0.0;
    const double probability = CaseProbability(item, space.options.target, &error);
    if (probability < *evaluation.countered_probability) {
      evaluation.countered_probability = probability;
      evaluation.countered_error = error;
      evaluation.best_counter = item.counter;
      evaluation.counter_cost = PlanCost(item.counter);
    }
  }
}

}  // namespace

std::vector<std::size_t> CounterOptions(const SearchSpace& space,
                                        const std::vector<AppliedLever>& plan) {
  std::vector<const Lever*> plan_levers;
  for (const AppliedLever& applied : plan) plan_levers.push_back(applied.lever);
  std::vector<std::size_t> options;
  for (std::size_t index = 0; index < space.counter_plans.size(); ++index) {
    const auto& counter = space.counter_plans[index];
    if (counter.empty()) continue;
    // A counter-plan that, with this plan, takes out every actor with a position on an issue
    // leaves that issue without an outcome: it is not an option against this plan.
    std::vector<const Lever*> counter_levers;
    for (const AppliedLever& applied : counter) counter_levers.push_back(applied.lever);
    if (IssueLeftWithoutPositions(space.scenario, counter_levers, plan_levers)) continue;
    options.push_back(index);
  }
  return options;
}

void TakeWithoutCounter(const PlanCase& base, int total, const Target& target,
                        PlanEvaluation& evaluation, bool with_median) {
  evaluation.probability = CaseProbability(base, target, &evaluation.probability_error);
  if (with_median) evaluation.median = CaseMedian(base, target);
  evaluation.estimated = !FullyDrawn(base, total);
}

bool Closer(const PlanEvaluation& a, const PlanEvaluation& b, const Target& target) {
  if (a.probability != b.probability) return a.probability > b.probability;
  return target.at_most ? a.median < b.median : a.median > b.median;
}

void ExhaustiveSearch(const SearchSpace& space, CaseDrawer& drawer, const PlanCase& baseline,
                      OptimizeResult& result) {
  const OptimizeOptions& options = space.options;
  auto stop_requested = [&options] { return options.cancelled && options.cancelled(); };
  std::vector<PlanEvaluation> failed;
  for (const auto& plan : space.candidates) {
    if (stop_requested()) {
      result.cancelled = true;
      return;
    }
    if (options.progress) options.progress(result.evaluated, space.candidates.size());
    PlanEvaluation evaluation;
    evaluation.levers = plan;
    evaluation.cost = PlanCost(plan);
    if (plan.empty()) {
      TakeWithoutCounter(baseline, drawer.total(), options.target, evaluation);
    } else {
      PlanCase base = drawer.MakeCase(plan, {});
      drawer.DrawAll(base);
      TakeWithoutCounter(base, drawer.total(), options.target, evaluation);
    }
    ++result.evaluated;
    if (evaluation.probability < options.probability) {
      failed.push_back(evaluation);
      continue;
    }
    CounterEveryPlan(space, drawer, evaluation);
    evaluation.meets = *evaluation.countered_probability >= options.probability;
    if (!evaluation.meets) {
      failed.push_back(evaluation);
      continue;
    }
    if (!result.best) {
      result.best = evaluation;
    } else {
      result.runners_up.push_back(evaluation);
      if (static_cast<int>(result.runners_up.size()) >= options.runners_up) break;
    }
  }
  if (result.best) return;
  // Nothing meets the target: report the plans that come closest (cheapest first on ties).
  std::stable_sort(failed.begin(), failed.end(), [&options](const auto& a, const auto& b) {
    return Closer(a, b, options.target);
  });
  const std::size_t count =
      std::min(failed.size(), static_cast<std::size_t>(options.runners_up + 1));
  for (std::size_t k = 0; k < count; ++k) {
    if (stop_requested()) {
      result.cancelled = true;
      return;
    }
    if (!failed[k].countered_probability) CounterEveryPlan(space, drawer, failed[k]);
    result.closest.push_back(failed[k]);
  }
}

std::vector<std::vector<AppliedLever>> EnumeratePlans(const Scenario& scenario,
                                                      const LeverSet& levers, bool counter,
                                                      std::optional<double> budget,
                                                      std::size_t max_candidates) {
  std::vector<const Lever*> options;
  for (const Lever& lever : counter ? levers.counter.levers : levers.levers) {
    if (lever.excluded.empty()) options.push_back(&lever);
  }
  std::size_t total = 1;
  for (const Lever* lever : options) {
    total *= lever->Steps().size() + 1;
    if (total > max_candidates) {
      throw InputError("the lever grid has more than " + std::to_string(max_candidates) +
                       " combinations; declare fewer steps per lever");
    }
  }
  std::vector<std::vector<AppliedLever>> plans;
  std::vector<std::size_t> choice(options.size(), 0);  // 0: off, k: step k - 1
  for (std::size_t index = 0; index < total; ++index) {
    std::size_t rest = index;
    std::vector<AppliedLever> plan;
    Plan named{"candidate", "", {}};
    for (std::size_t k = 0; k < options.size(); ++k) {
      const std::vector<double> steps = options[k]->Steps();
      const std::size_t pick = rest % (steps.size() + 1);
      rest /= steps.size() + 1;
      if (pick == 0) continue;
      plan.push_back({options[k], steps[pick - 1]});
      named.items.push_back({options[k]->name, steps[pick - 1]});
    }
    const double cost = PlanCost(plan);
    if (budget && cost > *budget + 1e-9) continue;
    try {
      ValidatePlan(scenario, levers, named, counter);
    } catch (const InputError&) {
      continue;  // levers that contradict each other cannot form a plan
    }
    plans.push_back(std::move(plan));
  }
  std::stable_sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) {
    const double cost_a = PlanCost(a);
    const double cost_b = PlanCost(b);
    if (cost_a != cost_b) return cost_a < cost_b;
    return a.size() < b.size();
  });
  return plans;
}

OptimizeResult Optimize(const Scenario& scenario, const LeverSet& levers,
                        const std::vector<ModelChoice>& models, const OptimizeOptions& options) {
  CheckProbability(options.probability);
  if (models.empty()) throw InputError("optimize needs at least one model");
  if (options.budget && *options.budget < 0) {
    throw InputError("budget " + NumberText(*options.budget) + " is negative");
  }
  for (const Lever& lever : levers.levers) ValidateLever(scenario, lever);
  for (const Lever& lever : levers.counter.levers) ValidateLever(scenario, lever);
  OptimizeResult result;
  SearchSpace space{
      scenario, options,
      EnumeratePlans(scenario, levers, false, options.budget, options.max_candidates),
      EnumeratePlans(scenario, levers, true, levers.counter.budget, options.max_candidates)};
  result.candidates = space.candidates.size();
  result.counter_plans = space.counter_plans.size();
  if (options.searching) options.searching(result.candidates, result.counter_plans);
  CaseDrawer drawer(scenario, levers, models, options);
  PlanCase baseline = drawer.MakeCase({}, {});
  drawer.DrawAll(baseline);
  result.baseline_probability = CaseProbability(baseline, options.target);
  if (options.exhaustive) {
    ExhaustiveSearch(space, drawer, baseline, result);
  } else {
    SequentialSearch(space, drawer, baseline, result);
  }
  result.draws = drawer.draws_spent();
  if (!result.cancelled && options.progress) {
    options.progress(space.candidates.size(), space.candidates.size());
  }
  return result;
}

}  // namespace statecraft
