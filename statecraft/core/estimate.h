// Estimate: one number of a scenario, as an analyst gives it — a central value, optionally a
// range (low ≤ central ≤ high) that uncertainty analyses sample from, and a note on its source.
#ifndef STATECRAFT_CORE_ESTIMATE_H_
#define STATECRAFT_CORE_ESTIMATE_H_

#include <optional>
#include <string>

namespace statecraft {

struct Estimate {
  double central = 0.0;
  // Both set or both empty; low ≤ central ≤ high is checked when the scenario is validated.
  std::optional<double> low;
  std::optional<double> high;
  std::string source;

  Estimate() = default;
  Estimate(double value) : central(value) {}  // NOLINT: a plain number is a point estimate.
  Estimate(double low_value, double central_value, double high_value)
      : central(central_value), low(low_value), high(high_value) {}

  bool IsRanged() const { return low.has_value() && high.has_value() && *low < *high; }
  double Low() const { return low.value_or(central); }
  double High() const { return high.value_or(central); }
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_ESTIMATE_H_
