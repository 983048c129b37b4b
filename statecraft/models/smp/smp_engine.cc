// The SMP engine on KTAB's [0, 1] scale: risk attitudes, challenges, bargains, queues, ideals and
// the stopping rule of docs/models/smp.md §4.4 and §4.7–§4.12, on the votes and PCE of
// smp_voting.h.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/models/smp/smp.h"
#include "statecraft/models/smp/smp_voting.h"

namespace statecraft {
namespace {

// Constants of docs/models/smp.md §4.2 and §4.6 used by the engine (the voting and PCE ones are
// in smp_voting.cc).
constexpr double kPositionTolerance = 1e-3;       // posTol: equal positions (pDist)
constexpr double kMinChallengeCoalition = 1e-10;  // minC in probEduChlg
constexpr double kMinSignificantGain = 1e-5;      // minSigEDU: smallest worthwhile challenge
constexpr double kBargainWeightFloor = 1e-6;      // keeps S2P2/S1P1/S2PMax weights positive

using smp_internal::Distance;
using smp_internal::EstimateRisk;
using smp_internal::ScalarPce;
using smp_internal::Utility;
using smp_internal::Vote;

struct ChallengeValue {
  double probability;
  double gain;
};

class Engine {
 public:
  Engine(const SmpInput& input, const SmpConfig& config, std::uint64_t seed)
      : config_(config),
        n_(input.actor_count),
        d_(input.dimension_count),
        capability_(input.capability),
        salience_(input.salience),
        accommodation_(input.accommodation),
        rng_(seed) {
    total_salience_.assign(n_, 0.0);
    salience_capability_.assign(n_, 0.0);
    for (int i = 0; i < n_; ++i) {
      for (int k = 0; k < d_; ++k) total_salience_[i] += salience_[i * d_ + k];
      salience_capability_[i] = total_salience_[i] * capability_[i];
    }
    distance_.resize(static_cast<std::size_t>(n_) * n_);
    estimated_risk_.resize(static_cast<std::size_t>(n_) * n_);
    own_utility_.resize(static_cast<std::size_t>(n_) * n_);
    estimator_utility_.resize(static_cast<std::size_t>(n_) * n_);
  }

  SmpHistory Run(const std::vector<double>& position) {
    SmpHistory history;
    SmpState first;
    first.position = position;
    first.ideal = position;
    history.states.push_back(std::move(first));
    Setup(history.states.back(), true);
    double first_distance = 0.0;
    for (int iteration = 1;; ++iteration) {
      SmpState next = Step(history.states.back());
      history.states.push_back(std::move(next));
      Setup(history.states.back(), false);
      const std::size_t last = history.states.size() - 1;
      if (iteration == 1) {
        first_distance =
            StateDistance(history.states[0], history.states[1]) + config_.min_significant_delta;
      }
      const double ratio =
          StateDistance(history.states[last], history.states[last - 1]) / first_distance;
      history.change_ratio.push_back(ratio);
      const bool too_long = iteration >= config_.max_iterations;
      const bool long_enough = iteration >= config_.min_iterations;
      if (too_long || (long_enough && ratio < config_.min_delta_ratio)) break;
    }
    return history;
  }

 private:
  double StateDistance(const SmpState& a, const SmpState& b) const {
    double total = 0.0;
    for (int i = 0; i < n_; ++i) {
      double square = 0.0;
      for (int k = 0; k < d_; ++k) {
        const double difference = a.position[i * d_ + k] - b.position[i * d_ + k];
        square += difference * difference;
      }
      total += std::sqrt(square);
    }
    return total;
  }

  // SMPState::setAllAUtil (docs/models/smp.md §4.4) and the win probabilities (pDist, §4.14) of one
  // state.
  void Setup(SmpState& state, bool first_state) {
    for (int i = 0; i < n_; ++i) {
      for (int j = 0; j < n_; ++j) {
        distance_[i * n_ + j] =
            Distance(&state.ideal[i * d_], &state.position[j * d_], &salience_[i * d_], d_);
      }
    }
    // Risk-neutral utilities of every actor for every actor's position, then the PCE over all
    // n positions with capability weights.
    std::vector<double>& neutral = own_utility_;
    for (std::size_t slot = 0; slot < neutral.size(); ++slot) neutral[slot] = 1.0 - distance_[slot];
    ScalarPce(config_, config_.voting_rule, capability_, neutral, n_, n_, coalition_, victory_,
              probability_);
    const auto [low, high] = std::minmax_element(probability_.begin(), probability_.end());
    const double p_min = *low;
    const double p_max = *high;
    state.risk.assign(n_, 0.0);
    // All positions equally likely: KTAB divides 0 by 0; every actor is risk-neutral here.
    if (p_max > p_min) {
      for (int i = 0; i < n_; ++i) {
        const double p = probability_[i];
        switch (config_.risk_range) {
          case SmpRiskRange::kMin:
            state.risk[i] = (p - p_min) / (p_max - p_min);
            break;
          case SmpRiskRange::kMid:
            state.risk[i] = (3.0 * p - (p_max + 2.0 * p_min)) / (2.0 * (p_max - p_min));
            break;
          case SmpRiskRange::kMax:
            state.risk[i] = (2.0 * p - (p_max + p_min)) / (p_max - p_min);
            break;
        }
      }
    }
    for (int h = 0; h < n_; ++h) {
      for (int i = 0; i < n_; ++i) {
        estimated_risk_[h * n_ + i] =
            EstimateRisk(config_.risk_adjustment, state.risk[h], state.risk[i]);
      }
    }
    // aUtil[a](a, l): each actor's own utility for every position.
    for (int a = 0; a < n_; ++a) {
      const double risk = estimated_risk_[a * n_ + a];
      for (int l = 0; l < n_; ++l) own_utility_[a * n_ + l] = Utility(distance_[a * n_ + l], risk);
    }
    // True attitudes for posUtil (§4.10); KTAB's --euSMP resets turn 0's to zero (§4.4).
    true_risk_ = state.risk;
    if (first_state && config_.initial_bargains_risk_neutral) true_risk_.assign(n_, 0.0);
    WinProbabilities(state);
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
    ScalarPce(config_, SmpVotingRule::kProp, capability_, option_utility_, n_, m, coalition_,
              victory_, probability_);
    state.win_probability.resize(n_);
    for (int i = 0; i < n_; ++i) state.win_probability[i] = probability_[class_of[i]];
  }

  // aUtil[h] as a full matrix: h's estimate of every actor's utility for every position.
  void FillEstimatorUtility(int h) {
    for (int i = 0; i < n_; ++i) {
      const double risk = estimated_risk_[h * n_ + i];
      for (int j = 0; j < n_; ++j) {
        estimator_utility_[i * n_ + j] = Utility(distance_[i * n_ + j], risk);
      }
    }
  }

  // SMPState::probEduChlg(h, k, i, j), docs/models/smp.md §4.7, with U = aUtil[h] in
  // estimator_utility_.
  ChallengeValue EvaluateChallenge(int k, int i, int j) const {
    const std::vector<double>& u = estimator_utility_;
    const SmpVotingRule rule = config_.voting_rule;
    const double status_quo = u[k * n_ + i] + u[k * n_ + j];
    const double victory = 2.0 * u[k * n_ + i];
    const double loss = 2.0 * u[k * n_ + j];
    const double vote_i = Vote(rule, salience_capability_[i], u[i * n_ + i], u[i * n_ + j]);
    const double vote_j = Vote(rule, salience_capability_[j], u[j * n_ + i], u[j * n_ + j]);
    const double base_ij = kMinChallengeCoalition + std::max(vote_i, 0.0) + std::max(vote_j, 0.0);
    const double base_ji = kMinChallengeCoalition + std::max(-vote_i, 0.0) + std::max(-vote_j, 0.0);
    double coalition_ij = base_ij;
    double coalition_ji = base_ji;
    for (int t = 0; t < n_; ++t) {
      if (t == i || t == j) continue;
      const double weight = salience_capability_[t];
      const double u_ti = u[t * n_ + i];
      const double u_tj = u[t * n_ + j];
      const double u_tt = u[t * n_ + t];
      const double lean = Vote(rule, weight, u_ti, u_tj);
      const double for_i = base_ij + std::max(lean, 0.0);
      const double p = for_i / (for_i + base_ji + std::max(-lean, 0.0));
      double join_i;
      double join_j;
      switch (config_.third_party_commit) {
        case SmpThirdPartyCommit::kSemiCommit:
          join_i = p * (2.0 * u_ti + u_tt) + (1.0 - p) * 3.0 * u_tj;
          join_j = p * 3.0 * u_ti + (1.0 - p) * (2.0 * u_tj + u_tt);
          break;
        case SmpThirdPartyCommit::kFullCommit:
          join_i = p * 3.0 * u_ti + (1.0 - p) * 3.0 * u_tj;
          join_j = join_i;
          break;
        case SmpThirdPartyCommit::kNoCommit:
        default:
          join_i = p * (2.0 * u_ti + u_tt) + (1.0 - p) * (2.0 * u_tj + u_tt);
          join_j = join_i;
          break;
      }
      const double vote = Vote(rule, weight, join_i, join_j);
      coalition_ij += std::max(vote, 0.0);
      coalition_ji += std::max(-vote, 0.0);
    }
    const double p_ij = coalition_ij / (coalition_ij + coalition_ji);
    const double contest = p_ij * victory + (1.0 - p_ij) * loss;
    const double s_j = total_salience_[j];
    const double challenge = (1.0 - s_j) * victory + s_j * contest;
    return {p_ij, challenge - status_quo};
  }

  static double Round4(double x) {
    return static_cast<double>(static_cast<long long>(0.5 + 1e4 * x)) / 1e4;
  }

  // SMPActor::interpolateBrgn, docs/models/smp.md §4.9, with probability_i the initiator's chance.
  SmpBargain Interpolate(int i, int j, const SmpState& state, double probability_i) const {
    const double probability_j = 1.0 - probability_i;
    SmpBargain bargain;
    bargain.initiator = i;
    bargain.receiver = j;
    bargain.initiator_position.resize(d_);
    bargain.receiver_position.resize(d_);
    for (int k = 0; k < d_; ++k) {
      const double x_i = state.position[i * d_ + k];
      const double x_j = state.position[j * d_ + k];
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
          bargain.initiator_position[k] =
              Round4(((w_i + kBargainWeightFloor) * x_i + w_j * x_j) / denominator);
          bargain.receiver_position[k] =
              Round4((w_i * x_i + (w_j + kBargainWeightFloor) * x_j) / denominator);
          break;
        }
        case SmpBargainInterpolation::kS2PMax: {
          const double d_i = std::max(0.0, probability_j - probability_i);
          const double d_j = std::max(0.0, probability_i - probability_j);
          const double s_i2 = s_i * s_i;
          const double s_j2 = s_j * s_j;
          bargain.initiator_position[k] =
              x_i +
              d_i * s_j2 / (d_i * s_j2 + kBargainWeightFloor + (1.0 - d_i) * s_i2) * (x_j - x_i);
          bargain.receiver_position[k] =
              x_j +
              d_j * s_i2 / (d_j * s_i2 + kBargainWeightFloor + (1.0 - d_j) * s_j2) * (x_i - x_j);
          break;
        }
      }
    }
    // KTAB's receiver-perspective "probability" is a gain (see Step), which can be negative:
    // with first powers (s1p1) the weights can then cancel or extrapolate. Keep bargains finite
    // and inside the space, where KTAB would leave it or divide by zero.
    for (int k = 0; k < d_; ++k) {
      double& at_i = bargain.initiator_position[k];
      double& at_j = bargain.receiver_position[k];
      at_i = std::isfinite(at_i) ? std::clamp(at_i, 0.0, 1.0) : state.position[i * d_ + k];
      at_j = std::isfinite(at_j) ? std::clamp(at_j, 0.0, 1.0) : state.position[j * d_ + k];
    }
    return bargain;
  }

  // SMPActor::posUtil: actor a's utility for a position, with its true risk attitude. KTAB
  // measures the distance from a's current *position* here (docs/models/smp.md §4.10 writes the
  // ideal; the two are equal unless the accommodation matrix is not the identity).
  double PositionUtility(int a, const SmpState& state, const std::vector<double>& position) const {
    return Utility(Distance(&state.position[a * d_], position.data(), &salience_[a * d_], d_),
                   true_risk_[a]);
  }

  // One turn: SMPState::doBCN for every actor (challenges and bargains), then
  // updateBestBrgnPositions for every actor (each queue resolved), then the new ideals.
  SmpState Step(SmpState& state) {
    const std::vector<SmpBargain> bargains = ChallengesAndBargains(state);
    const std::vector<std::vector<int>> queue = Queues(bargains);
    SmpState next;
    next.position = state.position;
    ResolveQueues(state, bargains, queue, next);
    NewIdeals(state, next);
    return next;
  }

  // Each actor's best challenge (§4.7–4.8) and the bargains it leads to (§4.9), in initiator
  // order; fills state.challenges.
  std::vector<SmpBargain> ChallengesAndBargains(SmpState& state) {
    state.challenges.assign(n_, SmpChallenge{});
    std::vector<SmpBargain> bargains;
    for (int i = 0; i < n_; ++i) {
      FillEstimatorUtility(i);
      SmpChallenge& best = state.challenges[i];
      double best_gain = kMinSignificantGain;
      for (int j = 0; j < n_; ++j) {
        if (j == i) continue;
        const ChallengeValue value = EvaluateChallenge(i, i, j);
        if (value.gain > best_gain) {
          best_gain = value.gain;
          best.target = j;
          best.gain = value.gain;
          best.probability = value.probability;
        }
      }
      if (best.target < 0) continue;
      const int j = best.target;
      SmpBargain from_initiator = Interpolate(i, j, state, best.probability);
      if (config_.bargain_model == SmpBargainModel::kInitOnlyInterp) {
        bargains.push_back(std::move(from_initiator));
        continue;
      }
      // The bargain "from the receiver's perspective" (§4.9). KTAB reads the second element of
      // probEduChlg(j, i, i, j) — j's estimate of i's expected *gain*, not of i's victory
      // probability — and interpolates with it as if it were a probability; kept for exactness.
      FillEstimatorUtility(j);
      const double receiver_view = EvaluateChallenge(i, i, j).gain;
      SmpBargain from_receiver = Interpolate(i, j, state, receiver_view);
      if (config_.bargain_model == SmpBargainModel::kInitRcvrInterp) {
        bargains.push_back(std::move(from_initiator));
        bargains.push_back(std::move(from_receiver));
        continue;
      }
      // PWCompInterp: KTAB weighs the receiver's bargain with the initiator's capability
      // (docs/models/smp.md §4.9, `scj = brgnJIJ->actInit->sCap`); kept for exactness.
      const double weight_i = capability_[i] * total_salience_[i];
      const double weight_j = capability_[i] * total_salience_[j];
      SmpBargain average = from_initiator;
      // Without weights (no salience) KTAB divides 0 by 0; the initiator's bargain stands.
      for (int k = 0; k < d_ && weight_i + weight_j > 0.0; ++k) {
        average.initiator_position[k] = (weight_i * from_initiator.initiator_position[k] +
                                         weight_j * from_receiver.initiator_position[k]) /
                                        (weight_i + weight_j);
        average.receiver_position[k] = (weight_i * from_initiator.receiver_position[k] +
                                        weight_j * from_receiver.receiver_position[k]) /
                                       (weight_i + weight_j);
      }
      bargains.push_back(std::move(average));
    }
    return bargains;
  }

  // Queues in KTAB's order (SMPState::doBCN): initiators are handled in index order; actor
  // i's status quo enters its queue when i's turn comes, then i's bargains enter both i's and
  // the target's queue. So bargains from lower-index initiators precede the receiver's own
  // status quo. The order only matters for exact ties in the vote (first wins). Entry -1 is
  // the queue owner's status quo.
  std::vector<std::vector<int>> Queues(const std::vector<SmpBargain>& bargains) const {
    std::vector<std::vector<int>> queue(n_);
    {
      std::size_t b = 0;
      for (int i = 0; i < n_; ++i) {
        queue[i].push_back(-1);
        for (; b < bargains.size() && bargains[b].initiator == i; ++b) {
          queue[i].push_back(static_cast<int>(b));
          queue[bargains[b].receiver].push_back(static_cast<int>(b));
        }
      }
    }
    return queue;
  }

  // SMPState::updateBestBrgnPositions for every actor (§4.10): each actor values every state a
  // bargain in k's queue would produce, and a capability-weighted PCE over the queue picks k's
  // bargain (or draws it). Fills state.accepted and the new positions in `next`.
  void ResolveQueues(SmpState& state, const std::vector<SmpBargain>& bargains,
                     const std::vector<std::vector<int>>& queue, SmpState& next) {
    std::vector<double> status_quo_value(n_);
    for (int a = 0; a < n_; ++a) {
      double sum = 0.0;
      for (int l = 0; l < n_; ++l) sum += own_utility_[a * n_ + l];
      status_quo_value[a] = sum / n_;
    }

    state.accepted.assign(n_, SmpBargain{});
    state.accepted_probability.assign(n_, 1.0);
    std::vector<double> value;
    for (int k = 0; k < n_; ++k) {
      const int m = static_cast<int>(queue[k].size());
      value.assign(static_cast<std::size_t>(n_) * m, 0.0);
      for (int a = 0; a < n_; ++a) {
        for (int q = 0; q < m; ++q) {
          if (queue[k][q] < 0) {
            value[a * m + q] = status_quo_value[a];
            continue;
          }
          // KTAB's brgnUtil: the two changed positions first, then everyone else's.
          const SmpBargain& bargain = bargains[queue[k][q]];
          double sum = PositionUtility(a, state, bargain.initiator_position);
          sum += PositionUtility(a, state, bargain.receiver_position);
          for (int l = 0; l < n_; ++l) {
            if (l != bargain.initiator && l != bargain.receiver) sum += own_utility_[a * n_ + l];
          }
          value[a * m + q] = sum / n_;
        }
      }
      ScalarPce(config_, config_.voting_rule, capability_, value, n_, m, coalition_, victory_,
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
      state.accepted_probability[k] = probability_[chosen];
      if (queue[k][chosen] < 0) {
        SmpBargain& kept = state.accepted[k];
        kept.initiator_position.assign(&state.position[k * d_], &state.position[k * d_] + d_);
        kept.receiver_position = kept.initiator_position;
        continue;
      }
      const SmpBargain& bargain = bargains[queue[k][chosen]];
      state.accepted[k] = bargain;
      const std::vector<double>& mine =
          bargain.initiator == k ? bargain.initiator_position : bargain.receiver_position;
      std::copy(mine.begin(), mine.end(), next.position.begin() + k * d_);
    }
  }

  // SMPState::newIdeals, docs/models/smp.md §4.11: y' = A x' + (1 − Σ_j A_ij) y.
  void NewIdeals(const SmpState& state, SmpState& next) const {
    if (accommodation_.empty()) {
      next.ideal = next.position;
    } else {
      next.ideal.assign(static_cast<std::size_t>(n_) * d_, 0.0);
      for (int i = 0; i < n_; ++i) {
        double row_sum = 0.0;
        for (int j = 0; j < n_; ++j) row_sum += accommodation_[i * n_ + j];
        for (int k = 0; k < d_; ++k) {
          double sum = 0.0;
          for (int j = 0; j < n_; ++j)
            sum += accommodation_[i * n_ + j] * next.position[j * d_ + k];
          next.ideal[i * d_ + k] = sum + (1.0 - row_sum) * state.ideal[i * d_ + k];
        }
      }
    }
  }

  const SmpConfig config_;
  const int n_;
  const int d_;
  const std::vector<double> capability_;
  const std::vector<double> salience_;
  const std::vector<double> accommodation_;
  KtabPrng rng_;
  std::vector<double> total_salience_;
  std::vector<double> salience_capability_;
  // Per-state work arrays, n × n.
  std::vector<double> distance_;
  std::vector<double> estimated_risk_;
  std::vector<double> own_utility_;
  std::vector<double> estimator_utility_;
  std::vector<double> true_risk_;
  // Scratch for PCE computations.
  std::vector<double> option_utility_;
  std::vector<double> coalition_;
  std::vector<double> victory_;
  std::vector<double> probability_;
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
  Engine engine(input, config, seed);
  return engine.Run(input.position);
}

}  // namespace statecraft
