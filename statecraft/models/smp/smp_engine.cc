// The SMP engine on KTAB's [0, 1] scale: risk attitudes, challenges, bargains, queues, ideals and
// the stopping rule of docs/models/smp.md §4.4 and §4.7–§4.12, on the utilities, votes and PCE of
// smp_voting.h.
//
// One engine serves both entry points: RunSmp records every state and turn (the per-turn detail
// of the registered model), RunSmpOutcome keeps only the current state (a Monte Carlo draw needs
// the last positions only). The arithmetic is the same code in the same order, so both give the
// same bits. Work arrays are allocated once per run and reused every turn.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/models/smp/smp.h"
#include "statecraft/models/smp/smp_voting.h"

namespace statecraft {
namespace {

using smp_internal::Distance;
using smp_internal::EstimateRisk;
using smp_internal::Positive;
using smp_internal::ScalarPce;
using smp_internal::Utility;
using smp_internal::Vote;
using smp_internal::VoteScratch;
using smp_internal::WithVotingRule;

// Constants of §4.2 and §4.6.
constexpr double kPositionTolerance = 1e-3;       // posTol: equal positions (pDist)
constexpr double kMinChallengeCoalition = 1e-10;  // minC in probEduChlg
constexpr double kMinSignificantGain = 1e-5;      // minSigEDU: smallest worthwhile challenge
constexpr double kBargainWeightFloor = 1e-6;      // keeps S2P2/S1P1/S2PMax weights positive

double Round4(double x) { return static_cast<double>(static_cast<long long>(0.5 + 1e4 * x)) / 1e4; }

// Σ_k (a_k − b_k)² summed as a root per actor: KTAB's distance between two states (§4.12).
double StateDistance(const std::vector<double>& a, const std::vector<double>& b, int n, int d) {
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    double square = 0.0;
    for (int k = 0; k < d; ++k) {
      const double difference = a[i * d + k] - b[i * d + k];
      square += difference * difference;
    }
    total += std::sqrt(square);
  }
  return total;
}

struct ChallengeValue {
  double probability;
  double gain;
};

// The votes of every third party t in a contest of i against j (SMPState::probEduChlg,
// §4.7): t's lean decides its chance p of siding with i, and it votes between joining i and
// joining j with the utilities its commitment gives. u_i[t] and u_j[t] are t's utilities for
// i's and j's positions, u_own[t] for its own. No vote depends on another, so the loop runs on
// whole vectors of t; the caller sums the votes in KTAB's order.
template <SmpVotingRule kRule, SmpThirdPartyCommit kCommit>
void ThirdPartyVotes(int n, const double* __restrict weight, const double* __restrict u_i,
                     const double* __restrict u_j, const double* __restrict u_own, double base_ij,
                     double base_ji, double* __restrict vote) {
  for (int t = 0; t < n; ++t) {
    const double lean = Vote<kRule>(weight[t], u_i[t], u_j[t]);
    const double for_i = base_ij + Positive(lean);
    const double p = for_i / (for_i + base_ji + Positive(-lean));
    double join_i;
    double join_j;
    if constexpr (kCommit == SmpThirdPartyCommit::kSemiCommit) {
      join_i = p * (2.0 * u_i[t] + u_own[t]) + (1.0 - p) * 3.0 * u_j[t];
      join_j = p * 3.0 * u_i[t] + (1.0 - p) * (2.0 * u_j[t] + u_own[t]);
    } else if constexpr (kCommit == SmpThirdPartyCommit::kFullCommit) {
      join_i = p * 3.0 * u_i[t] + (1.0 - p) * 3.0 * u_j[t];
      join_j = join_i;
    } else {
      join_i = p * (2.0 * u_i[t] + u_own[t]) + (1.0 - p) * (2.0 * u_j[t] + u_own[t]);
      join_j = join_i;
    }
    vote[t] = Vote<kRule>(weight[t], join_i, join_j);
  }
}

class Engine {
 public:
  Engine(const SmpInput& input, const SmpConfig& config, std::uint64_t seed)
      : config_(config),
        n_(input.actor_count),
        d_(input.dimension_count),
        capability_(input.capability),
        salience_(input.salience),
        accommodation_(input.accommodation),
        rng_(seed),
        evaluate_(ChooseEvaluator(config.voting_rule, config.third_party_commit)),
        position_(input.position),
        ideal_(input.position) {
    const std::size_t square = static_cast<std::size_t>(n_) * n_;
    total_salience_.assign(n_, 0.0);
    salience_capability_.assign(n_, 0.0);
    for (int i = 0; i < n_; ++i) {
      for (int k = 0; k < d_; ++k) total_salience_[i] += salience_[i * d_ + k];
      salience_capability_[i] = total_salience_[i] * capability_[i];
    }
    distance_.resize(square);
    distance_by_position_.resize(square);
    estimated_risk_.resize(square);
    own_utility_.resize(square);
    utility_by_position_.resize(square);
    estimated_own_utility_.resize(n_);
    third_party_vote_.resize(n_);
    risk_.resize(n_);
    status_quo_value_.resize(n_);
    queue_.resize(n_);
    next_position_.resize(position_.size());
    previous_position_.resize(position_.size());
  }

  // Turns until KTAB's stop rule (§4.12). With a history, every state and turn is recorded.
  void Run(SmpHistory* history) {
    Setup(true, Record(history));
    double first_distance = 0.0;
    for (int iteration = 1;; ++iteration) {
      Step(history != nullptr ? &history->states.back() : nullptr);
      previous_position_.swap(position_);
      position_.swap(next_position_);
      Setup(false, Record(history));
      turns_ = iteration;
      if (iteration == 1) {
        first_distance =
            StateDistance(previous_position_, position_, n_, d_) + config_.min_significant_delta;
      }
      const double ratio = StateDistance(position_, previous_position_, n_, d_) / first_distance;
      if (history != nullptr) history->change_ratio.push_back(ratio);
      const bool too_long = iteration >= config_.max_iterations;
      const bool long_enough = iteration >= config_.min_iterations;
      if (too_long || (long_enough && ratio < config_.min_delta_ratio)) break;
    }
  }

  const std::vector<double>& position() const { return position_; }
  int turns() const { return turns_; }

 private:
  using Evaluator = ChallengeValue (Engine::*)(int, int);

  // A new state in the history, holding the current positions and ideals; nullptr without one.
  SmpState* Record(SmpHistory* history) const {
    if (history == nullptr) return nullptr;
    SmpState& state = history->states.emplace_back();
    state.position = position_;
    state.ideal = ideal_;
    return &state;
  }

  // SMPState::setAllAUtil (§4.4) on the current state, and, for the record, the win
  // probabilities (pDist, §4.14).
  void Setup(bool first_state, SmpState* record) {
    for (int i = 0; i < n_; ++i) {
      for (int j = 0; j < n_; ++j) {
        distance_[i * n_ + j] =
            Distance(&ideal_[i * d_], &position_[j * d_], &salience_[i * d_], d_);
      }
    }
    for (int i = 0; i < n_; ++i) {
      for (int j = 0; j < n_; ++j) distance_by_position_[j * n_ + i] = distance_[i * n_ + j];
    }
    // Risk-neutral utilities of every actor for every actor's position, then the PCE over all
    // n positions with capability weights.
    std::vector<double>& neutral = own_utility_;
    for (std::size_t slot = 0; slot < neutral.size(); ++slot) neutral[slot] = 1.0 - distance_[slot];
    ScalarPce(config_, config_.voting_rule, capability_, neutral.data(), n_, n_, scratch_,
              probability_);
    const auto [low, high] = std::minmax_element(probability_.begin(), probability_.end());
    const double p_min = *low;
    const double p_max = *high;
    std::fill(risk_.begin(), risk_.end(), 0.0);
    // All positions equally likely: KTAB divides 0 by 0; every actor is risk-neutral here.
    if (p_max > p_min) {
      for (int i = 0; i < n_; ++i) {
        const double p = probability_[i];
        switch (config_.risk_range) {
          case SmpRiskRange::kMin:
            risk_[i] = (p - p_min) / (p_max - p_min);
            break;
          case SmpRiskRange::kMid:
            risk_[i] = (3.0 * p - (p_max + 2.0 * p_min)) / (2.0 * (p_max - p_min));
            break;
          case SmpRiskRange::kMax:
            risk_[i] = (2.0 * p - (p_max + p_min)) / (p_max - p_min);
            break;
        }
      }
    }
    for (int h = 0; h < n_; ++h) {
      for (int i = 0; i < n_; ++i) {
        estimated_risk_[h * n_ + i] = EstimateRisk(config_.risk_adjustment, risk_[h], risk_[i]);
      }
    }
    // aUtil[a](a, l): each actor's own utility for every position.
    for (int a = 0; a < n_; ++a) {
      const double risk = estimated_risk_[a * n_ + a];
      for (int l = 0; l < n_; ++l) own_utility_[a * n_ + l] = Utility(distance_[a * n_ + l], risk);
    }
    // True attitudes for posUtil (§4.10); KTAB's --euSMP resets turn 0's to zero (§4.4).
    true_risk_ = risk_;
    if (first_state && config_.initial_bargains_risk_neutral) true_risk_.assign(n_, 0.0);
    if (record != nullptr) {
      record->risk = risk_;
      WinProbabilities(*record);
    }
  }

  // SMPState::pDist(-1): each actor votes with its own utilities over the unique positions.
  // The unique positions are found in actor order (an actor starts a new one when it is within
  // posTol of none found so far); each actor is then credited with the *last* unique position
  // within posTol of its own, which is how KTAB's printed probabilities group near-equal
  // positions (checked against SOE-Policy, SOE-Competitive and dummyData-a040…a160).
  void WinProbabilities(SmpState& state) {
    const auto equivalent = [&](int i, int j) {
      double square = 0.0;
      for (int k = 0; k < d_; ++k) {
        const double difference = state.position[i * d_ + k] - state.position[j * d_ + k];
        square += difference * difference;
      }
      return std::sqrt(square) < kPositionTolerance;
    };
    std::vector<int> unique;
    for (int i = 0; i < n_; ++i) {
      bool known = false;
      for (std::size_t u = 0; u < unique.size() && !known; ++u) known = equivalent(i, unique[u]);
      if (!known) unique.push_back(i);
    }
    std::vector<int> class_of(n_, 0);
    for (int i = 0; i < n_; ++i) {
      for (std::size_t u = 0; u < unique.size(); ++u) {
        if (equivalent(i, unique[u])) class_of[i] = static_cast<int>(u);
      }
    }
    const int m = static_cast<int>(unique.size());
    option_utility_.resize(static_cast<std::size_t>(n_) * m);
    for (int a = 0; a < n_; ++a) {
      for (int u = 0; u < m; ++u) option_utility_[a * m + u] = own_utility_[a * n_ + unique[u]];
    }
    // KTAB's pDist votes with the proportional rule whatever the model's voting rule is.
    ScalarPce(config_, SmpVotingRule::kProp, capability_, option_utility_.data(), n_, m, scratch_,
              probability_);
    state.win_probability.resize(n_);
    for (int i = 0; i < n_; ++i) state.win_probability[i] = probability_[class_of[i]];
  }

  // aUtil[h]: h's estimate of every actor's utility for every position, by position
  // (utility_by_position_[x * n + t] is t's utility for x's position), so that a contest reads
  // the utilities of its two positions in sequence; and each actor's for its own position.
  void FillEstimatorUtility(int h) {
    const double* risk = &estimated_risk_[h * n_];
    for (int x = 0; x < n_; ++x) {
      const double* distance = &distance_by_position_[x * n_];
      double* utility = &utility_by_position_[x * n_];
      for (int t = 0; t < n_; ++t) utility[t] = Utility(distance[t], risk[t]);
    }
    for (int t = 0; t < n_; ++t) estimated_own_utility_[t] = utility_by_position_[t * n_ + t];
  }

  // SMPState::probEduChlg(h, i, i, j), §4.7, with aUtil[h] from FillEstimatorUtility(h):
  // the initiator i's chance against j and its expected gain, as h estimates them.
  template <SmpVotingRule kRule, SmpThirdPartyCommit kCommit>
  ChallengeValue EvaluateChallenge(int i, int j) {
    const double* u_i = &utility_by_position_[i * n_];  // u_i[t]: t's utility for i's position
    const double* u_j = &utility_by_position_[j * n_];
    const double status_quo = u_i[i] + u_j[i];
    const double victory = 2.0 * u_i[i];
    const double loss = 2.0 * u_j[i];
    const double vote_i = Vote<kRule>(salience_capability_[i], u_i[i], u_j[i]);
    const double vote_j = Vote<kRule>(salience_capability_[j], u_i[j], u_j[j]);
    const double base_ij = kMinChallengeCoalition + Positive(vote_i) + Positive(vote_j);
    const double base_ji = kMinChallengeCoalition + Positive(-vote_i) + Positive(-vote_j);
    double* vote = third_party_vote_.data();
    ThirdPartyVotes<kRule, kCommit>(n_, salience_capability_.data(), u_i, u_j,
                                    estimated_own_utility_.data(), base_ij, base_ji, vote);
    // The third parties join in actor order; i and j are no third parties.
    double coalition_ij = base_ij;
    double coalition_ji = base_ji;
    const int low = std::min(i, j);
    const int high = std::max(i, j);
    for (int t = 0; t < low; ++t) {
      coalition_ij += Positive(vote[t]);
      coalition_ji += Positive(-vote[t]);
    }
    for (int t = low + 1; t < high; ++t) {
      coalition_ij += Positive(vote[t]);
      coalition_ji += Positive(-vote[t]);
    }
    for (int t = high + 1; t < n_; ++t) {
      coalition_ij += Positive(vote[t]);
      coalition_ji += Positive(-vote[t]);
    }
    const double p_ij = coalition_ij / (coalition_ij + coalition_ji);
    const double contest = p_ij * victory + (1.0 - p_ij) * loss;
    const double s_j = total_salience_[j];
    const double challenge = (1.0 - s_j) * victory + s_j * contest;
    return {p_ij, challenge - status_quo};
  }

  // Defined after EvaluateChallenge: clang does not instantiate a member template whose address
  // a generic lambda takes before the template's definition (the fuzz build failed to link).
  static Evaluator ChooseEvaluator(SmpVotingRule rule, SmpThirdPartyCommit commit) {
    return WithVotingRule(rule, [commit](auto constant) -> Evaluator {
      constexpr SmpVotingRule kRule = decltype(constant)::value;
      switch (commit) {
        case SmpThirdPartyCommit::kSemiCommit:
          return &Engine::EvaluateChallenge<kRule, SmpThirdPartyCommit::kSemiCommit>;
        case SmpThirdPartyCommit::kFullCommit:
          return &Engine::EvaluateChallenge<kRule, SmpThirdPartyCommit::kFullCommit>;
        case SmpThirdPartyCommit::kNoCommit:
        default:
          return &Engine::EvaluateChallenge<kRule, SmpThirdPartyCommit::kNoCommit>;
      }
    });
  }

  // A new bargain of this turn between initiator i and receiver j: its 2·d positions (the
  // initiator's, then the receiver's), to be filled.
  double* AddBargain(int i, int j) {
    bargain_initiator_.push_back(i);
    bargain_receiver_.push_back(j);
    bargain_position_.resize(bargain_position_.size() + 2 * d_);
    return bargain_position_.data() + bargain_position_.size() - 2 * d_;
  }

  // SMPActor::interpolateBrgn, §4.9, with probability_i the initiator's chance: the
  // initiator's position in out[0, d), the receiver's in out[d, 2d).
  void Interpolate(int i, int j, double probability_i, double* out) const {
    const double probability_j = 1.0 - probability_i;
    double* at_initiator = out;
    double* at_receiver = out + d_;
    for (int k = 0; k < d_; ++k) {
      const double x_i = position_[i * d_ + k];
      const double x_j = position_[j * d_ + k];
      const double s_i = salience_[i * d_ + k];
      const double s_j = salience_[j * d_ + k];
      switch (config_.bargain_interpolation) {
        case SmpBargainInterpolation::kS1P1:
        case SmpBargainInterpolation::kS2P2: {
          double w_i = s_i * probability_i;
          double w_j = s_j * probability_j;
          if (config_.bargain_interpolation == SmpBargainInterpolation::kS2P2) {
            w_i = s_i * s_i * probability_i * probability_i;
            w_j = s_j * s_j * probability_j * probability_j;
          }
          const double denominator = w_i + kBargainWeightFloor + w_j;
          at_initiator[k] = Round4(((w_i + kBargainWeightFloor) * x_i + w_j * x_j) / denominator);
          at_receiver[k] = Round4((w_i * x_i + (w_j + kBargainWeightFloor) * x_j) / denominator);
          break;
        }
        case SmpBargainInterpolation::kS2PMax: {
          const double d_i = std::max(0.0, probability_j - probability_i);
          const double d_j = std::max(0.0, probability_i - probability_j);
          const double s_i2 = s_i * s_i;
          const double s_j2 = s_j * s_j;
          at_initiator[k] = x_i + d_i * s_j2 /
                                      (d_i * s_j2 + kBargainWeightFloor + (1.0 - d_i) * s_i2) *
                                      (x_j - x_i);
          at_receiver[k] = x_j + d_j * s_i2 /
                                     (d_j * s_i2 + kBargainWeightFloor + (1.0 - d_j) * s_j2) *
                                     (x_i - x_j);
          break;
        }
      }
    }
    // KTAB's receiver-perspective "probability" is a gain (see Step), which can be negative:
    // with first powers (s1p1) the weights can then cancel or extrapolate. Keep bargains finite
    // and inside the space, where KTAB would leave it or divide by zero.
    for (int k = 0; k < d_; ++k) {
      double& x_i = at_initiator[k];
      double& x_j = at_receiver[k];
      x_i = std::isfinite(x_i) ? std::clamp(x_i, 0.0, 1.0) : position_[i * d_ + k];
      x_j = std::isfinite(x_j) ? std::clamp(x_j, 0.0, 1.0) : position_[j * d_ + k];
    }
  }

  // SMPActor::posUtil: actor a's utility for a position, with its true risk attitude. KTAB
  // measures the distance from a's current *position* here (§4.10 writes the ideal; the
  // two are equal unless the accommodation matrix is not the identity).
  double PositionUtility(int a, const double* position) const {
    return Utility(Distance(&position_[a * d_], position, &salience_[a * d_], d_), true_risk_[a]);
  }

  // The bargains each actor challenges with (SMPState::doBCN, §4.7–§4.9), recorded per
  // initiator when there is a record.
  void MakeBargains(SmpState* record) {
    bargain_initiator_.clear();
    bargain_receiver_.clear();
    bargain_position_.clear();
    if (record != nullptr) record->challenges.assign(n_, SmpChallenge{});
    for (int i = 0; i < n_; ++i) {
      FillEstimatorUtility(i);
      SmpChallenge best;
      double best_gain = kMinSignificantGain;
      for (int j = 0; j < n_; ++j) {
        if (j == i) continue;
        const ChallengeValue value = (this->*evaluate_)(i, j);
        if (value.gain > best_gain) {
          best_gain = value.gain;
          best.target = j;
          best.gain = value.gain;
          best.probability = value.probability;
        }
      }
      if (record != nullptr) record->challenges[i] = best;
      if (best.target < 0) continue;
      const int j = best.target;
      if (config_.bargain_model == SmpBargainModel::kInitOnlyInterp) {
        Interpolate(i, j, best.probability, AddBargain(i, j));
        continue;
      }
      // The bargain "from the receiver's perspective" (§4.9). KTAB reads the second element of
      // probEduChlg(j, i, i, j) — j's estimate of i's expected *gain*, not of i's victory
      // probability — and interpolates with it as if it were a probability; kept for exactness.
      if (config_.bargain_model == SmpBargainModel::kInitRcvrInterp) {
        Interpolate(i, j, best.probability, AddBargain(i, j));
        FillEstimatorUtility(j);
        Interpolate(i, j, (this->*evaluate_)(i, j).gain, AddBargain(i, j));
        continue;
      }
      // PWCompInterp: KTAB weighs the receiver's bargain with the initiator's capability
      // (§4.9, `scj = brgnJIJ->actInit->sCap`); kept for exactness.
      double* average = AddBargain(i, j);
      Interpolate(i, j, best.probability, average);
      FillEstimatorUtility(j);
      receiver_bargain_.resize(2 * d_);
      Interpolate(i, j, (this->*evaluate_)(i, j).gain, receiver_bargain_.data());
      const double weight_i = capability_[i] * total_salience_[i];
      const double weight_j = capability_[i] * total_salience_[j];
      // Without weights (no salience) KTAB divides 0 by 0; the initiator's bargain stands.
      if (weight_i + weight_j > 0.0) {
        for (int k = 0; k < 2 * d_; ++k) {
          average[k] =
              (weight_i * average[k] + weight_j * receiver_bargain_[k]) / (weight_i + weight_j);
        }
      }
    }
  }

  // Every actor's value of every bargain (KTAB's brgnUtil): the two changed positions first,
  // then everyone else's own utility in actor order, over n. A bargain has the same value in
  // both queues it enters, so it is valued once.
  void ValueBargains() {
    const int bargain_count = static_cast<int>(bargain_initiator_.size());
    bargain_value_.resize(static_cast<std::size_t>(bargain_count) * n_);
    for (int b = 0; b < bargain_count; ++b) {
      const double* at_initiator = &bargain_position_[static_cast<std::size_t>(b) * 2 * d_];
      const double* at_receiver = at_initiator + d_;
      const int low = std::min(bargain_initiator_[b], bargain_receiver_[b]);
      const int high = std::max(bargain_initiator_[b], bargain_receiver_[b]);
      for (int a = 0; a < n_; ++a) {
        const double* own = &own_utility_[a * n_];
        double sum = PositionUtility(a, at_initiator);
        sum += PositionUtility(a, at_receiver);
        for (int l = 0; l < low; ++l) sum += own[l];
        for (int l = low + 1; l < high; ++l) sum += own[l];
        for (int l = high + 1; l < n_; ++l) sum += own[l];
        bargain_value_[b * n_ + a] = sum / n_;
      }
    }
    for (int a = 0; a < n_; ++a) {
      double sum = 0.0;
      for (int l = 0; l < n_; ++l) sum += own_utility_[a * n_ + l];
      status_quo_value_[a] = sum / n_;
    }
  }

  // One turn (SMPState::doBCN for every actor, then updateBestBrgnPositions for every actor):
  // the next positions and ideals in next_position_ and ideal_.
  void Step(SmpState* record) {
    MakeBargains(record);
    // Queues in KTAB's order (SMPState::doBCN): initiators are handled in index order; actor
    // i's status quo enters its queue when i's turn comes, then i's bargains enter both i's and
    // the target's queue. So bargains from lower-index initiators precede the receiver's own
    // status quo. The order only matters for exact ties in the vote (first wins). Entry -1 is
    // the queue owner's status quo.
    for (std::vector<int>& queue : queue_) queue.clear();
    const int bargain_count = static_cast<int>(bargain_initiator_.size());
    for (int i = 0, b = 0; i < n_; ++i) {
      queue_[i].push_back(-1);
      for (; b < bargain_count && bargain_initiator_[b] == i; ++b) {
        queue_[i].push_back(b);
        queue_[bargain_receiver_[b]].push_back(b);
      }
    }
    ValueBargains();

    std::copy(position_.begin(), position_.end(), next_position_.begin());
    if (record != nullptr) {
      record->accepted.assign(n_, SmpBargain{});
      record->accepted_probability.assign(n_, 1.0);
    }
    for (int k = 0; k < n_; ++k) {
      const std::vector<int>& queue = queue_[k];
      const int m = static_cast<int>(queue.size());
      value_.resize(static_cast<std::size_t>(n_) * m);
      for (int a = 0; a < n_; ++a) {
        for (int q = 0; q < m; ++q) {
          value_[a * m + q] =
              queue[q] < 0 ? status_quo_value_[a] : bargain_value_[queue[q] * n_ + a];
        }
      }
      ScalarPce(config_, config_.voting_rule, capability_, value_.data(), n_, m, scratch_,
                probability_);
      int chosen = 0;
      if (config_.state_transitions == SmpStateTransitions::kStochastic) {
        // KTAB's probSel: one uniform draw, the first index whose cumulative sum reaches it.
        const double draw = rng_.Uniform(0.0, 1.0);
        double cumulative = 0.0;
        chosen = m - 1;
        for (int q = 0; q < m; ++q) {
          cumulative += probability_[q];
          if (cumulative >= draw) {
            chosen = q;
            break;
          }
        }
      } else {
        for (int q = 1; q < m; ++q) {
          if (probability_[q] > probability_[chosen]) chosen = q;
        }
      }
      const int b = queue[chosen];
      if (record != nullptr) {
        record->accepted_probability[k] = probability_[chosen];
        SmpBargain& accepted = record->accepted[k];
        if (b < 0) {
          accepted.initiator_position.assign(&position_[k * d_], &position_[k * d_] + d_);
          accepted.receiver_position = accepted.initiator_position;
        } else {
          const double* at = &bargain_position_[static_cast<std::size_t>(b) * 2 * d_];
          accepted.initiator = bargain_initiator_[b];
          accepted.receiver = bargain_receiver_[b];
          accepted.initiator_position.assign(at, at + d_);
          accepted.receiver_position.assign(at + d_, at + 2 * d_);
        }
      }
      if (b < 0) continue;
      const double* mine = &bargain_position_[static_cast<std::size_t>(b) * 2 * d_] +
                           (bargain_initiator_[b] == k ? 0 : d_);
      std::copy(mine, mine + d_, next_position_.begin() + k * d_);
    }
    UpdateIdeals();
  }

  // SMPState::newIdeals, §4.11: y' = A x' + (1 − Σ_j A_ij) y.
  void UpdateIdeals() {
    if (accommodation_.empty()) {
      std::copy(next_position_.begin(), next_position_.end(), ideal_.begin());
      return;
    }
    next_ideal_.assign(static_cast<std::size_t>(n_) * d_, 0.0);
    for (int i = 0; i < n_; ++i) {
      double row_sum = 0.0;
      for (int j = 0; j < n_; ++j) row_sum += accommodation_[i * n_ + j];
      for (int k = 0; k < d_; ++k) {
        double sum = 0.0;
        for (int j = 0; j < n_; ++j) sum += accommodation_[i * n_ + j] * next_position_[j * d_ + k];
        next_ideal_[i * d_ + k] = sum + (1.0 - row_sum) * ideal_[i * d_ + k];
      }
    }
    ideal_.swap(next_ideal_);
  }

  const SmpConfig config_;
  const int n_;
  const int d_;
  const std::vector<double> capability_;
  const std::vector<double> salience_;
  const std::vector<double> accommodation_;
  KtabPrng rng_;
  const Evaluator evaluate_;
  std::vector<double> total_salience_;
  std::vector<double> salience_capability_;
  // The current state, and the positions of the one before it (the stop rule compares them).
  std::vector<double> position_;
  std::vector<double> ideal_;
  std::vector<double> risk_;
  std::vector<double> true_risk_;
  std::vector<double> previous_position_;
  std::vector<double> next_position_;
  std::vector<double> next_ideal_;
  int turns_ = 0;
  // Per-state work arrays, n × n.
  std::vector<double> distance_;
  std::vector<double> distance_by_position_;
  std::vector<double> estimated_risk_;
  std::vector<double> own_utility_;
  std::vector<double> utility_by_position_;
  std::vector<double> estimated_own_utility_;
  std::vector<double> third_party_vote_;
  // The bargains of a turn: initiator, receiver, 2·d positions and n values each.
  std::vector<int> bargain_initiator_;
  std::vector<int> bargain_receiver_;
  std::vector<double> bargain_position_;
  std::vector<double> bargain_value_;
  std::vector<double> receiver_bargain_;
  std::vector<double> status_quo_value_;
  std::vector<std::vector<int>> queue_;
  // Scratch for the votes.
  std::vector<double> value_;
  std::vector<double> option_utility_;
  std::vector<double> probability_;
  VoteScratch scratch_;
};

void CheckInput(const SmpInput& input) {
  const int n = input.actor_count;
  const int d = input.dimension_count;
  if (n < 1) throw InputError("smp: the scenario has no actors");
  if (d < 1) throw InputError("smp: the scenario has no issues");
  const std::size_t cells = static_cast<std::size_t>(n) * d;
  if (input.capability.size() != static_cast<std::size_t>(n) || input.position.size() != cells ||
      input.salience.size() != cells ||
      (!input.accommodation.empty() &&
       input.accommodation.size() != static_cast<std::size_t>(n) * n)) {
    throw InputError("smp: input arrays do not match " + std::to_string(n) + " actors and " +
                     std::to_string(d) + " dimensions");
  }
  for (int i = 0; i < n; ++i) {
    if (!(input.capability[i] >= 0.0) || !std::isfinite(input.capability[i])) {
      throw InputError("smp: actor " + std::to_string(i) + " has capability " +
                       std::to_string(input.capability[i]) + ", expected a finite value >= 0");
    }
    double total = 0.0;
    for (int k = 0; k < d; ++k) {
      const double x = input.position[i * d + k];
      const double s = input.salience[i * d + k];
      if (!(x >= 0.0 && x <= 1.0)) {
        throw InputError("smp: actor " + std::to_string(i) + " has position " + std::to_string(x) +
                         " on dimension " + std::to_string(k) + ", expected a value in [0, 1]");
      }
      if (!(s >= 0.0 && s <= 1.0)) {
        throw InputError("smp: actor " + std::to_string(i) + " has salience " + std::to_string(s) +
                         " on dimension " + std::to_string(k) + ", expected a value in [0, 1]");
      }
      total += s;
    }
    if (total > 1.0 + 1e-9) {
      throw InputError("smp: actor " + std::to_string(i) + " has saliences summing to " +
                       std::to_string(total) + ", expected at most 1");
    }
  }
  for (double a : input.accommodation) {
    if (!std::isfinite(a)) throw InputError("smp: the accommodation matrix has a non-finite entry");
  }
}

}  // namespace

SmpHistory RunSmp(const SmpInput& input, const SmpConfig& config, std::uint64_t seed) {
  CheckInput(input);
  SmpHistory history;
  Engine engine(input, config, seed);
  engine.Run(&history);
  return history;
}

SmpFinalState RunSmpOutcome(const SmpInput& input, const SmpConfig& config, std::uint64_t seed) {
  CheckInput(input);
  Engine engine(input, config, seed);
  engine.Run(nullptr);
  return {engine.position(), engine.turns()};
}

}  // namespace statecraft
