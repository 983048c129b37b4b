#include "statecraft/analysis/whatif.h"

#include "statecraft/analysis/run.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"

namespace statecraft {

Forecast RunWithLevers(const Scenario& scenario, const ModelChoice& model,
                       const std::vector<AppliedLever>& counter,
                       const std::vector<AppliedLever>& levers, std::uint64_t seed,
                       std::vector<DealReport>* deals) {
  std::vector<const Lever*> counter_levers;
  std::vector<const Lever*> plan_levers;
  for (const AppliedLever& applied : counter) counter_levers.push_back(applied.lever);
  for (const AppliedLever& applied : levers) plan_levers.push_back(applied.lever);
  if (auto problem = IssueLeftWithoutPositions(scenario, counter_levers, plan_levers)) {
    throw InputError(*problem);
  }
  Scenario working = scenario;
  ApplyLevers(working, counter, nullptr);
  ApplyLevers(working, levers, deals);
  const auto instance = model.info->create(model.params);
  return RunModel(*model.info, *instance, model.params, working, seed);
}

WhatifResult RunWhatif(const Scenario& scenario, const LeverSet& levers,
                       const std::vector<Plan>& plans, const std::vector<ModelChoice>& models,
                       const SweepOptions& options, const std::optional<Target>& target,
                       const std::vector<AppliedLever>& counter) {
  for (const Plan& plan : plans) ValidatePlan(scenario, levers, plan);
  WhatifResult result;
  result.target = target;
  result.counter = counter;
  std::vector<Plan> cases = {Plan{"baseline", "no lever", {}}};
  cases.insert(cases.end(), plans.begin(), plans.end());
  for (const Plan& plan : cases) {
    WhatifCase item;
    item.name = plan.name;
    item.description = plan.description;
    item.levers = ResolvePlan(levers, plan);
    item.cost = PlanCost(item.levers);
    SweepPlan sweep_plan = MakeSweepPlan(levers, plan);
    sweep_plan.counter = FixedLevers(levers, counter, /*counter=*/true);
    if (auto problem = IssueLeftWithoutPositions(scenario, sweep_plan)) {
      throw InputError("plan '" + plan.name + "' with the counter-levers: " + *problem);
    }
    for (std::size_t m = 0; m < models.size(); ++m) {
      const ModelChoice& model = models[m];
      WhatifCell cell;
      cell.model = model.info->name;
      cell.central = RunWithLevers(scenario, model, counter, item.levers, options.seed,
                                   m == 0 ? &item.deals : nullptr);
      cell.sweep = RunSweep(scenario, sweep_plan, *model.info, model.params, options);
      const std::vector<IssueError> errors =
          BindIssueErrors(options.calibration.get(), ModelLabel(model),
                          ScenarioForError(scenario, sweep_plan), &cell.model_error);
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        cell.quantiles.push_back(SummarizeIssue(cell.sweep, issue, errors[issue]));
      }
      if (target) {
        cell.target_probability = TargetProbability(cell.sweep, *target, errors[target->issue]);
      }
      item.cells.push_back(std::move(cell));
    }
    result.cases.push_back(std::move(item));
  }
  return result;
}

}  // namespace statecraft
