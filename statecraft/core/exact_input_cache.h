// A bounded, thread-safe memory of a deterministic computation's results, keyed on the exact bits
// of everything the computation reads. The optimiser and the answer run the same draw under many
// plans with common random numbers, and a plan that leaves part of a scenario alone gives that
// part the very same input: a model's run of it can be looked up instead of repeated. Two inputs
// share a result only when every number (and every bit of it: 0.0 and -0.0 differ) is the same,
// so a remembered result is the one a new run would give, bit for bit.
#ifndef STATECRAFT_CORE_EXACT_INPUT_CACHE_H_
#define STATECRAFT_CORE_EXACT_INPUT_CACHE_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace statecraft {

// Builds a cache key from numbers' bits.
class ExactKey {
 public:
  template <typename T>
  void Add(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>, "a key holds plain numbers only");
    bits_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  // The vector's length, then its numbers.
  void Add(const std::vector<double>& numbers) {
    Add(numbers.size());
    bits_.append(reinterpret_cast<const char*>(numbers.data()), numbers.size() * sizeof(double));
  }
  void Reserve(std::size_t bytes) { bits_.reserve(bytes); }
  std::string Take() && { return std::move(bits_); }

 private:
  std::string bits_;
};

// Lookups that found a remembered result, and all lookups, since the program started.
struct ExactInputCacheCounts {
  long long hits = 0;
  long long lookups = 0;
};

// Remembers up to about `budget_bytes` of results in two generations of half that each: when the
// newer is full it becomes the older and the oldest is dropped; a hit in the older generation
// moves the result to the newer. `bytes_of(result)` is a result's heap size beyond sizeof(Value).
// Safe from any thread.
template <typename Value>
class ExactInputCache {
 public:
  using BytesOf = std::size_t (*)(const Value&);

  ExactInputCache(std::size_t budget_bytes, BytesOf bytes_of)
      : budget_bytes_(budget_bytes), bytes_of_(bytes_of) {}

  // The remembered result of `key`, or compute() remembered under it. A compute() that throws
  // leaves nothing behind (a failing input is an error every time). compute() runs without the
  // lock, so two threads may compute the same key at once; both get the same result.
  template <typename Compute>
  Value FindOrCompute(std::string key, Compute&& compute) {
    Value value;
    if (Find(key, &value)) return value;
    value = compute();
    Insert(std::move(key), value);
    return value;
  }

  ExactInputCacheCounts Counts() {
    std::lock_guard<std::mutex> lock(mutex_);
    return {hits_, lookups_};
  }

 private:
  bool Find(const std::string& key, Value* value) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++lookups_;
    if (const auto it = newer_.find(key); it != newer_.end()) {
      ++hits_;
      *value = it->second;
      return true;
    }
    const auto it = older_.find(key);
    if (it == older_.end()) return false;
    ++hits_;
    Value found = std::move(it->second);
    older_.erase(it);
    *value = found;
    InsertLocked(key, std::move(found));
    return true;
  }

  void Insert(std::string key, Value value) {
    std::lock_guard<std::mutex> lock(mutex_);
    InsertLocked(std::move(key), std::move(value));
  }

  void InsertLocked(std::string key, Value value) {
    constexpr std::size_t kNodeOverhead = 96;  // the map's node, bucket and allocation headers
    const std::size_t bytes = kNodeOverhead + key.capacity() + sizeof(Value) + bytes_of_(value);
    if (newer_bytes_ + bytes > budget_bytes_ / 2) {
      older_ = std::move(newer_);
      newer_ = {};
      newer_bytes_ = 0;
    }
    if (newer_.emplace(std::move(key), std::move(value)).second) newer_bytes_ += bytes;
  }

  const std::size_t budget_bytes_;
  const BytesOf bytes_of_;
  std::mutex mutex_;
  std::unordered_map<std::string, Value> newer_, older_;
  std::size_t newer_bytes_ = 0;
  long long hits_ = 0;
  long long lookups_ = 0;
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_EXACT_INPUT_CACHE_H_
