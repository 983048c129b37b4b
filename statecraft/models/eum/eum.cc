// The per-issue run of the eum model (docs/models/eum.md §3): rounds, forecast statistics,
// stopping rules and cycle detection, on top of the round engines of eum_engine.h. Section
// numbers (§) refer to docs/models/eum.md.
#include "statecraft/models/eum/eum.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"
#include "statecraft/models/eum/eum_engine.h"

namespace statecraft {

namespace eum_internal {

// Risk exponents from the security levels Sec_i (eq. 32–34, docs/models/eum.md §3.5). When every
// actor is equally secure the spread is zero and every r is 1 (the guard of §3.5).
void RiskExponents(const std::vector<double>& security, std::vector<double>* risk) {
  const auto [low, high] = std::minmax_element(security.begin(), security.end());
  const double min_security = *low;
  const double max_security = *high;
  risk->assign(security.size(), 1.0);
  if (!(max_security > min_security)) return;
  for (std::size_t i = 0; i < security.size(); ++i) {
    double relative =
        (2.0 * security[i] - max_security - min_security) / (max_security - min_security);
    relative = std::clamp(relative, -1.0, 1.0);
    (*risk)[i] = (1.0 - relative / 3.0) / (1.0 + relative / 3.0);
  }
}

}  // namespace eum_internal

namespace {

using eum_internal::ChallengeUtility;
using eum_internal::FailureUtility;
using eum_internal::MakeCompressedEngine;
using eum_internal::MakeStraightforwardEngine;
using eum_internal::RoundEngine;
using eum_internal::StatusQuoTerm;
using eum_internal::StatusQuoUtility;
using eum_internal::SuccessUtility;

// Relative tolerance for "the cumulative weight reaches half": weights such as 0.1 + 0.2 that
// split exactly in half on paper must not fall to the next position by a rounding error.
constexpr double kHalfTolerance = 1e-12;

double WeightedMean(const std::vector<double>& x, const std::vector<double>& weight) {
  double weighted_sum = 0.0;
  double total = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    weighted_sum += weight[k] * x[k];
    total += weight[k];
  }
  return weighted_sum / total;
}

std::uint64_t HashPositions(const std::vector<double>& x) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a over the bit patterns
  for (double value : x) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int byte = 0; byte < 8; ++byte) {
      hash ^= (bits >> (8 * byte)) & 0xffu;
      hash *= 1099511628211ull;
    }
  }
  return hash;
}

std::string Describe(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

void CheckInput(const EumIssueInput& input) {
  const std::size_t n = input.position.size();
  if (input.capability.size() != n || input.salience.size() != n) {
    throw InputError("eum: positions, capabilities and saliences differ in number");
  }
  for (std::size_t k = 0; k < n; ++k) {
    const std::string who = "eum: actor " + std::to_string(k + 1) + " of the issue";
    if (!std::isfinite(input.position[k])) {
      throw InputError(who + ": found position " + Describe(input.position[k]) +
                       ", expected a finite number");
    }
    if (!(input.salience[k] >= 0.0 && input.salience[k] <= 1.0)) {
      throw InputError(who + ": found salience " + Describe(input.salience[k]) +
                       ", expected a salience in [0, 1]");
    }
    if (!(std::isfinite(input.capability[k]) && input.capability[k] >= 0.0)) {
      throw InputError(who + ": found capability " + Describe(input.capability[k]) +
                       ", expected a finite capability >= 0");
    }
  }
}

}  // namespace

double EumWeightedMedian(const std::vector<double>& positions, const std::vector<double>& weights) {
  const std::size_t n = positions.size();
  if (n == 0) return 0.0;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
  double total = 0.0;
  for (double weight : weights) total += weight;
  const bool unweighted = !(total > 0.0);
  if (unweighted) total = static_cast<double>(n);
  const double half = total / 2.0 - kHalfTolerance * total;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    cumulative += unweighted ? 1.0 : weights[order[k]];
    if (cumulative >= half) return positions[order[k]];
  }
  return positions[order[n - 1]];
}

double EumChallengeUtility(double probability, double target_salience, double rho, double q,
                           double challenger, double target, double median, double range) {
  const double distance = std::abs(challenger - target) / range;
  return ChallengeUtility(
      probability, target_salience, SuccessUtility(distance, rho), FailureUtility(distance, rho),
      StatusQuoTerm(q, StatusQuoUtility(rho), rho, challenger, target, median, range));
}

const char* EumOfferKindName(EumOfferKind kind) {
  switch (kind) {
    case EumOfferKind::kConfrontation:
      return "confrontation";
    case EumOfferKind::kCompromise:
      return "compromise";
    case EumOfferKind::kCapitulation:
      return "capitulation";
  }
  return "confrontation";
}

namespace {

// The forecast and whether it settled (EumIssueResult::outcome, settled, outcome_low/high), from
// the medians of rounds 0..rounds_run.
void SummarizeOutcome(const std::vector<double>& medians, const EumOptions& options,
                      EumIssueResult& result) {
  const int run = static_cast<int>(medians.size()) - 1;
  result.outcome = medians.back();
  if (options.stop == EumStop::kAverage) {
    result.stopped_by = "average";
    // Deviations from the last median are summed, so that a median that stopped moving is the
    // forecast to the last bit rather than up to the rounding of many additions.
    const double last = medians.back();
    double deviations = 0.0;
    if (result.has_cycle) {
      // The state recurred within the horizon: the median repeats the cycle for ever after, and
      // its long-run mean is the mean over one period (a fixed point's median, exactly).
      const int first = result.cycle.first_round + 1;
      for (int t = first; t < first + result.cycle.period; ++t) deviations += medians[t] - last;
      result.outcome = last + deviations / result.cycle.period;
    } else {
      // No recurrence within the horizon N: the mean of the median over rounds 1..N, which moves
      // by at most (max − min median) / N when N moves by one round.
      for (int t = 1; t <= run; ++t) deviations += medians[t] - last;
      result.outcome = last + deviations / run;
    }
  }
  if (result.has_cycle) {
    result.outcome_low = result.cycle.median_min;
    result.outcome_high = result.cycle.median_max;
  } else {
    const auto begin = medians.begin() + (run > 0 ? run / 2 + 1 : 0);
    const auto [low, high] = std::minmax_element(begin, medians.end());
    result.outcome_low = *low;
    result.outcome_high = *high;
  }
  result.settled =
      result.converged || (result.has_cycle && result.outcome_low == result.outcome_high);
  if (result.converged && !result.has_cycle) {
    result.outcome_low = result.outcome_high = medians.back();
  }
}

// RunEumIssue on inputs within the band of exact_scale.h.
EumIssueResult RunEumIssueInBand(const EumIssueInput& input, const EumOptions& options) {
  const int n = static_cast<int>(input.position.size());
  EumIssueResult result;
  if (n == 0) throw InputError("eum: an issue needs at least one actor with a position");
  std::vector<double> weight(n);
  double total_weight = 0.0;
  for (int k = 0; k < n; ++k) {
    weight[k] = input.capability[k] * input.salience[k];
    total_weight += weight[k];
  }
  // Every weight 0 (nobody cares, or nobody can act): nobody moves, and the median and mean are
  // the unweighted ones (README, "Degenerate issues").
  const bool weightless = !(total_weight > 0.0);
  if (weightless) weight.assign(n, 1.0);

  std::vector<double> x = input.position;
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  result.range = *high - *low;
  result.initial_median = EumWeightedMedian(x, weight);
  result.initial_mean = WeightedMean(x, weight);
  // Degenerate issues (README): with fewer than two actors or every actor at one position there
  // is nobody to challenge, so nobody moves and every r is 1.
  const bool frozen = n < 2 || !(result.range > 0.0) || weightless;
  if (n < 2) {
    result.note = "fewer than two actors on the issue: nobody moves";
  } else if (!(result.range > 0.0)) {
    result.note = "all actors at one position: nobody moves";
  } else if (weightless) {
    result.note = "every actor has capability x salience 0: nobody moves";
  }

  const std::unique_ptr<RoundEngine> engine =
      options.straightforward ? MakeStraightforwardEngine(input, weight, options)
                              : MakeCompressedEngine(input, weight, options);

  std::vector<std::vector<double>> states = {x};
  std::unordered_multimap<std::uint64_t, int> seen = {{HashPositions(x), 0}};
  std::vector<double> medians = {result.initial_median};
  double median = result.initial_median;
  result.stopped_by = "fixed_rounds";
  for (int t = 1; t <= options.rounds; ++t) {
    EumRoundResult round;
    const auto [round_low, round_high] = std::minmax_element(x.begin(), x.end());
    const double range =
        options.range == EumRange::kFixed ? result.range : *round_high - *round_low;
    if (frozen || !(range > 0.0)) {
      round.risk_exponents.assign(n, 1.0);
    } else {
      engine->Step(x, range, median, &round);
    }
    round.positions = x;
    for (const EumOffer& offer : round.offers) round.positions[offer.mover] = offer.new_position;
    double max_move = 0.0;
    for (int k = 0; k < n; ++k) max_move = std::max(max_move, std::abs(round.positions[k] - x[k]));
    x = round.positions;
    median = EumWeightedMedian(x, weight);
    round.median = median;
    round.mean = WeightedMean(x, weight);
    result.rounds.push_back(std::move(round));
    medians.push_back(median);
    result.converged = max_move <= options.epsilon * result.range;

    bool recurred = false;
    const std::uint64_t hash = HashPositions(x);
    if (!result.has_cycle) {
      const auto [first, last] = seen.equal_range(hash);
      int earliest = -1;
      for (auto it = first; it != last; ++it) {
        if (states[it->second] == x && (earliest < 0 || it->second < earliest)) {
          earliest = it->second;
        }
      }
      if (earliest >= 0) {
        recurred = true;
        result.has_cycle = true;
        EumCycle& cycle = result.cycle;
        cycle.period = t - earliest;
        cycle.first_round = earliest;
        cycle.median_min = medians[earliest + 1];
        cycle.median_max = medians[earliest + 1];
        double sum = 0.0;
        for (int k = earliest + 1; k <= t; ++k) {
          cycle.median_min = std::min(cycle.median_min, medians[k]);
          cycle.median_max = std::max(cycle.median_max, medians[k]);
          sum += medians[k];
        }
        cycle.median_mean = sum / cycle.period;
      }
      states.push_back(x);
      seen.emplace(hash, t);
    }
    if (options.stop == EumStop::kFixedPoint && result.converged) {
      result.stopped_by = "fixed_point";
      break;
    }
    if (options.stop == EumStop::kCycle && recurred) {
      result.stopped_by = "cycle";
      break;
    }
    if (options.stop == EumStop::kAverage && recurred) break;
  }
  SummarizeOutcome(medians, options, result);
  return result;
}

}  // namespace

EumIssueResult RunEumIssue(const EumIssueInput& input, const EumOptions& options) {
  CheckInput(input);
  // The model is equivariant to scaling positions, and invariant to scaling capabilities, by
  // powers of two: positions and capabilities far from 1 (1e307, 1e-300) are brought into the
  // band of exact_scale.h, where no distance, product or sum overflows, and the results scaled
  // back. Inside the band nothing changes.
  const int position_exponent = BandExponentOf(input.position);
  const int capability_exponent = BandExponentOf(input.capability);
  if (position_exponent == 0 && capability_exponent == 0) return RunEumIssueInBand(input, options);
  EumIssueInput scaled = input;
  for (double& position : scaled.position) {
    position = ScaleByPowerOfTwo(position, position_exponent);
  }
  for (double& capability : scaled.capability) {
    capability = ScaleByPowerOfTwo(capability, capability_exponent);
  }
  EumIssueResult result = RunEumIssueInBand(scaled, options);
  // Every position the model yields lies within the input positions' hull. Positions more than
  // 2^1074 times smaller than the largest underflow when scaled; held to the hull, they come back
  // on the scale, exact to within a unit of the scale's last digit.
  const auto [lowest, highest] = std::minmax_element(input.position.begin(), input.position.end());
  auto back = [position_exponent, lowest = *lowest, highest = *highest](double& value) {
    value = std::clamp(ScaleByPowerOfTwo(value, -position_exponent), lowest, highest);
  };
  result.range = ScaleByPowerOfTwo(result.range, -position_exponent);
  back(result.initial_median);
  back(result.initial_mean);
  for (EumRoundResult& round : result.rounds) {
    for (double& position : round.positions) back(position);
    for (EumOffer& offer : round.offers) back(offer.new_position);
    back(round.median);
    back(round.mean);
  }
  back(result.cycle.median_min);
  back(result.cycle.median_mean);
  back(result.cycle.median_max);
  back(result.outcome);
  back(result.outcome_low);
  back(result.outcome_high);
  return result;
}

}  // namespace statecraft
