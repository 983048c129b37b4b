#include "statecraft/models/eum/eum_outcome_cache.h"

#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace statecraft {
namespace {

template <typename T>
void Append(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Every option and every input number, as bits: equal keys mean equal runs.
std::string KeyOf(const EumIssueInput& input, const EumOptions& options) {
  std::string key;
  const std::size_t n = input.position.size();
  key.reserve(64 + 8 * (input.position.size() + input.capability.size() + input.salience.size()));
  Append(key, static_cast<int>(options.probability));
  Append(key, static_cast<int>(options.probability_risk));
  Append(key, static_cast<int>(options.perspective));
  Append(key, static_cast<int>(options.compromise_key));
  Append(key, options.capitulation);
  Append(key, options.q);
  Append(key, static_cast<int>(options.range));
  Append(key, options.rounds);
  Append(key, static_cast<int>(options.stop));
  Append(key, options.epsilon);
  Append(key, options.straightforward);
  Append(key, n);
  Append(key, input.capability.size());
  Append(key, input.salience.size());
  for (const std::vector<double>* numbers : {&input.position, &input.capability, &input.salience}) {
    key.append(reinterpret_cast<const char*>(numbers->data()), numbers->size() * sizeof(double));
  }
  return key;
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

std::size_t BytesOf(const std::string& key, const EumIssueOutcome& outcome) {
  constexpr std::size_t kNodeOverhead = 96;  // the map's node, bucket and allocation headers
  return kNodeOverhead + key.capacity() + sizeof(EumIssueOutcome) +
         outcome.positions.capacity() * sizeof(double);
}

class OutcomeCache {
 public:
  bool Find(const std::string& key, EumIssueOutcome* outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++lookups_;
    if (const auto it = newer_.find(key); it != newer_.end()) {
      ++hits_;
      *outcome = it->second;
      return true;
    }
    const auto it = older_.find(key);
    if (it == older_.end()) return false;
    ++hits_;
    EumIssueOutcome found = std::move(it->second);
    older_.erase(it);
    *outcome = found;
    InsertLocked(key, std::move(found));
    return true;
  }

  void Insert(std::string key, EumIssueOutcome outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    InsertLocked(std::move(key), std::move(outcome));
  }

  EumOutcomeCacheCounts Counts() {
    std::lock_guard<std::mutex> lock(mutex_);
    return {hits_, lookups_};
  }

 private:
  void InsertLocked(std::string key, EumIssueOutcome outcome) {
    const std::size_t bytes = BytesOf(key, outcome);
    if (newer_bytes_ + bytes > kEumOutcomeCacheBytes / 2) {
      older_ = std::move(newer_);
      newer_ = {};
      newer_bytes_ = 0;
    }
    if (newer_.emplace(std::move(key), std::move(outcome)).second) newer_bytes_ += bytes;
  }

  std::mutex mutex_;
  std::unordered_map<std::string, EumIssueOutcome> newer_, older_;
  std::size_t newer_bytes_ = 0;
  long long hits_ = 0;
  long long lookups_ = 0;
};

OutcomeCache& Shared() {
  static OutcomeCache* cache = new OutcomeCache();  // never destroyed: threads may outlive main
  return *cache;
}

}  // namespace

EumIssueOutcome RunEumIssueOutcome(const EumIssueInput& input, const EumOptions& options) {
  std::string key = KeyOf(input, options);
  EumIssueOutcome outcome;
  if (Shared().Find(key, &outcome)) return outcome;
  outcome = Reduce(input, RunEumIssue(input, options));
  Shared().Insert(std::move(key), outcome);
  return outcome;
}

EumOutcomeCacheCounts EumOutcomeCacheCounters() { return Shared().Counts(); }

}  // namespace statecraft
