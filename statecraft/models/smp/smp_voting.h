// Utilities, votes, coalitions and probabilistic Condorcet elections of KTAB's spatial model
// (docs/models/smp.md §4.3–§4.6), on KTAB's [0, 1] scale: what the engine (smp_engine.cc) builds
// its risk attitudes, challenges and bargain choices from. KTAB's Model::vote, the coalitions of
// a vote over options, pairwise victory probabilities and the probabilistic Condorcet election.
// Internal to the model: included only by the files of this folder.
//
// The voting rule is a template parameter: votes sit in every O(n³) loop of the engine, and a
// switch per vote costs more than the vote. WithVotingRule turns the run's rule into that
// parameter once.
#ifndef STATECRAFT_MODELS_SMP_SMP_VOTING_H_
#define STATECRAFT_MODELS_SMP_SMP_VOTING_H_

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "statecraft/models/smp/smp.h"

namespace statecraft::smp_internal {

inline constexpr double kBinaryVoteScale = 1e-8;  // rBin = clamp(Δ / 1e-8, −1, 1)

template <SmpVotingRule kRule>
using VotingRuleConstant = std::integral_constant<SmpVotingRule, kRule>;

// Calls function(VotingRuleConstant<rule>{}) for the run's rule.
template <typename Function>
decltype(auto) WithVotingRule(SmpVotingRule rule, Function&& function) {
  switch (rule) {
    case SmpVotingRule::kBinary:
      return function(VotingRuleConstant<SmpVotingRule::kBinary>{});
    case SmpVotingRule::kPropBin:
      return function(VotingRuleConstant<SmpVotingRule::kPropBin>{});
    case SmpVotingRule::kPropCbc:
      return function(VotingRuleConstant<SmpVotingRule::kPropCbc>{});
    case SmpVotingRule::kCubic:
      return function(VotingRuleConstant<SmpVotingRule::kCubic>{});
    case SmpVotingRule::kASymProsp:
      return function(VotingRuleConstant<SmpVotingRule::kASymProsp>{});
    case SmpVotingRule::kProp:
    default:
      return function(VotingRuleConstant<SmpVotingRule::kProp>{});
  }
}

// rBin of §4.5: the sign of Δ, linear within ±1e-8.
inline double BinaryVote(double delta) { return std::clamp(delta / kBinaryVoteScale, -1.0, 1.0); }

// Model::vote, §4.5, for a weight ≥ 0 and finite utilities (CheckInput holds every input to
// that). KTAB throws on a non-positive weight; here an actor without weight (zero capability or
// zero salience) votes ±0, which adds nothing to the positive sum of a coalition: it does not
// vote. Without a branch, so that a loop of votes runs on whole vectors.
template <SmpVotingRule kRule>
inline double Vote(double weight, double utility_a, double utility_b) {
  const double delta = utility_a - utility_b;
  if constexpr (kRule == SmpVotingRule::kProp) {
    return weight * delta;
  } else if constexpr (kRule == SmpVotingRule::kBinary) {
    return weight * BinaryVote(delta);
  } else if constexpr (kRule == SmpVotingRule::kPropBin) {
    return weight * (0.8 * delta + 0.2 * BinaryVote(delta));
  } else if constexpr (kRule == SmpVotingRule::kPropCbc) {
    return weight * (0.5 * delta + 0.5 * delta * delta * delta);
  } else if constexpr (kRule == SmpVotingRule::kCubic) {
    return weight * delta * delta * delta;
  } else {
    const double loss = weight * delta;
    const double gain = (2.0 / 3.0) * weight * delta;
    return delta < 0.0 ? loss : (delta > 0.0 ? gain : 0.0);
  }
}

// std::max(x, 0.0), spelled so that loops over it vectorise: (x < 0) ? 0 : x is its definition.
inline double Positive(double x) { return x < 0.0 ? 0.0 : x; }

// Utility of distance D with risk attitude R, §4.3.
inline double Utility(double distance, double risk) {
  if (distance <= 1.0) return (1.0 - distance) * (1.0 + distance * risk);
  return (1.0 - distance) * (1.0 + risk);
}

// Salience-weighted normalised distance D(y, x; s), §4.3. An actor with no
// salience at all is indifferent (D = 0) instead of KTAB's 0/0.
inline double Distance(const double* ideal, const double* position, const double* salience,
                       int dimension_count) {
  double numerator = 0.0;
  double denominator = 0.0;
  for (int k = 0; k < dimension_count; ++k) {
    const double term = salience[k] * (ideal[k] - position[k]);
    numerator += term * term;
    denominator += salience[k] * salience[k];
  }
  if (!(denominator > 0.0)) return 0.0;
  return std::sqrt(numerator / denominator);
}

// Actor h's estimate of actor i's risk attitude from its own, R_h, and i's, R_i (§4.4 step 5).
inline double EstimateRisk(SmpRiskAdjustment adjustment, double own, double other) {
  switch (adjustment) {
    case SmpRiskAdjustment::kNone:
      return own;
    case SmpRiskAdjustment::kOneThird:
      return (2.0 * own + other) / 3.0;
    case SmpRiskAdjustment::kHalf:
      return (own + other) / 2.0;
    case SmpRiskAdjustment::kTwoThirds:
      return (own + 2.0 * other) / 3.0;
    case SmpRiskAdjustment::kFull:
      return other;
  }
  return own;
}

// Work arrays of a vote, kept by the caller so that repeated votes allocate nothing.
struct VoteScratch {
  std::vector<double> by_option;  // the utilities transposed: option-major
  std::vector<double> coalition;
  std::vector<double> victory;
  std::vector<double> next;
  std::vector<double> challenge;
};

// Model::scalarPCE: the probability of each option when voters vote with weights. `utility` is
// voters × options, row-major; `probability` receives option_count values.
void ScalarPce(const SmpConfig& config, SmpVotingRule rule, const std::vector<double>& weight,
               const double* utility, int voter_count, int option_count, VoteScratch& scratch,
               std::vector<double>& probability);

}  // namespace statecraft::smp_internal

#endif  // STATECRAFT_MODELS_SMP_SMP_VOTING_H_
