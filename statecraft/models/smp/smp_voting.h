// Votes, coalitions and probabilistic Condorcet elections of KTAB's spatial model
// (docs/models/smp.md §4.3–§4.6), on KTAB's [0, 1] scale: what the engine (smp_engine.cc) builds
// its risk attitudes, challenges and bargain choices from. Internal to the model: included only
// by the files of this folder. The small functions sit in every inner loop and are inline.
#ifndef STATECRAFT_MODELS_SMP_SMP_VOTING_H_
#define STATECRAFT_MODELS_SMP_SMP_VOTING_H_

#include <algorithm>
#include <cmath>
#include <vector>

#include "statecraft/models/smp/smp.h"

namespace statecraft::smp_internal {

inline constexpr double kBinaryVoteScale = 1e-8;  // rBin = clamp(Δ / 1e-8, −1, 1)

// rBin of docs/models/smp.md §4.5: the sign of Δ, linear within ±1e-8.
inline double BinaryVote(double delta) { return std::clamp(delta / kBinaryVoteScale, -1.0, 1.0); }

// Model::vote, docs/models/smp.md §4.5. KTAB throws on a non-positive weight; an actor without
// weight (zero capability or zero salience) simply does not vote here. It sits in every inner loop,
// so it is inline and computes rBin only for the rules that use it.
inline double Vote(SmpVotingRule rule, double weight, double utility_a, double utility_b) {
  if (!(weight > 0.0)) return 0.0;
  const double delta = utility_a - utility_b;
  switch (rule) {
    case SmpVotingRule::kProp:
      return weight * delta;
    case SmpVotingRule::kBinary:
      return weight * BinaryVote(delta);
    case SmpVotingRule::kPropBin:
      return weight * (0.8 * delta + 0.2 * BinaryVote(delta));
    case SmpVotingRule::kPropCbc:
      return weight * (0.5 * delta + 0.5 * delta * delta * delta);
    case SmpVotingRule::kCubic:
      return weight * delta * delta * delta;
    case SmpVotingRule::kASymProsp:
      if (delta < 0.0) return weight * delta;
      if (delta > 0.0) return (2.0 / 3.0) * weight * delta;
      return 0.0;
  }
  return 0.0;
}

// Utility of distance D with risk attitude R, docs/models/smp.md §4.3.
inline double Utility(double distance, double risk) {
  if (distance <= 1.0) return (1.0 - distance) * (1.0 + distance * risk);
  return (1.0 - distance) * (1.0 + risk);
}

// Salience-weighted normalised distance D(y, x; s), docs/models/smp.md §4.3. An actor with no
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

// Model::coalitions, docs/models/smp.md §4.6: utility is voters × options, row-major.
void Coalitions(SmpVotingRule rule, const std::vector<double>& weight,
                const std::vector<double>& utility, int voter_count, int option_count,
                std::vector<double>& coalition);

// Model::vProb, docs/models/smp.md §4.6: pairwise victory probabilities from coalition strengths.
void VictoryProbabilities(SmpVictoryModel model, const std::vector<double>& coalition, int m,
                          std::vector<double>& victory);

// Model::probCE2, docs/models/smp.md §4.6: the probability of each option under the chosen PCE
// model.
void ProbabilisticCondorcet(SmpPceModel pce, SmpVictoryModel victory_model,
                            const std::vector<double>& coalition, int m,
                            std::vector<double>& victory, std::vector<double>& probability);

// Model::scalarPCE: the probability of each option when voters vote with weights.
void ScalarPce(const SmpConfig& config, SmpVotingRule rule, const std::vector<double>& weight,
               const std::vector<double>& utility, int voter_count, int option_count,
               std::vector<double>& coalition, std::vector<double>& victory,
               std::vector<double>& probability);

}  // namespace statecraft::smp_internal

#endif  // STATECRAFT_MODELS_SMP_SMP_VOTING_H_
