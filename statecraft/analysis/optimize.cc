#include "statecraft/analysis/optimize.h"

#include <algorithm>

#include "statecraft/analysis/sweep_error.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft {
namespace {

// The probability of the target with these levers and counter-levers: the lowest over models;
// `median` (optional) receives the target issue's median furthest from the target.
double Evaluate(const Scenario& scenario, const LeverSet& levers,
                const std::vector<ModelChoice>& models, const OptimizeOptions& options,
                const std::vector<AppliedLever>& plan, const std::vector<AppliedLever>& counter,
                double* median = nullptr) {
  SweepPlan sweep_plan;
  sweep_plan.levers = FixedLevers(levers, plan, false);
  sweep_plan.counter = FixedLevers(levers, counter, true);
  double lowest = 1.0;
  const Scenario for_error =
      options.sweep.calibration != nullptr ? ScenarioForError(scenario, sweep_plan) : Scenario();
  for (const ModelChoice& model : models) {
    const SweepResult result =
        RunSweep(scenario, sweep_plan, *model.info, model.params, options.sweep);
    IssueError error;
    if (options.sweep.calibration != nullptr) {
      error = BindIssueErrors(options.sweep.calibration.get(), ModelLabel(model),
                              for_error)[options.target.issue];
    }
    lowest = std::min(lowest, TargetProbability(result, options.target, error));
    if (median != nullptr) {
      const double value = SummarizeIssue(result, options.target.issue, error).median;
      const bool further = options.target.at_most ? value > *median : value < *median;
      if (&model == &models.front() || further) *median = value;
    }
  }
  return lowest;
}

void Countered(const Scenario& scenario, const LeverSet& levers,
               const std::vector<ModelChoice>& models, const OptimizeOptions& options,
               const std::vector<std::vector<AppliedLever>>& counter_plans,
               PlanEvaluation& evaluation) {
  evaluation.countered_probability = evaluation.probability;
  evaluation.best_counter.clear();
  evaluation.counter_cost = 0.0;
  std::vector<const Lever*> plan;
  for (const AppliedLever& applied : evaluation.levers) plan.push_back(applied.lever);
  for (const auto& counter : counter_plans) {
    if (counter.empty()) continue;
    // A counter-plan that, with this plan, takes out every actor with a position on an issue
    // leaves that issue without an outcome: it is not an option against this plan.
    std::vector<const Lever*> counter_levers;
    for (const AppliedLever& applied : counter) counter_levers.push_back(applied.lever);
    if (IssueLeftWithoutPositions(scenario, counter_levers, plan)) continue;
    const double probability =
        Evaluate(scenario, levers, models, options, evaluation.levers, counter);
    if (probability < *evaluation.countered_probability) {
      evaluation.countered_probability = probability;
      evaluation.best_counter = counter;
      evaluation.counter_cost = PlanCost(counter);
    }
  }
}

// Screening (OptimizeOptions::screen_draws): the first draws of a plan are the same draws as in
// the full evaluation, so a plan whose screening probability falls below half the requirement is
// set aside with that estimate. Returns true when the plan was set aside.
bool Screen(const Scenario& scenario, const LeverSet& levers,
            const std::vector<ModelChoice>& models, const OptimizeOptions& options,
            PlanEvaluation& evaluation) {
  if (options.screen_draws <= 0 || options.screen_draws >= options.sweep.draws) return false;
  OptimizeOptions screen = options;
  screen.sweep.draws = options.screen_draws;
  double median = evaluation.median;
  const double probability =
      Evaluate(scenario, levers, models, screen, evaluation.levers, {}, &median);
  if (probability >= options.probability / 2) return false;
  evaluation.probability = probability;
  evaluation.median = median;
  evaluation.screened = true;
  return true;
}

}  // namespace

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
  const auto candidates =
      EnumeratePlans(scenario, levers, false, options.budget, options.max_candidates);
  const auto counter_plans =
      EnumeratePlans(scenario, levers, true, levers.counter.budget, options.max_candidates);
  result.candidates = candidates.size();
  result.counter_plans = counter_plans.size();
  double baseline_median = 0.0;
  result.baseline_probability =
      Evaluate(scenario, levers, models, options, {}, {}, &baseline_median);
  auto stop_requested = [&options] { return options.cancelled && options.cancelled(); };
  std::vector<PlanEvaluation> failed;
  for (const auto& plan : candidates) {
    if (stop_requested()) {
      result.cancelled = true;
      return result;
    }
    if (options.progress) options.progress(result.evaluated, candidates.size());
    PlanEvaluation evaluation;
    evaluation.levers = plan;
    evaluation.cost = PlanCost(plan);
    evaluation.median = baseline_median;
    if (plan.empty()) {
      evaluation.probability = result.baseline_probability;
    } else if (!Screen(scenario, levers, models, options, evaluation)) {
      evaluation.probability =
          Evaluate(scenario, levers, models, options, plan, {}, &evaluation.median);
    }
    ++result.evaluated;
    if (evaluation.probability < options.probability) {
      failed.push_back(evaluation);
      continue;
    }
    Countered(scenario, levers, models, options, counter_plans, evaluation);
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
  if (!result.best) {
    // Nothing meets the target: report the plans that come closest (cheapest first on ties).
    const bool at_most = options.target.at_most;
    auto closer = [at_most](const auto& a, const auto& b) {
      if (a.probability != b.probability) return a.probability > b.probability;
      return at_most ? a.median < b.median : a.median > b.median;
    };
    std::stable_sort(failed.begin(), failed.end(), closer);
    // The leaders may carry screening estimates: evaluate them on every draw, then re-rank.
    const std::size_t leaders =
        std::min(failed.size(), static_cast<std::size_t>(2 * (options.runners_up + 1)));
    for (std::size_t k = 0; k < leaders; ++k) {
      if (!failed[k].screened) continue;
      failed[k].probability =
          Evaluate(scenario, levers, models, options, failed[k].levers, {}, &failed[k].median);
      failed[k].screened = false;
    }
    std::stable_sort(failed.begin(), failed.begin() + leaders, closer);
    const std::size_t count =
        std::min(failed.size(), static_cast<std::size_t>(options.runners_up + 1));
    for (std::size_t k = 0; k < count; ++k) {
      if (stop_requested()) {
        result.cancelled = true;
        return result;
      }
      if (!failed[k].countered_probability) {
        Countered(scenario, levers, models, options, counter_plans, failed[k]);
      }
      result.closest.push_back(failed[k]);
    }
  }
  if (options.progress) options.progress(candidates.size(), candidates.size());
  return result;
}

}  // namespace statecraft
