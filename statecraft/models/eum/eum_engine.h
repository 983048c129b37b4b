// The per-issue engine of the eum model, shared by its two forms: the utilities of a challenge,
// the risk exponents, a mover's choice among its offers, and the round computation both forms
// implement (straightforward: eum_straightforward.cc; compressed, the default:
// eum_compressed.cc). Internal to the model: included only by the files of this folder. Section
// numbers (§) refer to docs/models/eum.md.
#ifndef STATECRAFT_MODELS_EUM_EUM_ENGINE_H_
#define STATECRAFT_MODELS_EUM_EUM_ENGINE_H_

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "statecraft/models/eum/eum.h"

namespace statecraft::eum_internal {

// Basic utilities of a challenge over the normalised distance d with risk exponent ρ
// (Scholz eq. 15–16, docs/models/eum.md §3.4).
inline double SuccessUtility(double distance, double rho) {
  const double base = 0.5 - 0.5 * distance;
  return 2.0 - 4.0 * (rho == 1.0 ? base : std::pow(base, rho));
}
inline double FailureUtility(double distance, double rho) {
  const double base = 0.5 + 0.5 * distance;
  return 2.0 - 4.0 * (rho == 1.0 ? base : std::pow(base, rho));
}

// Voter k's normalised distance to a position raised to its risk exponent (§3.3). At r = 1 the
// power is the identity; skipping it saves time and gives the same bits (pow is exact there).
inline double VoterUtility(double distance, double exponent) {
  return exponent == 1.0 ? distance : std::pow(distance, exponent);
}

// U_sq = 2 − 4·0.5^ρ (eq. 24); 0 at ρ = 1.
inline double StatusQuoUtility(double rho) {
  return 2.0 - 4.0 * (rho == 1.0 ? 0.5 : std::pow(0.5, rho));
}
inline constexpr double kLinearStatusQuo = 0.0;  // StatusQuoUtility(1)

// What the challenger i gives up by challenging j: Q·U_sq + (1 − Q)[T·U_b + (1 − T)·U_w]
// (eq. 25a, docs/models/eum.md §3.4), with `status_quo` = StatusQuoUtility(rho), computed once per
// actor rather than once per pair. At Q = 1 only the status quo remains, as in the Scholz code. The
// base of U_b is held at 0: it is negative only when |x_i − μ| + |x_i − x_j| > 2R, which positions
// inside the range cannot reach, but a dynamic range or rounding must not produce a NaN.
inline double StatusQuoTerm(double q, double status_quo, double rho, double challenger,
                            double target, double median, double range) {
  if (q == 1.0) return status_quo;
  const double to_median = std::abs(challenger - median);
  const double to_target = std::abs(challenger - target);
  const double shift = 0.25 * (to_median + to_target) / range;
  const double better = 2.0 - 4.0 * std::pow(std::max(0.0, 0.5 - shift), rho);
  const double worse = 2.0 - 4.0 * std::pow(0.5 + shift, rho);
  const double tilt = to_median < to_target ? better : worse;  // T = 1 iff |x_i − μ| < |x_i − x_j|
  return q * status_quo + (1.0 - q) * tilt;
}

// EU(i → j) of eq. 25a given P_ij, the target's salience s_j, U_s, U_f and the status-quo term.
inline double ChallengeUtility(double probability, double target_salience, double success,
                               double failure, double status_quo_term) {
  return target_salience * (probability * success + (1.0 - probability) * failure) +
         (1.0 - target_salience) * success - status_quo_term;
}

// Risk exponents from the security levels Sec_i (eq. 32–34, docs/models/eum.md §3.5). When every
// actor is equally secure the spread is zero and every r is 1 (the guard of §3.5).
void RiskExponents(const std::vector<double>& security, std::vector<double>* risk);

// The offer a mover takes (§3.6–3.7): confrontations first (least movement), then compromises
// (by the chosen key), then capitulations (least movement). Strict comparisons keep the first
// proposer in input order on ties.
class MoverChoice {
 public:
  MoverChoice(double mover_position, bool capitulation, EumCompromiseKey compromise_key)
      : mover_position_(mover_position),
        capitulation_(capitulation),
        compromise_key_(compromise_key) {}

  // a = EU(mover → proposer), b = EU(proposer → mover), both as the mover sees them.
  void Consider(int proposer, double proposer_position, double a, double b) {
    if (b > a && a > 0.0) {
      Offer(EumOfferKind::kConfrontation, proposer, proposer_position,
            std::abs(proposer_position - mover_position_), a, b);
    } else if (a < 0.0 && b > 0.0 && b > -a) {
      // Eq. 36: the mover concedes the share |a/b| of the distance.
      const double new_position =
          mover_position_ + (proposer_position - mover_position_) * std::abs(a / b);
      const double key = compromise_key_ == EumCompromiseKey::kMidpoint
                             ? (std::abs(a) * mover_position_ + std::abs(b) * proposer_position) /
                                   (std::abs(a) + std::abs(b))
                             : std::abs(new_position - mover_position_);
      Offer(EumOfferKind::kCompromise, proposer, new_position, key, a, b);
    } else if (capitulation_ && a < 0.0 && b > 0.0 && -a > b) {
      Offer(EumOfferKind::kCapitulation, proposer, proposer_position,
            std::abs(proposer_position - mover_position_), a, b);
    }
  }

  // The chosen offer, or nullptr when the mover stays.
  const EumOffer* Best() const {
    for (int kind = 0; kind < 3; ++kind) {
      if (found_[kind]) return &best_[kind];
    }
    return nullptr;
  }

 private:
  void Offer(EumOfferKind kind, int proposer, double new_position, double key, double a, double b) {
    const int slot = static_cast<int>(kind);
    if (found_[slot] && !(key < key_[slot])) return;
    found_[slot] = true;
    key_[slot] = key;
    best_[slot] = EumOffer{0, proposer, kind, new_position, a, b};
  }

  double mover_position_;
  bool capitulation_;
  EumCompromiseKey compromise_key_;
  bool found_[3] = {false, false, false};
  double key_[3] = {0.0, 0.0, 0.0};
  EumOffer best_[3];
};

// One round's computation for one issue. Positions x are the start-of-round state; the offers
// chosen by every mover are returned and applied by the caller at once (simultaneous update,
// §3.7).
class RoundEngine {
 public:
  RoundEngine(const EumIssueInput& input, const std::vector<double>& weight,
              const EumOptions& options)
      : salience_(input.salience), weight_(weight), options_(options) {}

  virtual ~RoundEngine() = default;

  // Fills risk exponents and offers of `result`.
  virtual void Step(const std::vector<double>& x, double range, double median,
                    EumRoundResult* result) = 0;

 protected:
  const std::vector<double>& salience_;
  const std::vector<double>& weight_;
  const EumOptions& options_;
};

// The two forms of the round computation; they give the same numbers bit for bit.
std::unique_ptr<RoundEngine> MakeStraightforwardEngine(const EumIssueInput& input,
                                                       const std::vector<double>& weight,
                                                       const EumOptions& options);
std::unique_ptr<RoundEngine> MakeCompressedEngine(const EumIssueInput& input,
                                                  const std::vector<double>& weight,
                                                  const EumOptions& options);

}  // namespace statecraft::eum_internal

#endif  // STATECRAFT_MODELS_EUM_EUM_ENGINE_H_
