// Optimize: the cheapest plan, built from the declared levers at their declared magnitudes
// (each lever off or at one of its steps), that meets a target with at least a required
// probability — against the opponent's best counter-levers within its budget.
//
// Search: every combination of lever steps within the budget, in order of cost (then fewer
// levers). A candidate's probability is first estimated without counter-levers; only a
// candidate that meets the requirement there is evaluated against every counter-plan the
// opponent can afford (each counter-lever off or at one of its steps), and its robust
// probability is the lowest of those (the opponent's best response). The first candidate whose
// robust probability meets the requirement is the answer; the next few that meet it are the
// runners-up. With several models the probability of a plan is the lowest over the models (the
// plan must work whichever model is right). Every evaluation uses the same draws (common random
// numbers), so plans are compared on the same sampled worlds. Plans that are clearly short of the
// requirement after a few draws are set aside early (screen_draws). Combinations that are not
// plans are left out: levers that contradict each other (ValidatePlan), and a candidate or a
// candidate with a counter-plan that takes out every actor with a position on an issue, which
// then has no outcome (IssueLeftWithoutPositions).
#ifndef STATECRAFT_ANALYSIS_OPTIMIZE_H_
#define STATECRAFT_ANALYSIS_OPTIMIZE_H_

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
  // Screening: a plan whose probability over its first screen_draws draws is below half the
  // requirement is not evaluated further (0: evaluate every plan on every draw). With 25 draws
  // and a requirement of 0.8, a plan whose true probability is 0.8 is set aside with probability
  // P(Binomial(25, 0.8) < 10) < 1e-5.
  int screen_draws = 25;
  // Called after each candidate plan is weighed, with (plans weighed, plans within the budget);
  // the search usually ends well before the last. May be empty.
  std::function<void(std::size_t, std::size_t)> progress;
  // Polled between plans; when it returns true the search stops and the result is marked
  // cancelled (incomplete). May be empty.
  std::function<bool()> cancelled;
};

struct PlanEvaluation {
  std::vector<AppliedLever> levers;
  double cost = 0.0;
  double probability = 0.0;  // without counter-levers (lowest over models)
  // The target issue's median outcome without counter-levers, of the model furthest from the
  // target: how close the plan comes when the probability is 0.
  double median = 0.0;
  std::optional<double> countered_probability;  // against the best counter-plan
  std::vector<AppliedLever> best_counter;       // the counter-plan that achieves it
  double counter_cost = 0.0;
  bool meets = false;
  bool screened = false;  // probability and median are screening estimates (screen_draws draws)
};

struct OptimizeResult {
  std::size_t candidates = 0;     // plans within the budget
  std::size_t evaluated = 0;      // plans whose probability was estimated
  std::size_t counter_plans = 0;  // counter-plans within the opponent's budget
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
