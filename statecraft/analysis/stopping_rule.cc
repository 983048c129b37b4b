#include "statecraft/analysis/stopping_rule.h"

#include <algorithm>
#include <cmath>

namespace statecraft {
namespace {

// The first look; later looks add half the draws so far (16, 24, 36, 54, ...).
constexpr int kFirstLook = 16;
// The normal approximation is trusted from this many draws on.
constexpr int kNormalFrom = 24;
// The z with Phi(-z) = risk (bisection: monotone, and called rarely enough).
double UpperNormalQuantile(double risk) {
  double low = 0.0;
  double high = 40.0;
  for (int step = 0; step < 60; ++step) {
    const double middle = (low + high) / 2;
    (0.5 * std::erfc(middle / std::sqrt(2.0)) > risk ? low : high) = middle;
  }
  return high;
}
// Guards the comparisons of sums of doubles with the requirement.
constexpr double kSlack = 1e-12;

// Bernoulli relative entropy KL(x‖q), with 0 log 0 = 0; q strictly inside (0, 1).
double RelativeEntropy(double x, double q) {
  double value = 0.0;
  if (x > 0.0) value += x * std::log(x / q);
  if (x < 1.0) value += (1.0 - x) * std::log((1.0 - x) / (1.0 - q));
  return value;
}

}  // namespace

double RunningMean::StandardError() const {
  if (draws < 2) return 0.0;
  const double mean = Mean();
  const double variance =
      std::max(0.0, (sum_squares - draws * mean * mean) / static_cast<double>(draws - 1));
  return std::sqrt(variance / draws);
}

double RegularizedVariance(const RunningMean& seen) {
  const double mean = seen.Mean();
  const double squares = std::max(0.0, seen.sum_squares - seen.draws * mean * mean);
  return (squares + mean * mean + (1.0 - mean) * (1.0 - mean)) / (seen.draws + 1);
}

double DisagreementChance(double mean, int draws, int total, double required) {
  if (draws >= total) return 0.0;
  if (required <= 0.0 || required >= 1.0 || mean == required) return 1.0;
  const int rest = total - draws;
  const double needed = (total * required - draws * mean) / rest;  // the rest's mean to cross
  if (needed < 0.0 || needed > 1.0) return 0.0;
  const double exponent =
      draws * RelativeEntropy(mean, required) + rest * RelativeEntropy(needed, required);
  return std::exp(-exponent);
}

Verdict TestAgainst(const RunningMean& seen, int total, double required, double risk) {
  const double most = (seen.sum + (total - seen.draws)) / total;
  const double least = seen.sum / total;
  if (seen.draws >= total) return least >= required ? Verdict::kAtLeast : Verdict::kBelow;
  if (most < required - kSlack) return Verdict::kBelow;
  if (least >= required + kSlack) return Verdict::kAtLeast;
  if (seen.draws == 0) return Verdict::kUndecided;
  const double mean = seen.Mean();
  const Verdict side = mean < required ? Verdict::kBelow : Verdict::kAtLeast;
  if (DisagreementChance(mean, seen.draws, total, required) < risk) return side;
  if (seen.draws >= kNormalFrom && mean != required) {
    const int rest = total - seen.draws;
    const double needed = (total * required - seen.sum) / rest;
    const double spread = std::sqrt(RegularizedVariance(seen) * (1.0 / rest + 1.0 / seen.draws));
    static const double kDefaultQuantile = UpperNormalQuantile(kSequentialRisk);
    const double quantile = risk == kSequentialRisk ? kDefaultQuantile : UpperNormalQuantile(risk);
    if (std::abs(needed - mean) > quantile * spread) return side;
  }
  return Verdict::kUndecided;
}

int NextLook(int drawn, int total) {
  if (drawn >= total) return total;
  int look = kFirstLook;
  while (look <= drawn) look += look / 2;
  return std::min(look, total);
}

}  // namespace statecraft
