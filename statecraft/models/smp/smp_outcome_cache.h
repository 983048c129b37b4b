// What a sweep's draw needs of one smp run (its last positions and turn count), remembered per
// input. The built-in scenario is run issue by issue (dimensions=auto), and a plan that leaves an
// issue's actors alone gives that run the very same input under common random numbers: the
// run is then looked up instead of repeated (statecraft/core/exact_input_cache.h). The engine is
// deterministic given its input, switches and seed, so a remembered final state is the one a new
// run would give, bit for bit.
#ifndef STATECRAFT_MODELS_SMP_SMP_OUTCOME_CACHE_H_
#define STATECRAFT_MODELS_SMP_SMP_OUTCOME_CACHE_H_

#include <cstddef>
#include <cstdint>

#include "statecraft/core/exact_input_cache.h"
#include "statecraft/models/smp/smp.h"

namespace statecraft {

// RunSmpOutcome, for inputs seen recently: the process keeps the final states of up to about
// kSmpOutcomeCacheBytes of runs. Keys hold every switch, the seed and every input number as bits.
// Safe from any thread. Throws what RunSmpOutcome throws (a failing input is not remembered).
SmpFinalState RunSmpOutcomeRemembered(const SmpInput& input, const SmpConfig& config,
                                      std::uint64_t seed);

inline constexpr std::size_t kSmpOutcomeCacheBytes = std::size_t{4} << 20;

// Lookups that found a remembered final state, and all lookups, since the program started.
ExactInputCacheCounts SmpOutcomeCacheCounters();

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_SMP_SMP_OUTCOME_CACHE_H_
