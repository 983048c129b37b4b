// Optimize: the cheapest plan, built from the declared levers at their declared magnitudes
// (each lever off or at one of its steps), that meets a target with at least a required
// probability — against the opponent's best counter-levers within its budget.
//
// The answer: among every combination of lever steps within the budget, taken in order of cost
// (then fewer levers), the first whose robust probability meets the requirement; the next few
// that meet it are the runners-up. A plan's probability is first taken without counter-levers;
// its robust probability is the lowest of that and its probability against each counter-plan
// the opponent can afford (each counter-lever off or at one of its steps: the opponent's best
// response). With several models the probability of a plan is the lowest over the models (the
// plan must work whichever model is right). Every evaluation uses the same draws (common random
// numbers), so plans are compared on the same sampled worlds. Combinations that are not plans are
// left out: levers that contradict each other (ValidatePlan), and a candidate or a candidate with
// a counter-plan that takes out every actor with a position on an issue, which then has no
// outcome (IssueLeftWithoutPositions).
//
// Two searches give that answer:
//   - exhaustive (OptimizeOptions::exhaustive): every plan on every draw; a plan that meets the
//     requirement without counter-levers is weighed against every counter-plan on every draw.
//   - sequential (the default): each probability is tested look by look on the same draws
//     (stopping_rule.h) and drawing stops once its comparison with the requirement is settled
//     — surely, or with a chance below 10^-6 of disagreeing with the exhaustive search's value;
//     counter-plans are tried most damaging first (those that have beaten earlier plans) and the
//     first that beats a plan ends its weighing; a dearer superset of a plan found to meet the
//     target is not weighed (it cannot be the cheapest, and as a runner-up it only adds levers to
//     a plan that works). Counter-plans are pruned only by the opponent's budget: the models are
//     not monotone in the levers, so a counter-plan's effect says nothing about another's. The
//     cheapest plan, the runners-up and the closest plans are then drawn to the last draw without
//     counter-levers, and their best counter-plan is found by racing the counter-plans against
//     the lowest probability found so far. Probabilities shown are therefore the exhaustive
//     search's own, except a counter-plan's where the race may stop at another within the Monte
//     Carlo error shown beside it.
#ifndef STATECRAFT_ANALYSIS_OPTIMIZE_H_
#define STATECRAFT_ANALYSIS_OPTIMIZE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/levers/lever.h"

namespace statecraft {

struct OptimizeOptions {
  SweepOptions sweep;
  Target target;
  double probability = 0.8;
  std::optional<double> budget;  // the most the plan may cost; none: no limit
  int runners_up = 3;
  std::size_t max_candidates = 100000;  // a guard against a grid too large to search
  // Every plan on every draw against every counter-plan (see the file comment); false: the
  // sequential search, which gives the same cheapest plan.
  bool exhaustive = false;
  // Called after each candidate plan is weighed, with (plans weighed, plans within the budget);
  // the search usually ends well before the last. May be empty.
  std::function<void(std::size_t, std::size_t)> progress;
  // Called once before the search, with (plans within the budget, counter-plans within the
  // opponent's budget): with the draws per case and the models, what bounds the draws the search
  // can spend. May be empty.
  std::function<void(std::size_t, std::size_t)> searching;
  // Polled between plans; when it returns true the search stops and the result is marked
  // cancelled (incomplete). May be empty.
  std::function<bool()> cancelled;
};

struct PlanEvaluation {
  std::vector<AppliedLever> levers;
  double cost = 0.0;
  double probability = 0.0;        // without counter-levers (lowest over models)
  double probability_error = 0.0;  // its Monte Carlo standard error
  // The target issue's median outcome without counter-levers, of the model furthest from the
  // target: how close the plan comes when the probability is 0.
  double median = 0.0;
  std::optional<double> countered_probability;  // against the best counter-plan
  double countered_error = 0.0;                 // its Monte Carlo standard error
  std::vector<AppliedLever> best_counter;       // the counter-plan that achieves it
  double counter_cost = 0.0;
  bool meets = false;
  // The probability and median are estimates from the draws a sequential test needed to set the
  // plan aside (fewer than OptimizeOptions::sweep.draws).
  bool estimated = false;
};

struct OptimizeResult {
  std::size_t candidates = 0;     // plans within the budget
  std::size_t evaluated = 0;      // plans whose probability was estimated
  std::size_t counter_plans = 0;  // counter-plans within the opponent's budget
  std::size_t pruned = 0;         // dearer supersets of a plan that meets, not weighed
  // Draws spent (one model run each: draws × models), and the draws the exhaustive search would
  // have spent on the same plans beyond those (the sequential search's savings; 0 when
  // exhaustive).
  std::uint64_t draws = 0;
  std::uint64_t draws_saved = 0;
  double baseline_probability = 0.0;
  std::optional<PlanEvaluation> best;  // the cheapest plan that meets the target
  std::vector<PlanEvaluation> runners_up;
  // When no plan meets the target: the plans with the highest probability without
  // counter-levers (then the median nearest the target), with their countered probability (at
  // most runners_up + 1 of them).
  std::vector<PlanEvaluation> closest;
  bool cancelled = false;  // the search was stopped by OptimizeOptions::cancelled
};

OptimizeResult Optimize(const Scenario& scenario, const LeverSet& levers,
                        const std::vector<ModelChoice>& models, const OptimizeOptions& options);

// Every combination of the given levers, each off or at one of its steps, with cost ≤ budget;
// combinations that contradict each other are left out. Ordered by cost, then size.
std::vector<std::vector<AppliedLever>> EnumeratePlans(const Scenario& scenario,
                                                      const LeverSet& levers, bool counter,
                                                      std::optional<double> budget,
                                                      std::size_t max_candidates);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_OPTIMIZE_H_
