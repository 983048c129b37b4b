#include "statecraft/analysis/forecast_distribution.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace statecraft {

ForecastDistribution::ForecastDistribution(std::vector<double> points, IssueError error)
    : points_(std::move(points)), error_(std::move(error)) {
  if (points_.empty()) throw std::logic_error("ForecastDistribution: no point forecast");
  std::sort(points_.begin(), points_.end());
}

double ForecastDistribution::CountUpTo(double value, bool strict) const {
  // The atoms Atom(m, k) are non-decreasing both in the point m (points_ is sorted) and in the
  // residual k, so for each k those up to `value` come from a prefix of the points, and the
  // prefix only shortens as k grows: one walk down the points and along the residuals counts
  // them all, in points + residuals steps instead of residuals × log(points).
  auto counted = [&](double atom) { return strict ? atom < value : atom <= value; };
  const int atoms = error_.Atoms();
  std::size_t prefix = points_.size();
  long long count = 0;
  for (int k = 0; k < atoms && prefix > 0; ++k) {
    while (prefix > 0 && !counted(error_.Atom(points_[prefix - 1], k))) --prefix;
    count += static_cast<long long>(prefix);
  }
  return static_cast<double>(count);
}

double ForecastDistribution::AtMost(double value) const {
  return CountUpTo(value, false) / (static_cast<double>(points_.size()) * error_.Atoms());
}

double ForecastDistribution::Below(double value) const {
  return CountUpTo(value, true) / (static_cast<double>(points_.size()) * error_.Atoms());
}

double ForecastDistribution::Quantile(double probability) const {
  double low = error_.Atom(points_.front(), 0);
  double high = error_.Atom(points_.back(), error_.Atoms() - 1);
  if (AtMost(low) >= probability) return low;
  // Invariant: F(low) < p ≤ F(high). Bisection down to adjacent doubles; the answer, an atom in
  // (low, high], is then `high` itself.
  // Atoms beyond the doubles (a scale near ±1e308 widened by the model's error) are bisected from
  // the largest finite doubles; halves are added, not the span, which would overflow.
  low = std::clamp(low, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
  high = std::clamp(high, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
  for (;;) {
    const double middle = 0.5 * low + 0.5 * high;
    if (!(middle > low && middle < high)) return high;
    if (AtMost(middle) >= probability) {
      high = middle;
    } else {
      low = middle;
    }
  }
}

double ForecastDistribution::Crps(double outcome) const {
  // Thin the draws when the atoms would be too many (kCrpsAtomLimit).
  const long atoms_per_point = error_.Atoms();
  const long point_count = static_cast<long>(points_.size());
  const long step =
      std::max(1L, (point_count * atoms_per_point + kCrpsAtomLimit - 1) / kCrpsAtomLimit);
  std::vector<double> atoms;
  atoms.reserve(static_cast<std::size_t>((point_count / step + 1) * atoms_per_point));
  for (long d = 0; d < point_count; d += step) {
    for (int k = 0; k < atoms_per_point; ++k) atoms.push_back(error_.Atom(points_[d], k));
  }
  std::sort(atoms.begin(), atoms.end());
  // F is a step function: constant between consecutive atoms; the indicator steps at the
  // outcome. Integrate (F − 1{x ≥ y})² segment by segment.
  const double total = static_cast<double>(atoms.size());
  double score = 0.0;
  double previous = std::min(atoms.front(), outcome);
  std::size_t below = 0;  // the atoms ≤ the start of the current segment: F's numerator
  auto integrate_to = [&](double end) {
    if (end <= previous) return;
    const double f = static_cast<double>(below) / total;
    const double indicator = previous >= outcome ? 1.0 : 0.0;
    score += (f - indicator) * (f - indicator) * (end - previous);
    previous = end;
  };
  std::size_t k = 0;
  bool passed_outcome = false;
  while (k < atoms.size() || !passed_outcome) {
    const double next_atom = k < atoms.size() ? atoms[k] : HUGE_VAL;
    if (!passed_outcome && outcome <= next_atom) {
      integrate_to(outcome);
      passed_outcome = true;
      continue;
    }
    integrate_to(next_atom);
    while (k < atoms.size() && atoms[k] == next_atom) {
      ++below;
      ++k;
    }
  }
  return score;
}

double ForecastDistribution::RandomizedPit(double outcome, double u) const {
  const double below = Below(outcome);
  return below + u * (AtMost(outcome) - below);
}

}  // namespace statecraft
