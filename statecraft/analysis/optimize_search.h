// The two searches of optimize.h (its file comment): what they share, and each search.
#ifndef STATECRAFT_ANALYSIS_OPTIMIZE_SEARCH_H_
#define STATECRAFT_ANALYSIS_OPTIMIZE_SEARCH_H_

#include <cstddef>
#include <vector>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/plan_cases.h"

namespace statecraft {

struct SearchSpace {
  const Scenario& scenario;
  const OptimizeOptions& options;
  std::vector<std::vector<AppliedLever>> candidates;     // cheapest first
  std::vector<std::vector<AppliedLever>> counter_plans;  // within the opponent's budget
};

// The counter-plans (indices into space.counter_plans) that are options against `plan`: not the
// empty one, and none that with the plan takes out every actor with a position on an issue.
std::vector<std::size_t> CounterOptions(const SearchSpace& space,
                                        const std::vector<AppliedLever>& plan);

// The evaluation's probability, its error, median and whether they are estimates, from the
// plan's case without counter-levers. Without `with_median` the median is left as it is: it is
// the dearest of the three, and only needed to show a plan or to rank plans of equal
// probability (Closer).
void TakeWithoutCounter(const PlanCase& base, int total, const Target& target,
                        PlanEvaluation& evaluation, bool with_median = true);

// Orders failed plans from closest to the target: highest probability without counter-levers,
// then the median nearest the target (stable: cheapest first on ties).
bool Closer(const PlanEvaluation& a, const PlanEvaluation& b, const Target& target);

// The searches fill the result's best plan, runners-up or closest plans, the plans weighed and
// pruned, cancelled, and draws_saved; `baseline` is the case of no plan, fully drawn.
void ExhaustiveSearch(const SearchSpace& space, CaseDrawer& drawer, const PlanCase& baseline,
                      OptimizeResult& result);
void SequentialSearch(const SearchSpace& space, CaseDrawer& drawer, const PlanCase& baseline,
                      OptimizeResult& result);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_OPTIMIZE_SEARCH_H_
