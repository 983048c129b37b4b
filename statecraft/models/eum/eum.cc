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

namespace statecraft {
namespace {

// Relative tolerance for "the cumulative weight reaches half": weights such as 0.1 + 0.2 that
// split exactly in half on paper must not fall to the next position by a rounding error.
constexpr double kHalfTolerance = 1e-12;

// Basic utilities of a challenge over the normalised distance d with risk exponent ρ
// (Scholz eq. 15–16, spec §3.4).
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
constexpr double kLinearStatusQuo = 0.0;  // StatusQuoUtility(1)

// What the challenger i gives up by challenging j: Q·U_sq + (1 − Q)[T·U_b + (1 − T)·U_w]
// (eq. 25a, spec §3.4), with `status_quo` = StatusQuoUtility(rho), computed once per actor rather
// than once per pair. At Q = 1 only the status quo remains, as in the Scholz code. The base of
// U_b is held at 0: it is negative only when |x_i − μ| + |x_i − x_j| > 2R, which positions inside
// the range cannot reach, but a dynamic range or rounding must not produce a NaN.
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

// Risk exponents from the security levels Sec_i (eq. 32–34, spec §3.5). When every actor is
// equally secure the spread is zero and every r is 1 (the spec's guard).
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

// The literal form of §3.10: P for every ordered pair of actors with a loop over all voters,
// EU for every ordered pair. O(n³) per pass, O(n²) memory.
class StraightforwardEngine : public RoundEngine {
 public:
  using RoundEngine::RoundEngine;

  void Step(const std::vector<double>& x, double range, double median,
            EumRoundResult* result) override {
    const int n = static_cast<int>(x.size());
    const double q = options_.q;
    ones_.assign(n, 1.0);
    Probabilities(x, ones_, range);
    // First pass, every r = 1 (§3.5 step 1–2): Sec_a = Σ_{o≠a} EU(o → a).
    security_.assign(n, 0.0);
    for (int o = 0; o < n; ++o) {
      for (int a = 0; a < n; ++a) {
        if (x[o] == x[a]) continue;  // EU = 0 between actors at one position
        const double distance = std::abs(x[o] - x[a]) / range;
        security_[a] +=
            ChallengeUtility(probability_[o * n + a], salience_[a], SuccessUtility(distance, 1.0),
                             FailureUtility(distance, 1.0),
                             StatusQuoTerm(q, kLinearStatusQuo, 1.0, x[o], x[a], median, range));
      }
    }
    RiskExponents(security_, &result->risk_exponents);
    const std::vector<double>& risk = result->risk_exponents;
    status_quo_.resize(n);
    for (int a = 0; a < n; ++a) status_quo_[a] = StatusQuoUtility(risk[a]);
    Probabilities(x, options_.probability_risk == EumProbabilityRisk::kVoter ? risk : ones_, range);
    result->offers.clear();
    for (int m = 0; m < n; ++m) {
      MoverChoice choice(x[m], options_.capitulation, options_.compromise_key);
      for (int p = 0; p < n; ++p) {
        if (x[p] == x[m]) continue;
        const double distance = std::abs(x[m] - x[p]) / range;
        const double rho_mover = risk[m];
        const int rival = options_.perspective == EumPerspective::kMover ? m : p;
        const double rho_rival = risk[rival];
        const double a = ChallengeUtility(
            probability_[m * n + p], salience_[p], SuccessUtility(distance, rho_mover),
            FailureUtility(distance, rho_mover),
            StatusQuoTerm(q, status_quo_[m], rho_mover, x[m], x[p], median, range));
        const double b = ChallengeUtility(
            probability_[p * n + m], salience_[m], SuccessUtility(distance, rho_rival),
            FailureUtility(distance, rho_rival),
            StatusQuoTerm(q, status_quo_[rival], rho_rival, x[p], x[m], median, range));
        choice.Consider(p, x[p], a, b);
      }
      if (const EumOffer* best = choice.Best()) {
        EumOffer offer = *best;
        offer.mover = m;
        result->offers.push_back(offer);
      }
    }
  }

 private:
  // P_ij from the votes V_k(i, j) = w_k [d_kj^{r_k} − d_ki^{r_k}] (§3.3).
  void Probabilities(const std::vector<double>& x, const std::vector<double>& voter_risk,
                     double range) {
    const int n = static_cast<int>(x.size());
    utility_.resize(static_cast<std::size_t>(n) * n);
    for (int k = 0; k < n; ++k) {
      for (int a = 0; a < n; ++a) {
        utility_[k * n + a] = VoterUtility(std::abs(x[k] - x[a]) / range, voter_risk[k]);
      }
    }
    numerator_.assign(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        double positive = 0.0;
        for (int k = 0; k < n; ++k) {
          positive += std::max(0.0, weight_[k] * (utility_[k * n + j] - utility_[k * n + i]));
        }
        numerator_[i * n + j] = positive;
      }
    }
    // Σ_k |V_k(i, j)| = Σ_k max(0, V_k(i, j)) + Σ_k max(0, V_k(j, i)).
    absolute_.assign(static_cast<std::size_t>(n) * n, 0.0);
    double normaliser = 0.0;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        absolute_[i * n + j] = numerator_[i * n + j] + numerator_[j * n + i];
        normaliser += absolute_[i * n + j];
      }
    }
    probability_.assign(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (x[i] == x[j]) continue;
        const double denominator =
            options_.probability == EumProbability::kGlobal ? normaliser : absolute_[i * n + j];
        if (denominator > 0.0) probability_[i * n + j] = numerator_[i * n + j] / denominator;
      }
    }
  }

  std::vector<double> ones_, security_, status_quo_, utility_, numerator_, absolute_, probability_;
};

// The vote-tally kernel of the compressed form is also compiled for AVX2 and picked at load time.
// The clones do the same lane-wise IEEE operations in the same order (no reassociation, nothing
// to contract), so they give the same bits. Not under ThreadSanitizer: it instruments the clones'
// resolver, which runs while the program is loaded, before the sanitizer's runtime is up, and
// crashes there.
#if defined(__SANITIZE_THREAD__)
#define STATECRAFT_EUM_NO_CLONES
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define STATECRAFT_EUM_NO_CLONES
#endif
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(STATECRAFT_EUM_NO_CLONES)
#define STATECRAFT_EUM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define STATECRAFT_EUM_CLONES
#endif

constexpr int kPairBlock = 16;

// For the pairs (g, first + j), j < count ≤ kPairBlock, over utility[k * m + h] = u_k(h) and the
// voters' weights: for_g[j] = Σ_k max(0, w_k (u_k(h) − u_k(g))), for_h[j] = Σ_k max(0, −(...)),
// each summed over k in input order. A full block has a fixed trip count, which the compiler turns
// into vector lanes, one pair per lane.
STATECRAFT_EUM_CLONES
void TallyBlock(const double* utility, const double* weights, int n, int m, int g, int first,
                int count, double* for_g, double* for_h) {
  // Σ_k max(0, −v_k) is accumulated as −Σ_k min(0, v_k): negation is exact and commutes with
  // rounding, so this is the same number with one operation less per term.
  double sum_g[kPairBlock] = {};
  double sum_h[kPairBlock] = {};
  if (count == kPairBlock) {
    for (int k = 0; k < n; ++k) {
      const double* row = utility + static_cast<std::size_t>(k) * m;
      const double weight = weights[k];
      const double at_g = row[g];
      for (int j = 0; j < kPairBlock; ++j) {
        const double vote = weight * (row[first + j] - at_g);
        sum_g[j] += std::max(0.0, vote);
        sum_h[j] += std::min(0.0, vote);
      }
    }
  } else {
    for (int k = 0; k < n; ++k) {
      const double* row = utility + static_cast<std::size_t>(k) * m;
      const double weight = weights[k];
      const double at_g = row[g];
      for (int j = 0; j < count; ++j) {
        const double vote = weight * (row[first + j] - at_g);
        sum_g[j] += std::max(0.0, vote);
        sum_h[j] += std::min(0.0, vote);
      }
    }
  }
  for (int j = 0; j < count; ++j) {
    for_g[j] = sum_g[j];
    for_h[j] = 0.0 - sum_h[j];
  }
}

// The compressed form. Actors sharing a position share every distance and every P, so votes are
// tallied over the m distinct positions instead of the n actors, and one sweep over the voters
// gives both directions of a pair (V_k(h, g) = −V_k(g, h) exactly) and its absolute total. The
// voter powers d^r are computed once per pass (m × n), the expected utilities of the offers come
// from per-actor tables of U_s and U_f (n × m powers instead of 4n²).
//
// Every sum is taken in the same order as in StraightforwardEngine (voters in input order; the
// global normaliser and Sec over actors in input order), so both forms give the same bits. This
// matters: near a tie of the octant tests (an actor a hair's breadth from its proposer, §3.6) the
// chosen offer depends on the last bit, and the reference trajectories (the comp_key=least row of
// the variant sweep) follow one particular rounding.
//
// Cost per round: O(m² n) for the votes (2 passes), O(n²) for the normaliser, Sec and the offers,
// 3 n m powers. With m = n (all positions distinct) that is half the pair work of the plain form
// and fewer powers (it needs about 5 n²); positions coincide often (confrontations move actors
// onto each other), and then m ≪ n.
class CompressedEngine : public RoundEngine {
 public:
  using RoundEngine::RoundEngine;

  void Step(const std::vector<double>& x, double range, double median,
            EumRoundResult* result) override {
    const int n = static_cast<int>(x.size());
    const double q = options_.q;
    GroupPositions(x);
    const int m = static_cast<int>(group_position_.size());

    // First pass, every r = 1 (§3.5 steps 1–2): Sec_a = Σ_{o≠a} EU(o → a), o in input order.
    ones_.assign(n, 1.0);
    Probabilities(x, ones_, range, &first_probability_);
    security_.assign(n, 0.0);
    for (int o = 0; o < n; ++o) {
      const int h = group_of_[o];
      for (int a = 0; a < n; ++a) {
        const int g = group_of_[a];
        if (g == h) continue;
        const double distance = std::abs(x[o] - x[a]) / range;
        security_[a] +=
            ChallengeUtility(first_probability_[h * m + g], salience_[a],
                             SuccessUtility(distance, 1.0), FailureUtility(distance, 1.0),
                             StatusQuoTerm(q, kLinearStatusQuo, 1.0, x[o], x[a], median, range));
      }
    }
    RiskExponents(security_, &result->risk_exponents);
    const std::vector<double>& risk = result->risk_exponents;
    status_quo_.resize(n);
    for (int a = 0; a < n; ++a) status_quo_[a] = StatusQuoUtility(risk[a]);

    // Second pass: votes shaped by each voter's r (unless linear, where it equals the first).
    const std::vector<double>* probability = &first_probability_;
    if (options_.probability_risk == EumProbabilityRisk::kVoter) {
      Probabilities(x, risk, range, &second_probability_);
      probability = &second_probability_;
    }

    // U_s and U_f of every actor, with its own exponent, towards every position.
    success_.resize(static_cast<std::size_t>(n) * m);
    failure_.resize(static_cast<std::size_t>(n) * m);
    for (int a = 0; a < n; ++a) {
      for (int h = 0; h < m; ++h) {
        const double distance = std::abs(x[a] - group_position_[h]) / range;
        success_[a * m + h] = SuccessUtility(distance, risk[a]);
        failure_[a * m + h] = FailureUtility(distance, risk[a]);
      }
    }
    const bool own = options_.perspective == EumPerspective::kOwn;
    result->offers.clear();
    for (int mover = 0; mover < n; ++mover) {
      const int g = group_of_[mover];
      MoverChoice choice(x[mover], options_.capitulation, options_.compromise_key);
      const double rho = risk[mover];
      for (int p = 0; p < n; ++p) {
        const int h = group_of_[p];
        if (h == g) continue;
        const double a = ChallengeUtility(
            (*probability)[g * m + h], salience_[p], success_[mover * m + h],
            failure_[mover * m + h],
            StatusQuoTerm(q, status_quo_[mover], rho, x[mover], x[p], median, range));
        // Rival's EU with the mover's r (Scholz code) or the rival's own (eq. 25b).
        const int rival_row = own ? p * m + g : mover * m + h;
        const double b = ChallengeUtility(
            (*probability)[h * m + g], salience_[mover], success_[rival_row], failure_[rival_row],
            StatusQuoTerm(q, status_quo_[own ? p : mover], own ? risk[p] : rho, x[p], x[mover],
                          median, range));
        choice.Consider(p, x[p], a, b);
      }
      if (const EumOffer* best = choice.Best()) {
        EumOffer offer = *best;
        offer.mover = mover;
        result->offers.push_back(offer);
      }
    }
  }

 private:
  void GroupPositions(const std::vector<double>& x) {
    const int n = static_cast<int>(x.size());
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), [&](int a, int b) { return x[a] < x[b]; });
    group_position_.clear();
    group_of_.resize(n);
    for (int k = 0; k < n; ++k) {
      const int actor = order_[k];
      if (group_position_.empty() || x[actor] != group_position_.back()) {
        group_position_.push_back(x[actor]);
      }
      group_of_[actor] = static_cast<int>(group_position_.size()) - 1;
    }
  }

  // Votes of every voter on the pairs (g, h), h in [first, first + count), count ≤ kPairBlock:
  // Σ_k max(0, V_k(g, h)) (for g), Σ_k max(0, V_k(h, g)) (for h, since V_k(h, g) = −V_k(g, h)
  // exactly) and their sum Σ_k |V_k(g, h)|.
  void TallyPairs(int g, int first, int count, int n, int m) {
    double for_g[kPairBlock] = {};
    double for_h[kPairBlock] = {};
    TallyBlock(utility_.data(), weight_.data(), n, m, g, first, count, for_g, for_h);
    for (int j = 0; j < count; ++j) {
      const int h = first + j;
      numerator_[g * m + h] = for_g[j];
      numerator_[h * m + g] = for_h[j];
      absolute_[g * m + h] = for_g[j] + for_h[j];
      absolute_[h * m + g] = for_g[j] + for_h[j];
    }
  }

  // P between positions from the votes of every actor (§3.3), voter exponents `exponent`.
  void Probabilities(const std::vector<double>& x, const std::vector<double>& exponent,
                     double range, std::vector<double>* probability) {
    const int n = static_cast<int>(x.size());
    const int m = static_cast<int>(group_position_.size());
    // utility_[k * m + h] = d(voter k, position h)^{r_k}: positions contiguous, so that a block
    // of pairs (g, h..h+15) reads one short run per voter and the compiler can keep the block's
    // sums in vector registers. Each pair's sum still runs over the voters in input order.
    utility_.resize(static_cast<std::size_t>(n) * m);
    for (int k = 0; k < n; ++k) {
      double* row = &utility_[static_cast<std::size_t>(k) * m];
      for (int h = 0; h < m; ++h) {
        row[h] = VoterUtility(std::abs(x[k] - group_position_[h]) / range, exponent[k]);
      }
    }
    numerator_.assign(static_cast<std::size_t>(m) * m, 0.0);
    absolute_.assign(static_cast<std::size_t>(m) * m, 0.0);
    for (int g = 0; g < m; ++g) {
      int h = g + 1;
      for (; h + kPairBlock <= m; h += kPairBlock) TallyPairs(g, h, kPairBlock, n, m);
      if (h < m) TallyPairs(g, h, m - h, n, m);
    }
    double normaliser = 0.0;
    if (options_.probability == EumProbability::kGlobal) {
      // S = Σ_a Σ_b Σ_k |V_k(a, b)| over ordered pairs of actors, in input order.
      for (int a = 0; a < n; ++a) {
        const double* row = &absolute_[static_cast<std::size_t>(group_of_[a]) * m];
        for (int b = 0; b < n; ++b) normaliser += row[group_of_[b]];
      }
    }
    probability->assign(static_cast<std::size_t>(m) * m, 0.0);
    for (int g = 0; g < m; ++g) {
      for (int h = 0; h < m; ++h) {
        if (g == h) continue;
        const double denominator =
            options_.probability == EumProbability::kGlobal ? normaliser : absolute_[g * m + h];
        if (denominator > 0.0) (*probability)[g * m + h] = numerator_[g * m + h] / denominator;
      }
    }
  }

  std::vector<int> order_, group_of_;
  std::vector<double> group_position_;
  std::vector<double> ones_, security_, status_quo_, utility_, numerator_, absolute_;
  std::vector<double> first_probability_, second_probability_, success_, failure_;
};

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

}  // namespace

EumIssueResult RunEumIssue(const EumIssueInput& input, const EumOptions& options) {
  CheckInput(input);
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

  std::unique_ptr<RoundEngine> engine;
  if (options.straightforward) {
    engine = std::make_unique<StraightforwardEngine>(input, weight, options);
  } else {
    engine = std::make_unique<CompressedEngine>(input, weight, options);
  }

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

namespace {

template <typename Enum>
Enum ChoiceOf(const ParamValues& params, const std::string& name,
              const std::vector<std::pair<std::string, Enum>>& table) {
  const std::string& text = params.GetChoice(name);
  for (const auto& [choice, value] : table) {
    if (choice == text) return value;
  }
  return table.front().second;
}

EumOptions OptionsFrom(const ParamValues& params) {
  EumOptions options;
  options.probability = ChoiceOf<EumProbability>(
      params, "probability",
      {{"global", EumProbability::kGlobal}, {"pair", EumProbability::kPair}});
  options.probability_risk = ChoiceOf<EumProbabilityRisk>(
      params, "probability_risk",
      {{"voter", EumProbabilityRisk::kVoter}, {"linear", EumProbabilityRisk::kLinear}});
  options.perspective = ChoiceOf<EumPerspective>(
      params, "perspective", {{"mover", EumPerspective::kMover}, {"own", EumPerspective::kOwn}});
  options.compromise_key = ChoiceOf<EumCompromiseKey>(
      params, "compromise_key",
      {{"midpoint", EumCompromiseKey::kMidpoint}, {"least", EumCompromiseKey::kLeast}});
  options.capitulation = params.GetChoice("capitulation") == "on";
  options.q = params.GetNumber("q");
  options.range = ChoiceOf<EumRange>(
      params, "range", {{"fixed", EumRange::kFixed}, {"dynamic", EumRange::kDynamic}});
  options.rounds = static_cast<int>(params.GetInteger("rounds"));
  options.stop = ChoiceOf<EumStop>(params, "stop",
                                   {{"fixed_rounds", EumStop::kFixedRounds},
                                    {"fixed_point", EumStop::kFixedPoint},
                                    {"cycle", EumStop::kCycle},
                                    {"average", EumStop::kAverage}});
  options.epsilon = params.GetNumber("epsilon");
  return options;
}

class EumModel : public Model {
 public:
  explicit EumModel(EumOptions options) : options_(options) {}

  Forecast Run(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    const int issue_count = scenario.IssueCount();
    std::vector<std::vector<int>> members;
    std::vector<EumIssueResult> results;
    RunIssues(scenario, members, results);
    int round_count = 0;
    for (const EumIssueResult& result : results) {
      round_count = std::max(round_count, static_cast<int>(result.rounds.size()));
    }

    Forecast forecast;
    Round initial;
    initial.positions = InputPositions(scenario);
    Detail initial_means = Detail::MakeObject();
    for (int issue = 0; issue < issue_count; ++issue) {
      initial.outcome.push_back(results[issue].initial_median);
      initial_means.Set(scenario.issues[issue].name, results[issue].initial_mean);
    }
    initial.detail.Set("mean", std::move(initial_means));
    forecast.rounds.push_back(std::move(initial));

    for (int t = 1; t <= round_count; ++t) {
      Round round;
      round.positions = forecast.rounds.back().positions;
      round.outcome = forecast.rounds.back().outcome;
      Detail means = Detail::MakeObject();
      Detail risk_exponents = Detail::MakeObject();
      Detail offers = Detail::MakeList();
      for (int issue = 0; issue < issue_count; ++issue) {
        const EumIssueResult& result = results[issue];
        const std::vector<int>& actors = members[issue];
        if (t > static_cast<int>(result.rounds.size())) {
          // This issue stopped earlier: its state is carried over unchanged.
          const double mean =
              result.rounds.empty() ? result.initial_mean : result.rounds.back().mean;
          means.Set(scenario.issues[issue].name, mean);
          risk_exponents.Set(scenario.issues[issue].name, Detail());
          continue;
        }
        const EumRoundResult& step = result.rounds[t - 1];
        for (std::size_t k = 0; k < actors.size(); ++k) {
          round.positions[actors[k] * issue_count + issue] = step.positions[k];
        }
        round.outcome[issue] = step.median;
        means.Set(scenario.issues[issue].name, step.mean);
        Detail risk = Detail::MakeObject();
        for (std::size_t k = 0; k < actors.size(); ++k) {
          risk.Set(scenario.actors[actors[k]].name, step.risk_exponents[k]);
        }
        risk_exponents.Set(scenario.issues[issue].name, std::move(risk));
        for (const EumOffer& offer : step.offers) {
          Detail item = Detail::MakeObject();
          item.Set("issue", scenario.issues[issue].name);
          item.Set("mover", scenario.actors[actors[offer.mover]].name);
          item.Set("proposer", scenario.actors[actors[offer.proposer]].name);
          item.Set("kind", EumOfferKindName(offer.kind));
          item.Set("new_position", offer.new_position);
          item.Set("eu_mover", offer.eu_mover);
          item.Set("eu_proposer", offer.eu_proposer);
          offers.Append(std::move(item));
        }
      }
      round.detail.Set("mean", std::move(means));
      round.detail.Set("risk_exponents", std::move(risk_exponents));
      round.detail.Set("offers", std::move(offers));
      forecast.rounds.push_back(std::move(round));
    }
    SetOutcomes(results, forecast);

    Detail stopping = Detail::MakeObject();
    for (int issue = 0; issue < issue_count; ++issue) {
      const EumIssueResult& result = results[issue];
      Detail item = Detail::MakeObject();
      item.Set("range", result.range);
      item.Set("rounds_run", static_cast<int>(result.rounds.size()));
      item.Set("stopped_by", result.stopped_by);
      item.Set("converged", result.converged);
      if (result.has_cycle) {
        Detail cycle = Detail::MakeObject();
        cycle.Set("period", result.cycle.period);
        cycle.Set("first_round", result.cycle.first_round);
        cycle.Set("median_min", result.cycle.median_min);
        cycle.Set("median_mean", result.cycle.median_mean);
        cycle.Set("median_max", result.cycle.median_max);
        item.Set("cycle", std::move(cycle));
      } else {
        item.Set("cycle", Detail());
      }
      if (!result.note.empty()) item.Set("note", result.note);
      stopping.Set(scenario.issues[issue].name, std::move(item));
    }
    forecast.detail.Set("stopping", std::move(stopping));
    return forecast;
  }

  // The last round of Run without the per-round detail: each issue's final positions and median
  // (an issue that stopped early keeps its last state, as Run carries it over).
  Forecast RunOutcome(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    const int issue_count = scenario.IssueCount();
    std::vector<std::vector<int>> members;
    std::vector<EumIssueResult> results;
    RunIssues(scenario, members, results);
    Round last;
    last.positions = InputPositions(scenario);
    for (int issue = 0; issue < issue_count; ++issue) {
      const EumIssueResult& result = results[issue];
      if (result.rounds.empty()) {
        last.outcome.push_back(result.initial_median);
        continue;
      }
      const EumRoundResult& step = result.rounds.back();
      const std::vector<int>& actors = members[issue];
      for (std::size_t k = 0; k < actors.size(); ++k) {
        last.positions[actors[k] * issue_count + issue] = step.positions[k];
      }
      last.outcome.push_back(step.median);
    }
    Forecast forecast;
    forecast.rounds.push_back(std::move(last));
    SetOutcomes(results, forecast);
    return forecast;
  }

 private:
  // The forecast per issue under the stopping rule, and whether it settled.
  static void SetOutcomes(const std::vector<EumIssueResult>& results, Forecast& forecast) {
    forecast.outcome.clear();
    forecast.settlement.clear();
    for (const EumIssueResult& result : results) {
      forecast.outcome.push_back(result.rounds.empty() ? result.initial_median : result.outcome);
      forecast.settlement.push_back(
          {result.settled, result.outcome_low, result.outcome_high,
           result.has_cycle ? result.cycle.period : 0});
    }
  }

  // Runs every issue on its own: `members` lists each issue's actors (those with a stake).
  void RunIssues(const Scenario& scenario, std::vector<std::vector<int>>& members,
                 std::vector<EumIssueResult>& results) const {
    const int actor_count = scenario.ActorCount();
    const int issue_count = scenario.IssueCount();
    members.assign(issue_count, {});
    results.assign(issue_count, {});
    for (int issue = 0; issue < issue_count; ++issue) {
      EumIssueInput input;
      for (int actor = 0; actor < actor_count; ++actor) {
        if (!scenario.HasStake(actor, issue)) continue;
        members[issue].push_back(actor);
        input.position.push_back(scenario.Position(actor, issue));
        input.capability.push_back(scenario.Capability(actor, issue));
        input.salience.push_back(scenario.Salience(actor, issue));
      }
      try {
        results[issue] = RunEumIssue(input, options_);
      } catch (const InputError& error) {
        throw InputError("issue '" + scenario.issues[issue].name + "': " + error.what());
      }
    }
  }

  EumOptions options_;
};

ParamSpec Choice(std::string name, std::string default_value, std::vector<std::string> choices,
                 std::string description) {
  return ParamSpec{
      std::move(name),       ParamType::kChoice, std::move(default_value), std::move(choices), 0, 0,
      std::move(description)};
}

}  // namespace

void RegisterEumModel(ModelRegistry& registry) {
  registry.Add(ModelInfo{
      "eum",
      "Bueno de Mesquita's expected utility model (Scholz et al. 2011 reconstruction), per issue",
      {
          Choice("probability", "global", {"global", "pair"},
                 "P(i beats j): one normaliser over all pairs (Scholz code) or per pair (eq. 31)"),
          Choice("probability_risk", "voter", {"voter", "linear"},
                 "votes use each voter's risk exponent (Scholz code) or plain distances"),
          Choice("perspective", "mover", {"mover", "own"},
                 "risk exponent for the rival's EU: the mover's (Scholz code) or the rival's own "
                 "(eq. 25b)"),
          Choice("compromise_key", "midpoint", {"midpoint", "least"},
                 "among compromises pick the lowest EU-weighted midpoint (Scholz code) or the "
                 "least movement"),
          Choice("capitulation", "on", {"on", "off"},
                 "whether the compel/capitulate octant moves the mover (off: jmckib code)"),
          ParamSpec{"q",
                    ParamType::kNumber,
                    "1",
                    {},
                    0.0,
                    1.0,
                    "status-quo probability Q (1.0 in Scholz's replication)"},
          Choice("range", "fixed", {"fixed", "dynamic"},
                 "issue range R: fixed from the initial positions or recomputed every round"),
          ParamSpec{"rounds",
                    ParamType::kInteger,
                    "100",
                    {},
                    1,
                    100000,
                    "rounds to run (stop=fixed_rounds), the cap (fixed_point, cycle) or the "
                    "averaging horizon (average)"},
          Choice("stop", "average", {"average", "fixed_rounds", "fixed_point", "cycle"},
                 "forecast the median's long-run mean (over its cycle, else over `rounds` "
                 "rounds; stable to +-1 round), or stop after `rounds` (the reference: "
                 "rounds=10), at a fixed point (max move <= epsilon x range), or when a state "
                 "recurs"),
          ParamSpec{"epsilon",
                    ParamType::kNumber,
                    "1e-09",
                    {},
                    0.0,
                    1.0,
                    "fixed-point tolerance as a fraction of the issue's range"},
      },
      false,
      [](const ParamValues& params) { return std::make_unique<EumModel>(OptionsFrom(params)); }});
}

}  // namespace statecraft
