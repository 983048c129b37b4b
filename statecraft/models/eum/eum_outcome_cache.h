// What a sweep's draw needs of one eum issue (its last state and its forecast), remembered per
// input. The optimiser and the answer run the same draw under many plans with common random
// numbers, and a plan that leaves an issue's actors alone gives that issue the very same input:
// its run is then looked up instead of repeated. The model is deterministic, so a remembered
// outcome is the one a new run would give, bit for bit.
#ifndef STATECRAFT_MODELS_EUM_EUM_OUTCOME_CACHE_H_
#define STATECRAFT_MODELS_EUM_EUM_OUTCOME_CACHE_H_

#include <cstddef>
#include <vector>

#include "statecraft/core/exact_input_cache.h"
#include "statecraft/models/eum/eum.h"

namespace statecraft {

// The part of EumIssueResult that the outcome-only run (Model::RunOutcome) reads.
struct EumIssueOutcome {
  bool moved = false;             // at least one round ran (EumIssueResult::rounds non-empty)
  std::vector<double> positions;  // after the last round run (moved) or the input positions
  double last_median = 0.0;       // the last round's median (moved)
  double initial_median = 0.0;
  double outcome = 0.0;
  bool settled = false;
  double outcome_low = 0.0;
  double outcome_high = 0.0;
  int cycle_period = 0;  // 0 when no state recurred
};

// RunEumIssue, reduced to EumIssueOutcome, for inputs seen recently: the process keeps the
// outcomes of up to about kEumOutcomeCacheBytes of inputs (two generations of half that each; a
// lookup in the older one moves the outcome to the newer). Keys are the inputs' and options' exact
// bits, so two inputs share an outcome only when every number is the same. Safe from any thread.
// Throws what RunEumIssue throws (a failing input is not remembered).
EumIssueOutcome RunEumIssueOutcome(const EumIssueInput& input, const EumOptions& options);

inline constexpr std::size_t kEumOutcomeCacheBytes = std::size_t{4} << 20;

// Lookups that found a remembered outcome, and all lookups, since the program started.
ExactInputCacheCounts EumOutcomeCacheCounters();

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_EUM_EUM_OUTCOME_CACHE_H_
