#include "statecraft/analysis/statistics.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace statecraft {
namespace {

// A key whose unsigned order is the order of the doubles (NaN aside), with -0 and +0 equal.
std::uint64_t OrderKey(double value) {
  if (value == 0.0) value = 0.0;
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

// Sorts (value, index) pairs by value, ties by index: the order std::sort gives the pairs, found
// by a least-significant-digit radix sort on OrderKey (stable, 11-bit digits; digits every key
// shares are skipped). Linear in the count, which matters for the drivers of 100,000 draws.
void RadixSortPairs(std::vector<std::pair<double, std::size_t>>& pairs) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
  constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;
  const std::size_t n = pairs.size();
  std::vector<std::pair<std::uint64_t, std::size_t>> keyed(n), buffer(n);
  std::vector<std::size_t> counts(kPasses * kBuckets, 0);
  for (std::size_t k = 0; k < n; ++k) {
    keyed[k] = {OrderKey(pairs[k].first), k};
    for (int pass = 0; pass < kPasses; ++pass) {
      ++counts[pass * kBuckets + ((keyed[k].first >> (pass * kDigitBits)) & (kBuckets - 1))];
    }
  }
  for (int pass = 0; pass < kPasses; ++pass) {
    std::size_t* count = counts.data() + pass * kBuckets;
    const std::size_t shift = static_cast<std::size_t>(pass) * kDigitBits;
    if (count[(keyed[0].first >> shift) & (kBuckets - 1)] == n) continue;  // one digit for all
    std::size_t offset = 0;
    for (std::size_t bucket = 0; bucket < kBuckets; ++bucket) {
      const std::size_t size = count[bucket];
      count[bucket] = offset;
      offset += size;
    }
    for (const auto& item : keyed) buffer[count[(item.first >> shift) & (kBuckets - 1)]++] = item;
    keyed.swap(buffer);
  }
  std::vector<std::pair<double, std::size_t>> sorted(n);
  for (std::size_t k = 0; k < n; ++k) sorted[k] = pairs[keyed[k].second];
  pairs.swap(sorted);
}

}  // namespace

double Quantile(std::vector<double> values, double probability) {
  std::sort(values.begin(), values.end());
  return QuantileOfSorted(values, probability);
}

double QuantileOfSorted(const std::vector<double>& sorted, double probability) {
  if (sorted.empty()) return NAN;
  const double position = probability * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  const double gap = sorted[above] - sorted[below];
  if (!std::isfinite(gap) && std::isfinite(sorted[below]) && std::isfinite(sorted[above])) {
    // Neighbours at the two ends of the double range: interpolated on halves (exact).
    return 2 * (sorted[below] / 2 + fraction * (sorted[above] / 2 - sorted[below] / 2));
  }
  return sorted[below] + fraction * gap;
}

void SortAndRank(const std::vector<double>& values,
                 std::vector<std::pair<double, std::size_t>>& pairs, std::vector<double>& ranks,
                 std::vector<double>* sorted) {
  constexpr std::size_t kRadixFrom = 2048;  // below, std::sort is as fast
  const std::size_t n = values.size();
  pairs.resize(n);
  for (std::size_t k = 0; k < n; ++k) pairs[k] = {values[k], k};
  const bool has_nan =
      std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  if (n >= kRadixFrom && !has_nan) {
    RadixSortPairs(pairs);
  } else {
    std::sort(pairs.begin(), pairs.end());
  }
  ranks.resize(n);
  std::size_t start = 0;
  while (start < n) {
    std::size_t end = start + 1;
    while (end < n && pairs[end].first == pairs[start].first) ++end;
    const double rank = 0.5 * static_cast<double>(start + end - 1) + 1.0;
    for (std::size_t k = start; k < end; ++k) ranks[pairs[k].second] = rank;
    start = end;
  }
  if (sorted != nullptr) {
    sorted->resize(n);
    for (std::size_t k = 0; k < n; ++k) (*sorted)[k] = pairs[k].first;
  }
}

std::vector<double> Ranks(const std::vector<double>& values) {
  std::vector<std::pair<double, std::size_t>> pairs;
  std::vector<double> ranks;
  SortAndRank(values, pairs, ranks, nullptr);
  return ranks;
}

double PearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2) return 0.0;
  const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double xy = 0.0, xx = 0.0, yy = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    xy += (x[k] - mean_x) * (y[k] - mean_y);
    xx += (x[k] - mean_x) * (x[k] - mean_x);
    yy += (y[k] - mean_y) * (y[k] - mean_y);
  }
  if (xx <= 0.0 || yy <= 0.0) return 0.0;
  return xy / std::sqrt(xx * yy);
}

double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
  return PearsonCorrelation(Ranks(x), Ranks(y));
}

}  // namespace statecraft
