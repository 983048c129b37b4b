#include "statecraft/models/eum/eum_outcome_cache.h"

#include <string>
#include <utility>

#include "statecraft/core/exact_input_cache.h"

namespace statecraft {
namespace {

// Every option and every input number, as bits: equal keys mean equal runs.
std::string KeyOf(const EumIssueInput& input, const EumOptions& options) {
  ExactKey key;
  key.Reserve(96 + 8 * (input.position.size() + input.capability.size() + input.salience.size()));
  key.Add(static_cast<int>(options.probability));
  key.Add(static_cast<int>(options.probability_risk));
  key.Add(static_cast<int>(options.perspective));
  key.Add(static_cast<int>(options.compromise_key));
  key.Add(options.capitulation);
  key.Add(options.q);
  key.Add(static_cast<int>(options.range));
  key.Add(options.rounds);
  key.Add(static_cast<int>(options.stop));
  key.Add(options.epsilon);
  key.Add(options.straightforward);
  key.Add(input.position);
  key.Add(input.capability);
  key.Add(input.salience);
  return std::move(key).Take();
}

EumIssueOutcome Reduce(const EumIssueInput& input, const EumIssueResult& result) {
  EumIssueOutcome outcome;
  outcome.moved = !result.rounds.empty();
  outcome.positions = outcome.moved ? result.rounds.back().positions : input.position;
  outcome.last_median = outcome.moved ? result.rounds.back().median : 0.0;
  outcome.initial_median = result.initial_median;
  outcome.outcome = result.outcome;
  outcome.settled = result.settled;
  outcome.outcome_low = result.outcome_low;
  outcome.outcome_high = result.outcome_high;
  outcome.cycle_period = result.has_cycle ? result.cycle.period : 0;
  return outcome;
}

std::size_t HeapBytesOf(const EumIssueOutcome& outcome) {
  return outcome.positions.capacity() * sizeof(double);
}

ExactInputCache<EumIssueOutcome>& Shared() {
  // Never destroyed: threads may outlive main.
  static auto* cache = new ExactInputCache<EumIssueOutcome>(kEumOutcomeCacheBytes, HeapBytesOf);
  return *cache;
}

}  // namespace

EumIssueOutcome RunEumIssueOutcome(const EumIssueInput& input, const EumOptions& options) {
  return Shared().FindOrCompute(KeyOf(input, options),
                                [&] { return Reduce(input, RunEumIssue(input, options)); });
}

ExactInputCacheCounts EumOutcomeCacheCounters() { return Shared().Counts(); }

}  // namespace statecraft
