#include "statecraft/models/smp/smp_outcome_cache.h"

#include <string>
#include <utility>

namespace statecraft {
namespace {

// A new switch in SmpConfig changes its size: it must then be added to the key below.
static_assert(sizeof(SmpConfig) == 72, "SmpConfig changed: add the new field to KeyOf");

// Every switch, the seed and every input number, as bits: equal keys mean equal runs. The seed is
// in the key even when the state transitions are deterministic (the run does not read it then):
// the draws of one sweep share it across plans, which is where equal inputs come from.
std::string KeyOf(const SmpInput& input, const SmpConfig& config, std::uint64_t seed) {
  ExactKey key;
  key.Reserve(160 + 8 * (input.capability.size() + input.position.size() + input.salience.size() +
                         input.accommodation.size()));
  key.Add(static_cast<int>(config.victory_model));
  key.Add(static_cast<int>(config.pce_model));
  key.Add(static_cast<int>(config.state_transitions));
  key.Add(static_cast<int>(config.voting_rule));
  key.Add(static_cast<int>(config.risk_adjustment));
  key.Add(static_cast<int>(config.risk_range));
  key.Add(static_cast<int>(config.third_party_commit));
  key.Add(static_cast<int>(config.bargain_interpolation));
  key.Add(static_cast<int>(config.bargain_model));
  key.Add(config.min_iterations);
  key.Add(config.max_iterations);
  key.Add(config.min_delta_ratio);
  key.Add(config.min_significant_delta);
  key.Add(config.initial_bargains_risk_neutral);
  key.Add(seed);
  key.Add(input.actor_count);
  key.Add(input.dimension_count);
  key.Add(input.capability);
  key.Add(input.position);
  key.Add(input.salience);
  key.Add(input.accommodation);
  return std::move(key).Take();
}

std::size_t HeapBytesOf(const SmpFinalState& state) {
  return state.position.capacity() * sizeof(double);
}

ExactInputCache<SmpFinalState>& Shared() {
  // Never destroyed: threads may outlive main.
  static auto* cache = new ExactInputCache<SmpFinalState>(kSmpOutcomeCacheBytes, HeapBytesOf);
  return *cache;
}

}  // namespace

SmpFinalState RunSmpOutcomeRemembered(const SmpInput& input, const SmpConfig& config,
                                      std::uint64_t seed) {
  return Shared().FindOrCompute(KeyOf(input, config, seed),
                                [&] { return RunSmpOutcome(input, config, seed); });
}

ExactInputCacheCounts SmpOutcomeCacheCounters() { return Shared().Counts(); }

}  // namespace statecraft
